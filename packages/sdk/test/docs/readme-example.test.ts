import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const HEADER_LINES = 2;

/** The `ts` code blocks of a Markdown file, in order. */
function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? "");
}

describe("the README's first example", () => {
  it("is the file that `pnpm typecheck` compiles against the SDK (test/docs/readme-first-use.ts)", () => {
    const [first] = typescriptBlocks(readFileSync(new URL("../../README.md", import.meta.url), "utf8"));
    const compiled = readFileSync(new URL("./readme-first-use.ts", import.meta.url), "utf8")
      .split("\n")
      .slice(HEADER_LINES)
      .join("\n");
    expect(first).toContain('from "@samverkan/sdk"');
    expect(compiled).toBe(first);
  });
});
