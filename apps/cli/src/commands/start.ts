import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";
import type { Command } from "commander";
import type { Staff } from "@samverkan/sdk";
import { reportError } from "../output";
import type { EnvSnapshot } from "@samverkan/runtime";
import { cliEnv, cliLocale, openRuntime, type CliRuntime } from "../runtime";

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
      const apps = configuredApps();
      if (apps.length > 0) {
        process.stderr.write(`Startar ${apps.join(" och ")} …\n`);
        const { superviseApps } = await import("./supervise-apps");
        return superviseApps(apps);
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
        const staff = await ensureStaff(rt, ask);
        if (!staff) return;
        await ensureSchoolData(rt, ask);
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
async function ensureStaff(rt: CliRuntime, ask: (prompt: string) => Promise<string | undefined>): Promise<Staff | undefined> {
  const who = cliEnv().cli.user;
  if (who) {
    const found = await rt.sv.staff.find(who);
    if (found) return found;
  }
  const all = await rt.sv.staff.list();
  if (all.length === 1) return all[0];
  if (all.length > 1) {
    process.stdout.write(`Välj vem du är med SAMVERKAN_USER=<e-post>. Medarbetare: ${all.map((s) => s.email ?? s.name).join(", ")}\n`);
    return undefined;
  }
  process.stdout.write("Välkommen till Samverkan! Det här är första starten, så jag lägger upp dig som administratör.\n");
  const name = (await ask("Vad heter du? ")) || "Administratör";
  const email = (await ask("Din e-postadress (valfritt): ")) || null;
  return rt.sv.staff.create({ name, email, agency: "skolverket", role: "admin", homeOfficeId: "solna" }, { actor: { system: "first-run" }, channel: "cli" });
}

/** First run: without school data there is nothing to look up; offer a statistics export or the API. */
async function ensureSchoolData(rt: CliRuntime, ask: (prompt: string) => Promise<string | undefined>): Promise<void> {
  if ((await rt.sv.counts()).schoolUnits > 0) return;
  process.stdout.write(
    "Det finns ingen skoldata ännu.\n" +
      "  1) Läs in Skolverkets statistikexport (CSV-fil)\n" +
      "  2) Hämta från Skolverkets API (en kommun, t.ex. 0180 Stockholm)\n" +
      "  3) Hoppa över\n",
  );
  const choice = (await ask("Välj 1, 2 eller 3 [1]: ")) || "1";
  const system = { actor: { system: "first-run" }, channel: "cli" } as const;
  if (choice === "1") {
    const path = await pickStatisticsExport(ask);
    if (!path) return;
    const summary = await rt.sv.data.importStatisticsExport(readFileSync(path, "utf8"), system, { source: path });
    process.stdout.write(`Inläst: ${summary.schoolUnits.added + summary.schoolUnits.updated} skolenheter, ${summary.errors.length} rader med fel.\n`);
  } else if (choice === "2") {
    const municipality = (await ask("Kommunkod [0180]: ")) || "0180";
    const { createSkolverketClient } = await import("@samverkan/sdk");
    const baseUrl = cliEnv().skolverketApiUrl;
    const client = createSkolverketClient(baseUrl ? { baseUrl } : {});
    process.stdout.write("Hämtar från Skolverket …\n");
    const summary = await rt.sv.data.sync({ client, municipalities: [municipality] }, system);
    process.stdout.write(`Klart: ${summary.added} nya, ${summary.updated} uppdaterade, ${summary.failed.length} misslyckade.\n`);
  }
}

/** A small file picker: a file, or a folder (default ./data/) whose CSV files are offered by number. */
async function pickStatisticsExport(ask: (prompt: string) => Promise<string | undefined>): Promise<string | undefined> {
  const later = "Du kan läsa in den senare med `samverkan import <fil.csv>`.\n";
  const answer = (await ask(`Fil eller mapp med exporten [${DEFAULT_DATA_DIR}]: `)) || DEFAULT_DATA_DIR;
  if (!existsSync(answer)) {
    process.stdout.write(`Hittade inte ${answer}. ${later}`);
    return undefined;
  }
  if (!statSync(answer).isDirectory()) return answer;
  const files = readdirSync(answer).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
  if (files.length === 0) {
    process.stdout.write(`Det finns inga CSV-filer i ${answer}. Lägg Skolverkets export (t.ex. slutbetyg-ak9-2025-skolenhet.csv) där. ${later}`);
    return undefined;
  }
  files.forEach((name, index) => process.stdout.write(`  ${index + 1}) ${name}\n`));
  const picked = files[Number((await ask("Välj fil [1]: ")) || "1") - 1];
  if (!picked) {
    process.stdout.write(`Det finns ingen sådan fil i listan. ${later}`);
    return undefined;
  }
  return join(answer, picked);
}
