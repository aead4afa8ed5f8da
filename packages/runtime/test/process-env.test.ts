import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Where process.env may be read: this package, and the apps' entry points. */
const ALLOWED = [/^packages\/runtime\/src\//, /^apps\/[^/]+\/src\/main\.ts$/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : sources(path);
    return /\.(ts|js|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const READ = /process\s*\.\s*env\b|process\s*\[\s*["']env["']\s*\]|\{\s*env\s*\}\s*=\s*process\b/;

describe("environment access", () => {
  const files = ["packages", "apps"].flatMap((top) =>
    readdirSync(join(root, top)).flatMap((pkg) => {
      const src = join(root, top, pkg, "src");
      try {
        return sources(src);
      } catch {
        return [];
      }
    }),
  );

  it("finds the sources to check", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("reads process.env only in packages/runtime and the apps' entry points", () => {
    const offenders = files
      .map((file) => relative(root, file).split("\\").join("/"))
      .filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))
      .filter((file) => READ.test(readFileSync(join(root, file), "utf8")));
    expect(offenders, "read the variable in packages/runtime (readEnv) and pass the value in").toEqual([]);
  });

  it("would catch a read", () => {
    expect(READ.test("const url = process.env.DATABASE_URL;")).toBe(true);
    expect(READ.test("const { env } = process;")).toBe(true);
  });
});
