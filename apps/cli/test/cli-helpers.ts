import { expect } from "vitest";
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

/**
 * The staff most tests act as, added through the CLI itself: Ulla Chef (admin, ulla@spsm.se),
 * who adds Karin Lind (advisor, karin.lind@spsm.se) and, with `viewer`, Vera Viewer (viewer,
 * vera@skolverket.se). Each command must exit 0.
 */
export async function addStaffTeam(env: Record<string, string>, options: { viewer?: boolean } = {}): Promise<void> {
  const commands = [
    ["staff", "add", "--name", "Ulla Chef", "--email", "ulla@spsm.se", "--agency", "spsm", "--role", "admin"],
    ["staff", "add", "--name", "Karin Lind", "--email", "karin.lind@spsm.se", "--agency", "spsm", "--role", "advisor", "--as", "ulla@spsm.se"],
    ...(options.viewer
      ? [["staff", "add", "--name", "Vera Viewer", "--email", "vera@skolverket.se", "--agency", "skolverket", "--role", "viewer", "--as", "ulla@spsm.se"]]
      : []),
  ];
  for (const args of commands) {
    const { code, stderr } = await runCli(args, env);
    expect(code, stderr).toBe(0);
  }
}

/** A fresh SQLite file per test file. */
export function tempDbEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-cli-"));
  return { SAMVERKAN_DB: join(dir, "samverkan.db"), DATABASE_URL: "" };
}
