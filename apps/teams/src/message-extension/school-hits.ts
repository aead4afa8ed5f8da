import type { Message } from "@samverkan/chat";

export interface SchoolHit {
  code: string;
  name: string;
  /** "Kommun · Huvudman · kod" as the engine words it. */
  detail?: string;
}

function stringValue(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * The schools an engine reply to a search shows, in order: the rows of a result list
 * (each with a `school.show` action carrying the code), or the one school card a code
 * search answers with (header + `book.start` carrying `schoolUnitCode`).
 */
export function schoolHitsOf(messages: readonly Message[]): SchoolHit[] {
  const hits: SchoolHit[] = [];
  const seen = new Set<string>();
  const add = (hit: SchoolHit) => {
    if (seen.has(hit.code)) return;
    seen.add(hit.code);
    hits.push(hit);
  };
  for (const message of messages) {
    let header: string | undefined;
    for (const block of message.blocks) {
      if (block.type === "header") header = block.text;
      if (block.type === "list") {
        for (const item of block.items) {
          const code = item.action?.id === "school.show" ? stringValue(item.action.value.code) : undefined;
          if (code) add({ code, name: item.title, ...(item.subtitle ? { detail: item.subtitle } : {}) });
        }
      }
      if (block.type === "actions" && header) {
        for (const action of block.actions) {
          const code = action.id === "book.start" ? stringValue(action.value.schoolUnitCode) : undefined;
          if (code) add({ code, name: header });
        }
      }
    }
  }
  return hits;
}
