import { existsSync } from "node:fs";
import type { Command } from "commander";
import type * as ChatModule from "@samverkan/chat";
import type { RegisterVocabulary } from "@samverkan/chat";
import { cliEnv, CliUsageError, openRuntime } from "../runtime";
import { reportError } from "../output";
import { cliLocale } from "../runtime";

/** The conversation package, loaded when a command needs it (it is the larger part of the CLI's start-up). */
type Chat = typeof ChatModule;

/** The public JSON contract of `samverkan parse`: keep these keys stable (new keys may be added). */
function toContract(chat: Chat, text: string, now: Date | undefined, register: RegisterVocabulary | undefined) {
  const { intent, entities } = chat.parseUtterance(text, { ...(now ? { now } : {}), ...(register ? { register } : {}) });
  return { text, intent, entities };
}

/**
 * The register's names when there is a store (PostgreSQL, or an existing SQLite file), so names
 * are linked ("Malmö stad" → Malmö kommun, with its id). Without one, parsing still works.
 */
async function storeVocabulary(chat: Chat): Promise<{ register?: RegisterVocabulary; close: () => Promise<void> }> {
  const settings = cliEnv().store;
  if (settings.kind === "sqlite") {
    const file = settings.file;
    if (file === ":memory:" || !existsSync(file)) return { close: async () => undefined };
  }
  try {
    const rt = await openRuntime();
    try {
      return { register: await chat.registerVocabulary(rt.sv), close: () => rt.close() };
    } catch {
      await rt.close();
    }
  } catch {
    // An unreachable store only means no linking.
  }
  return { close: async () => undefined };
}

export function registerParse(program: Command): void {
  program
    .command("parse [text]")
    .description("Show how the bot understands an utterance; without text, reads one utterance per line from stdin")
    .option("--json", "print one JSON object {text, intent, entities} per utterance")
    .option("--now <datetime>", "resolve relative dates against this time (ISO 8601), default now")
    .action(async (text: string | undefined, opts: { json?: boolean; now?: string }) => {
      try {
        const now = opts.now ? new Date(opts.now) : cliEnv().cli.now;
        if (now && Number.isNaN(now.getTime())) {
          throw new CliUsageError((m) => m.usage.nowMustBeAnIso(opts.now ?? ""));
        }
        const chat = await import("@samverkan/chat");
        const store = await storeVocabulary(chat);
        const print = (utterance: string) => {
          const result = toContract(chat, utterance, now, store.register);
          if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else process.stdout.write(`${result.intent}  ${JSON.stringify(result.entities)}  ← ${utterance}\n`);
        };
        try {
          if (text !== undefined) return print(text);
          const { createInterface } = await import("node:readline");
          const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
          for await (const line of lines) print(line);
        } finally {
          await store.close();
        }
      } catch (error) {
        process.exitCode = reportError(error, cliLocale(), Boolean(opts.json));
      }
    });
}
