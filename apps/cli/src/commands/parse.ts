import { createInterface } from "node:readline";
import type { Command } from "commander";
import type { parseUtterance as ParseUtterance } from "@samverkan/chat";
import { CliUsageError } from "../runtime";
import { reportError } from "../output";
import { cliLocale } from "../runtime";

/** The public JSON contract of `samverkan parse`: keep these keys stable. */
function toContract(parseUtterance: typeof ParseUtterance, text: string, now: Date | undefined) {
  const { intent, entities } = parseUtterance(text, now ? { now } : {});
  return { text, intent, entities };
}

export function registerParse(program: Command): void {
  program
    .command("parse [text]")
    .description("Show how the bot understands an utterance; without text, reads one utterance per line from stdin")
    .option("--json", "print one JSON object {text, intent, entities} per utterance")
    .option("--now <datetime>", "resolve relative dates against this time (ISO 8601), default now")
    .action(async (text: string | undefined, opts: { json?: boolean; now?: string }) => {
      try {
        const now = opts.now ? new Date(opts.now) : undefined;
        if (now && Number.isNaN(now.getTime())) {
          throw new CliUsageError(`--now ska vara en ISO-tidpunkt som 2026-11-23T09:00:00+01:00, inte "${opts.now}".`, `--now must be an ISO date-time like 2026-11-23T09:00:00+01:00, not "${opts.now}".`);
        }
        // The engine loads only for this command, keeping other commands' start fast.
        const { parseUtterance } = await import("@samverkan/chat");
        const print = (utterance: string) => {
          const result = toContract(parseUtterance, utterance, now);
          if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else process.stdout.write(`${result.intent}  ${JSON.stringify(result.entities)}  ← ${utterance}\n`);
        };
        if (text !== undefined) return print(text);
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        for await (const line of lines) print(line);
      } catch (error) {
        process.exitCode = reportError(error, cliLocale(), Boolean(opts.json));
      }
    });
}
