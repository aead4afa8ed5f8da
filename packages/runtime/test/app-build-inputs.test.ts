import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The apps bundle the workspace packages they use from TypeScript source (tsup-app.js), so turbo
// must rebuild an app when one of those sources changes; otherwise `pnpm start` replays a cached
// build with the old code (as it did with this package's idle collector).
const repo = new URL("../../../", import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, repo), "utf8")) as Record<string, unknown>;
const packageDirs = new Map(readdirSync(new URL("packages/", repo)).map((dir) => [json(`packages/${dir}/package.json`).name as string, dir]));

describe.each(["cli", "slack", "teams"])("the %s app's turbo build", (app) => {
  const dependencies = Object.keys(json(`apps/${app}/package.json`).dependencies as Record<string, string>).filter((name) => packageDirs.has(name));
  const build = (json(`apps/${app}/turbo.json`).tasks as { build: { inputs: string[] } }).build;

  it("hashes the source of every workspace package it bundles, and the shared build settings", () => {
    expect(dependencies.length).toBeGreaterThan(0);
    for (const name of dependencies) expect(build.inputs).toContain(`$TURBO_ROOT$/packages/${packageDirs.get(name)!}/src/**`);
    expect(build.inputs).toContain("$TURBO_ROOT$/tooling/typescript/tsup-app.js");
    expect(build.inputs).toContain("$TURBO_DEFAULT$");
  });
});
