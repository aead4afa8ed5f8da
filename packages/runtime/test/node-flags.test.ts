import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_NODE_FLAGS } from "../src/index";

const repo = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

describe("the apps' V8 flags", () => {
  it("keep the young generation small and let the app collect while idle (the reasons are in node-flags.ts)", () => {
    expect(APP_NODE_FLAGS).toEqual(["--max-semi-space-size=2", "--expose-gc"]);
  });

  it("are the ones the image starts the app with", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(repo("Dockerfile"))?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(["node", ...APP_NODE_FLAGS, "dist/main.js"]);
  });

  it("are the ones the benchmarks and the deploy smoke test start the built apps with", () => {
    const flags = /export const APP_NODE_FLAGS = (\[[^\]]*\]);/.exec(repo("scripts/app-process.mjs"))?.[1];
    expect(flags && JSON.parse(flags)).toEqual([...APP_NODE_FLAGS]);
  });

  it("are passed by `samverkan start` to each app it supervises", () => {
    // Whitespace aside, so a formatter's line breaks do not matter.
    const source = repo("apps/cli/src/commands/supervise-apps.ts").replace(/\s+/g, "");
    expect(source).toContain("spawn(process.execPath,[...APP_NODE_FLAGS,entry]");
  });
});
