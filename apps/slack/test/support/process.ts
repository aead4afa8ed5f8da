import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface AppProcess {
  child: ChildProcess;
  /** Parsed JSON log lines from stdout so far (and raw text lines that are not JSON). */
  lines: Array<Record<string, unknown>>;
  stderr(): string;
  /** Resolves with the first log line matching, or rejects when the process exits first. */
  waitForLine(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** The exit code, or "timeout" after killing a process that did not exit within `ms`. */
  exitWithin(ms: number): Promise<number | string>;
}

const running = new Set<ChildProcess>();

/** Kills every process a test started that is still running (call in afterEach). */
export function killStrayProcesses(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  running.clear();
}

/** A fresh SQLite file for one process. */
export function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), "samverkan-slack-proc-")), "samverkan.db");
}

/** The environment of an app process against a fake Slack's Web API on a fresh SQLite file, plus `extra`. */
export function slackAppEnv(
  credentials: { botToken: string; signingSecret: string; teamId: string; apiUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: credentials.botToken,
    SLACK_SIGNING_SECRET: credentials.signingSecret,
    SLACK_ALLOWED_TEAM_IDS: credentials.teamId,
    SLACK_API_URL: credentials.apiUrl,
    HOST: "127.0.0.1",
    PORT: "0",
    SAMVERKAN_DB: tempDatabase(),
    ...extra,
  };
}

/** Runs `src/main.ts` the way `pnpm start` does (tsx, source conditions), with exactly `env` added. */
export function startAppProcess(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ["--conditions=@samverkan/source", "--import", "tsx", "src/main.ts"], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const lines: Array<Record<string, unknown>> = [];
  let err = "";
  let pending = "";
  const listeners = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts) {
      if (!part.trim()) continue;
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        lines.push({ text: part });
      }
    }
    for (const listener of listeners) listener();
  });
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exited = new Promise<number | string>((done) => child.once("exit", (code, signal) => done(code ?? signal ?? "unknown")));
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    async exitWithin(ms) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"timeout">((done) => (timer = setTimeout(() => done("timeout"), ms)));
      const result = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (result === "timeout") child.kill("SIGKILL");
      return result;
    },
    waitForLine(predicate, timeoutMs = 60_000) {
      return new Promise((resolveLine, reject) => {
        const check = () => {
          const found = lines.find(predicate);
          if (found) {
            cleanup();
            resolveLine(found);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching log line within ${timeoutMs} ms; stdout: ${JSON.stringify(lines)}; stderr: ${err}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          cleanup();
          reject(new Error(`process exited; stdout: ${JSON.stringify(lines)}; stderr: ${err}`));
        });
        check();
      });
    },
  };
}
