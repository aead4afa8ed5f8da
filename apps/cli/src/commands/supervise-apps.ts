import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_NODE_FLAGS, createLogger, gracefulShutdown, installProcessGuards } from "@samverkan/runtime";
import { cliEnv } from "../runtime";

/** The repository root (the folder with pnpm-workspace.yaml), from the built bundle or the source alike. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("samverkan start runs the apps from the repository; no pnpm-workspace.yaml above this file");
    dir = parent;
  }
  return dir;
}

/** A running app: its child process and a promise of its exit code. */
interface AppChild {
  app: "slack" | "teams";
  exited: Promise<number>;
  /** SIGTERM (the app drains and exits on its own); resolves true when it exits 0. */
  drain(): Promise<boolean>;
}

/** Where an app's build output is (`pnpm start` at the root builds it first). */
const builtEntry = (app: "slack" | "teams"): string => resolve(repoRoot(), "apps", app, "dist/main.js");

/** Runs an app's build output with plain node. */
function startApp(app: "slack" | "teams", entry: string, notBuilt: (entry: string) => string): AppChild | undefined {
  if (!existsSync(entry)) {
    process.stderr.write(`${notBuilt(entry)}\n`);
    return undefined;
  }
  // Its own process group: a Ctrl-C in the terminal reaches this process only, which passes
  // one SIGTERM on (the app would take a second signal as "exit at once"). The IPC channel
  // closes however this process ends, SIGKILL included, and the app then shuts down itself.
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, entry], { stdio: ["inherit", "inherit", "inherit", "ipc"], detached: true }); // inherits this environment
  const exited = new Promise<number>((done) => child.once("exit", (code) => done(code ?? 1)));
  process.once("exit", () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  });
  return {
    app,
    exited,
    async drain() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`${app} exited with ${code} while shutting down`);
      return true;
    },
  };
}

/**
 * Both apps side by side; on SIGTERM/SIGINT each drains within its own grace, then this
 * process exits. `entryOf` is where each app's build is (tests point it elsewhere).
 */
export async function superviseApps(
  apps: Array<"slack" | "teams">,
  notBuilt: (entry: string) => string,
  entryOf: (app: "slack" | "teams") => string = builtEntry,
): Promise<void> {
  const env = cliEnv();
  const logger = createLogger({ app: "samverkan-start", level: env.logLevel, destination: process.stderr });
  installProcessGuards(logger);
  const children = apps.map((app) => startApp(app, entryOf(app), notBuilt));
  const running = children.filter((child): child is AppChild => child !== undefined);
  // The apps wait SHUTDOWN_GRACE_SECONDS for accepted work and 5 s more for their own cleanup.
  const graceMs = (Number(env.vars.SHUTDOWN_GRACE_SECONDS ?? "10") || 10) * 1000 + 5_000;
  const shutdown = gracefulShutdown({ servers: running, graceMs, logger, signals: ["SIGTERM", "SIGINT", "SIGHUP"] });
  const codes = await Promise.all(running.map((child) => child.exited));
  shutdown.dispose();
  process.exitCode = children.includes(undefined) ? 1 : (codes.find((c) => c !== 0) ?? 0);
}
