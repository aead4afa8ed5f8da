import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { renderText, textActionIndex, textPrompt, type Action, type Engine, type EngineReply, type FormBlock, type Message } from "@samverkan/chat";
import type { Staff } from "@samverkan/sdk";
import { t } from "../i18n";

export interface TerminalChatOptions {
  engine: Engine;
  staff: Staff;
  input: Readable;
  output: Writable;
  /** Conversation id: one per terminal user. */
  conversationId?: string;
  /** Lines already being read from `input` (a first-run setup may have asked questions). */
  lines?: AsyncIterator<string>;
}

function readLines(input: Readable): [Interface, AsyncIterator<string>] {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  return [rl, rl[Symbol.asyncIterator]()];
}

const QUIT = /^\s*(\/?(quit|exit|sluta|hejdå|hej då))\s*$/i;

/**
 * The bot in a terminal, like Hubot's shell: the same engine and flows as Slack and
 * Teams. Numbers pick the numbered actions of the last answer; forms are asked one
 * input at a time.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { engine, staff, output } = options;
  const m = t(staff.locale).terminalChat;
  // Read `input` ourselves only when no one is reading it already; close only what we opened.
  const [rl, lines] = options.lines ? [undefined, options.lines] : readLines(options.input);
  const user = { platform: "terminal" as const, staffId: staff.id };
  const conversationId = options.conversationId ?? `terminal:${staff.id}`;
  let actions: Action[] = [];

  const write = (text: string) => output.write(`${text}\n`);
  const ask = async (prompt: string): Promise<string | undefined> => {
    output.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };

  const show = async (reply: EngineReply): Promise<void> => {
    actions = [];
    for (const message of reply.messages) {
      write(renderText(message));
      write("");
      actions = textActionIndex(message);
    }
    if (reply.openForm) await fillForm(reply.openForm);
  };

  const fillForm = async (message: Message): Promise<void> => {
    const form = message.blocks.find((b): b is FormBlock => b.type === "form");
    if (!form) return;
    write(`== ${form.title} == ${m.writeCancelToStop}`);
    const values: Record<string, string | number | boolean | undefined> = {};
    let pending = form.inputs;
    for (;;) {
      for (const input of pending) {
        const answer = await ask(`${textPrompt(input, staff.locale)} `);
        if (answer === undefined || /^\s*(avbryt|cancel)\s*$/i.test(answer)) {
          write(m.formCancelled);
          return;
        }
        const trimmed = answer.trim();
        if (trimmed === "" && input.value !== undefined) values[input.id] = input.value;
        else
          values[input.id] =
            input.kind === "number" && trimmed !== ""
              ? Number(trimmed.replace(",", "."))
              : input.kind === "toggle"
                ? /^(ja|j|yes|y|true)$/i.test(trimmed)
                : trimmed;
      }
      const reply = await engine.handle({ user, conversationId, form: { id: form.id, values, context: form.submit.value } });
      if (!reply.formErrors || Object.keys(reply.formErrors).length === 0) return show(reply);
      for (const [field, error] of Object.entries(reply.formErrors)) write(`  ✗ ${form.inputs.find((i) => i.id === field)?.label ?? field}: ${error}`);
      const errors = reply.formErrors;
      pending = form.inputs.filter((i) => errors[i.id] !== undefined);
    }
  };

  write(m.hiWriteToMeAs(staff.name));
  for (;;) {
    const line = await ask("> ");
    if (line === undefined || QUIT.test(line)) break;
    if (line.trim() === "") continue;
    const picked = /^\s*\[?(\d{1,2})\]?\s*$/.exec(line);
    const action = picked ? actions[Number(picked[1]) - 1] : undefined;
    if (action?.url) {
      write(action.url);
      continue;
    }
    const reply = await engine.handle(action ? { user, conversationId, action: { id: action.id, value: action.value } } : { user, conversationId, text: line });
    await show(reply);
  }
  rl?.close();
  write(m.bye);
}
