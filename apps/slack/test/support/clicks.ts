import type { JsonObject } from "./fake-slack";
import type { ClickedButton } from "./slack-payloads";

interface ButtonLike {
  type: string;
  action_id: string;
  value?: string;
  text?: { text?: string };
}

/** Every button in Block Kit blocks (actions blocks and section accessories). */
export function buttonsIn(blocks: unknown): ButtonLike[] {
  const found: ButtonLike[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const object = node as JsonObject;
    if (object.type === "button" && typeof object.action_id === "string") found.push(object as unknown as ButtonLike);
    for (const child of Object.values(object)) walk(child);
  };
  walk(blocks);
  return found;
}

/** The button whose action id (before `:n`) is `actionId`, as Slack reports the click. */
export function button(blocks: unknown, actionId: string): ClickedButton {
  const match = buttonsIn(blocks).find((b) => b.action_id.slice(0, b.action_id.lastIndexOf(":")) === actionId);
  if (!match || match.value === undefined) {
    throw new Error(
      `no "${actionId}" button; buttons: ${buttonsIn(blocks)
        .map((b) => b.action_id)
        .join(", ")}`,
    );
  }
  return { action_id: match.action_id, value: match.value, text: match.text?.text ?? "" };
}
