import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Tests run the CLI from its TypeScript sources (no build needed); the deploy smoke test runs the build.
const entry = resolve(dirname(fileURLToPath(import.meta.url)), "../src/main.ts");
const tsx = import.meta.resolve("tsx");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `samverkan` program in a child process. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      process.execPath,
      ["--conditions=@samverkan/source", "--import", tsx, entry, ...args],
      { env: { ...process.env, SAMVERKAN_LANG: "sv", ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : error ? 1 : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A fresh SQLite file per test file. */
export function tempDbEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-cli-"));
  return { SAMVERKAN_DB: join(dir, "samverkan.db"), DATABASE_URL: "" };
}
