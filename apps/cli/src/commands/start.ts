import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { Staff } from "@samverkan/sdk";
import { reportError } from "../output";
import { createLogger, gracefulShutdown, installProcessGuards, type EnvSnapshot } from "@samverkan/runtime";
import { cliEnv, cliLocale, openRuntime, type CliRuntime } from "../runtime";
import { t, type Messages } from "../i18n";

type StartTexts = Messages["start"];

/** Where statistics exports are looked for on the first run (the SQLite store lives there too). */
export const DEFAULT_DATA_DIR = "./data/";

/** Which transports have credentials in the environment. */
export function configuredApps(env: EnvSnapshot = cliEnv().vars): Array<"slack" | "teams"> {
  const apps: Array<"slack" | "teams"> = [];
  if (env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) apps.push("slack");
  if (env.MICROSOFT_APP_ID || env.TEAMS_DEV_NO_AUTH === "1") apps.push("teams");
  return apps;
}

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

/** Runs an app's build output with plain node (`pnpm start` at the root builds it first). */
function startApp(app: "slack" | "teams", m: StartTexts): AppChild | undefined {
  const entry = resolve(repoRoot(), "apps", app, "dist/main.js");
  if (!existsSync(entry)) {
    process.stderr.write(`${m.notBuilt(entry)}\n`);
    return undefined;
  }
  // Its own process group: a Ctrl-C in the terminal reaches this process only, which passes
  // one SIGTERM on (the app would take a second signal as "exit at once").
  const child = spawn(process.execPath, [entry], { stdio: "inherit", detached: true }); // inherits this environment
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

/** Both apps side by side; on SIGTERM/SIGINT each drains within its own grace, then this process exits. */
async function superviseApps(apps: Array<"slack" | "teams">, m: StartTexts): Promise<void> {
  const env = cliEnv();
  const logger = createLogger({ app: "samverkan-start", level: env.logLevel, destination: process.stderr });
  installProcessGuards(logger);
  const children = apps.map((app) => startApp(app, m));
  const running = children.filter((child): child is AppChild => child !== undefined);
  // The apps wait SHUTDOWN_GRACE_SECONDS for accepted work and 5 s more for their own cleanup.
  const graceMs = (Number(env.vars.SHUTDOWN_GRACE_SECONDS ?? "10") || 10) * 1000 + 5_000;
  const shutdown = gracefulShutdown({ servers: running, graceMs, logger, signals: ["SIGTERM", "SIGINT", "SIGHUP"] });
  const codes = await Promise.all(running.map((child) => child.exited));
  shutdown.dispose();
  process.exitCode = children.includes(undefined) ? 1 : (codes.find((c) => c !== 0) ?? 0);
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("Start the Slack and/or Teams apps when their credentials are set, otherwise the terminal chat (with a first-run setup)")
    .action(async () => {
      // Every prompt and message of the start and the first-run setup is in SAMVERKAN_LANG.
      const m = t(cliLocale()).start;
      const apps = configuredApps();
      if (apps.length > 0) {
        process.stderr.write(`${m.starting(apps)}\n`);
        return superviseApps(apps, m);
      }
      let rt: CliRuntime | undefined;
      try {
        rt = await openRuntime();
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })[Symbol.asyncIterator]();
        const ask = async (prompt: string): Promise<string | undefined> => {
          process.stdout.write(prompt);
          const next = await lines.next();
          return next.done ? undefined : next.value.trim();
        };
        const staff = await ensureStaff(rt, ask, m);
        if (!staff) return;
        await ensureSchoolData(rt, ask, m);
        const [{ createEngine }, { runTerminalChat }] = await Promise.all([import("@samverkan/chat"), import("../terminal/chat")]);
        await runTerminalChat({ engine: createEngine({ samverkan: rt.sv }), staff, input: process.stdin, output: process.stdout, lines });
      } catch (error) {
        process.exitCode = reportError(error, cliLocale(), false);
      } finally {
        await rt?.close();
      }
    });
}

/** First run: the person at the keyboard becomes the first (admin) staff member. */
async function ensureStaff(rt: CliRuntime, ask: (prompt: string) => Promise<string | undefined>, m: StartTexts): Promise<Staff | undefined> {
  const who = cliEnv().cli.user;
  if (who) {
    const found = await rt.sv.staff.find(who);
    if (found) return found;
  }
  const all = await rt.sv.staff.list();
  if (all.length === 1) return all[0];
  if (all.length > 1) {
    process.stdout.write(`${m.chooseWhoYouAre(all.map((s) => s.email ?? s.name).join(", "))}\n`);
    return undefined;
  }
  process.stdout.write(`${m.welcome}\n`);
  const name = (await ask(m.askName)) || m.defaultName;
  const email = (await ask(m.askEmail)) || null;
  // The first administrator is spoken to in the configured language from the first chat turn on.
  return rt.sv.staff.create({ name, email, agency: "skolverket", role: "admin", homeOfficeId: "solna", locale: rt.locale }, { actor: { system: "first-run" }, channel: "cli" });
}

/** First run: without school data there is nothing to look up; offer a statistics export or the API. */
async function ensureSchoolData(rt: CliRuntime, ask: (prompt: string) => Promise<string | undefined>, m: StartTexts): Promise<void> {
  if ((await rt.sv.counts()).schoolUnits > 0) return;
  process.stdout.write([m.noSchoolData, `  ${m.optionExport}`, `  ${m.optionApi}`, `  ${m.optionSkip}`, ""].join("\n"));
  const choice = (await ask(m.askOption)) || "1";
  const system = { actor: { system: "first-run" }, channel: "cli" } as const;
  if (choice === "1") {
    const path = await pickStatisticsExport(ask, m);
    if (!path) return;
    const summary = await rt.sv.data.importStatisticsExport(readFileSync(path, "utf8"), system, { source: path });
    process.stdout.write(`${m.imported({ schoolUnits: summary.schoolUnits.added + summary.schoolUnits.updated, errors: summary.errors.length })}\n`);
  } else if (choice === "2") {
    const municipality = (await ask(m.askMunicipality)) || "0180";
    const { createSkolverketClient } = await import("@samverkan/sdk");
    const baseUrl = cliEnv().skolverketApiUrl;
    const client = createSkolverketClient(baseUrl ? { baseUrl } : {});
    process.stdout.write(`${m.fetching}\n`);
    const summary = await rt.sv.data.sync({ client, municipalities: [municipality] }, system);
    process.stdout.write(`${m.synced({ added: summary.added, updated: summary.updated, failed: summary.failed.length })}\n`);
  }
}

/** A small file picker: a file, or a folder (default ./data/) whose CSV files are offered by number. */
async function pickStatisticsExport(ask: (prompt: string) => Promise<string | undefined>, m: StartTexts): Promise<string | undefined> {
  const later = `${m.importLater}\n`;
  const answer = (await ask(m.askExport(DEFAULT_DATA_DIR))) || DEFAULT_DATA_DIR;
  if (!existsSync(answer)) {
    process.stdout.write(`${m.notFound(answer)} ${later}`);
    return undefined;
  }
  if (!statSync(answer).isDirectory()) return answer;
  const files = readdirSync(answer).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
  if (files.length === 0) {
    process.stdout.write(`${m.noCsvFiles(answer)} ${later}`);
    return undefined;
  }
  files.forEach((name, index) => process.stdout.write(`  ${index + 1}) ${name}\n`));
  const picked = files[Number((await ask(m.askFile)) || "1") - 1];
  if (!picked) {
    process.stdout.write(`${m.noSuchFile} ${later}`);
    return undefined;
  }
  return join(answer, picked);
}
