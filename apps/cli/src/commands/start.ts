import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Staff } from "@samverkan/sdk";
import { reportError } from "../output";
import type { EnvSnapshot } from "@samverkan/runtime";
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
        const { superviseApps } = await import("./supervise-apps");
        return superviseApps(apps, m.notBuilt);
      }
      let rt: CliRuntime | undefined;
      try {
        rt = await openRuntime();
        const { createInterface } = await import("node:readline");
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
  return rt.sv.staff.create(
    { name, email, agency: "skolverket", role: "admin", homeOfficeId: "solna", locale: rt.locale },
    { actor: { system: "first-run" }, channel: "cli" },
  );
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
  const files = readdirSync(answer)
    .filter((name) => name.toLowerCase().endsWith(".csv"))
    .sort();
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
