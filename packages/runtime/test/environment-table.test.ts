import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderTable, VARIABLES, withTable } from "../src/index";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("the README's environment table", () => {
  it("is the table rendered from packages/runtime/src/variables.ts (run `pnpm --filter @samverkan/runtime env-table` after a change)", () => {
    expect(withTable(readme)).toBe(readme);
  });

  it("names every variable", () => {
    for (const v of VARIABLES) expect(renderTable()).toContain(`| \`${v.name}\` |`);
  });

  it("is detected as stale when a row is missing", () => {
    const stale = readme.replace(/^\| `METRICS_TOKEN` \|.*\n/m, "");
    expect(stale).not.toBe(readme);
    expect(withTable(stale)).not.toBe(stale);
  });
});
