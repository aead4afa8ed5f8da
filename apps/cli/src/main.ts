import { Command } from "commander";
import { reportError } from "./output";
import { cliLocale, openRuntime, type CliRuntime } from "./runtime";
import { registerStatus } from "./commands/status";
import { registerStaff } from "./commands/staff";
import { registerDialogues } from "./commands/dialogues";
import { registerAssignments } from "./commands/assignments";
import { registerParse } from "./commands/parse";
import { registerChat } from "./commands/chat";
import { registerStart } from "./commands/start";
import { registerImport } from "./commands/import";
import { registerSync } from "./commands/sync";
import { registerSchools } from "./commands/schools";
import { registerOrganizers } from "./commands/organizers";
import { registerSelection } from "./commands/selection";
import { registerDigest } from "./commands/digest";
import { registerCalendar, registerMail } from "./commands/calendar";

export type RunWith = (opts: { json?: boolean }, action: (rt: CliRuntime) => Promise<void>) => Promise<void>;

/** Opens the store, runs one command, closes, and maps errors to clear messages and exit codes. */
const runWith: RunWith = async (opts, action) => {
  let rt: CliRuntime | undefined;
  try {
    rt = await openRuntime();
    await action(rt);
  } catch (error) {
    process.exitCode = reportError(error, cliLocale(), Boolean(opts.json));
  } finally {
    await rt?.close().catch(() => undefined);
  }
};

export function buildProgram(): Command {
  const program = new Command("samverkan")
    .description(
      "Samverkan: look up schools and organizers, book quality dialogues and log progress on assignments.\n" +
        "Store: SQLite at ./data/samverkan.db (SAMVERKAN_DB), or PostgreSQL when DATABASE_URL is set.\n" +
        "Language: SAMVERKAN_LANG=sv|en (default sv). Acting user: --as or SAMVERKAN_USER.",
    )
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerStatus(program, runWith);
  registerStaff(program, runWith);
  registerDialogues(program, runWith);
  registerAssignments(program, runWith);
  registerImport(program, runWith);
  registerSync(program, runWith);
  registerSchools(program, runWith);
  registerOrganizers(program, runWith);
  registerSelection(program, runWith);
  registerParse(program);
  registerChat(program);
  registerStart(program);
  registerDigest(program, runWith);
  registerCalendar(program, runWith);
  registerMail(program, runWith);
  return program;
}

// A closed pipe (`samverkan … | head`) ends the command quietly instead of crashing.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

await buildProgram().parseAsync(process.argv);
