import type { AnyBlock, Button, KnownBlock } from "@slack/types";

/** Every button in a list of Slack blocks, in document order. */
export function slackButtons(blocks: readonly (AnyBlock | KnownBlock)[]): Button[] {
  const buttons: Button[] = [];
  for (const block of blocks) {
    const candidate = block as { accessory?: { type: string }; elements?: { type: string }[] };
    if (candidate.accessory?.type === "button") buttons.push(candidate.accessory as Button);
    if (block.type === "actions") {
      for (const element of candidate.elements ?? []) if (element.type === "button") buttons.push(element as Button);
    }
  }
  return buttons;
}

/** All text a user could see or Slack could parse, for "nothing leaked" assertions. */
export function slackStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(slackStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(slackStrings);
  return [];
}

/** True when a string contains half of a surrogate pair (a cut emoji). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
