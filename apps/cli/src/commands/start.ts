import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { createEngine } from "@samverkan/chat";
import type { Staff } from "@samverkan/sdk";
import { reportError } from "../output";
import { cliLocale, openRuntime, type CliRuntime } from "../runtime";
import { runTerminalChat } from "../terminal/chat";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../../..");
const BUNDLED_EXPORT = resolve(repoRoot, "../shared/fixtures/skolverket/slutbetyg-ak9-2025-skolenhet.csv");

/** Which transports have credentials in the environment. */
export function configuredApps(env: NodeJS.ProcessEnv = process.env): Array<"slack" | "teams"> {
  const apps: Array<"slack" | "teams"> = [];
  if (env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) apps.push("slack");
  if (env.MICROSOFT_APP_ID || env.TEAMS_DEV_NO_AUTH === "1") apps.push("teams");
  return apps;
}

function startApp(app: "slack" | "teams"): Promise<number> {
  const require = createRequire(import.meta.url);
  const tsxCli = require.resolve("tsx/cli");
  const entry = resolve(repoRoot, "apps", app, "src/main.ts");
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsxCli, "--conditions=@samverkan/source", entry], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => done(code ?? 1));
  });
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("Start the Slack and/or Teams apps when their credentials are set, otherwise the terminal chat (with a first-run setup)")
    .action(async () => {
      const apps = configuredApps();
      if (apps.length > 0) {
        process.stderr.write(`Startar ${apps.join(" och ")} …\n`);
        const codes = await Promise.all(apps.map(startApp));
        process.exitCode = codes.find((c) => c !== 0) ?? 0;
        return;
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
  const who = process.env.SAMVERKAN_USER;
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

/** First run: without school data there is nothing to look up; offer the API or a file. */
async function ensureSchoolData(rt: CliRuntime, ask: (prompt: string) => Promise<string | undefined>): Promise<void> {
  if ((await rt.sv.counts()).schoolUnits > 0) return;
  const fallback = existsSync(BUNDLED_EXPORT) ? BUNDLED_EXPORT : undefined;
  process.stdout.write(
    "Det finns ingen skoldata ännu.\n" +
      "  1) Läs in Skolverkets statistikexport (CSV)" + (fallback ? ` [${fallback}]` : "") + "\n" +
      "  2) Hämta från Skolverkets API (en kommun, t.ex. 0180 Stockholm)\n" +
      "  3) Hoppa över\n",
  );
  const choice = (await ask("Välj 1, 2 eller 3 [1]: ")) || "1";
  const system = { actor: { system: "first-run" }, channel: "cli" } as const;
  if (choice === "1") {
    const path = (await ask(`Sökväg till CSV-filen${fallback ? " (Enter för standardfilen)" : ""}: `)) || fallback;
    if (!path || !existsSync(path)) {
      process.stdout.write(`Hittade inte filen ${path ?? ""}. Du kan läsa in den senare med \`samverkan import <fil.csv>\`.\n`);
      return;
    }
    const summary = await rt.sv.data.importStatisticsExport(readFileSync(path, "utf8"), system, { source: path });
    process.stdout.write(`Inläst: ${summary.schoolUnits.added + summary.schoolUnits.updated} skolenheter, ${summary.errors.length} rader med fel.\n`);
  } else if (choice === "2") {
    const municipality = (await ask("Kommunkod [0180]: ")) || "0180";
    const { createSkolverketClient } = await import("@samverkan/sdk");
    const client = createSkolverketClient({});
    process.stdout.write("Hämtar från Skolverket …\n");
    const summary = await rt.sv.data.sync({ client, municipalities: [municipality] }, system);
    process.stdout.write(`Klart: ${summary.added} nya, ${summary.updated} uppdaterade, ${summary.failed.length} misslyckade.\n`);
  }
}
