import type { Action, Block, FieldsBlock, FormBlock, Input, ListBlock, Locale, Message } from "../model";
import { splitFormErrors } from "../form-errors";
import { parseMarkup, plainText } from "../markup";
import { pageCount } from "../paginate";
import { rendererStrings } from "../strings";
import { displayWidth } from "../text-budget";

/**
 * The terminal rendering. Every action gets a number, counted from 1 through the whole
 * message in reading order, so a user can answer "2"; `textActionIndex` returns the
 * actions in that same order (item 0 is number 1).
 */

const RULE = "─".repeat(40);
const MAX_UNDERLINE = 60;

/**
 * User text must not drive the terminal: drop control characters (ANSI escapes, carriage
 * returns that overwrite a line) and bidi overrides that reorder what is shown.
 */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "");
}

function plain(markup: string): string {
  return plainText(parseMarkup(markup));
}

/** Numbers actions in the order they are printed. */
class Numbering {
  readonly actions: Action[] = [];
  number(action: Action): number {
    this.actions.push(action);
    return this.actions.length;
  }
  button(action: Action): string {
    const label = action.label || action.id;
    return `[${this.number(action)}] ${action.url ? `${label} (${action.url})` : label}`;
  }
  row(actions: readonly Action[]): string {
    return actions.map((action) => this.button(action)).join("  ");
  }
}

function indentContinuation(text: string, indent: number): string {
  return text.split("\n").join(`\n${" ".repeat(indent)}`);
}

function renderFields(block: FieldsBlock): string[] {
  const fields = block.fields.filter((field) => field.label.trim() || field.value.trim());
  const width = Math.max(0, ...fields.map((field) => displayWidth(field.label)));
  return fields.map((field) => {
    const label = `${field.label}:`.padEnd(width + 1 + (field.label.length - displayWidth(field.label)));
    return `${label} ${indentContinuation(plain(field.value) || "–", width + 2)}`;
  });
}

function renderList(block: ListBlock, numbering: Numbering, locale: Locale | undefined): string[] {
  const lines = block.items.map((item) => {
    const marker = item.action ? `${numbering.number(item.action)}.` : "-";
    const subtitle = item.subtitle?.trim() ? ` — ${item.subtitle}` : "";
    return `${marker} ${item.title}${subtitle}`;
  });
  const page = block.page;
  if (page) {
    lines.push(rendererStrings(locale).page(page.index + 1, pageCount(page)));
    const navigation = [page.previous, page.next].filter((action): action is Action => action !== undefined);
    if (navigation.length) lines.push(numbering.row(navigation));
  }
  return lines;
}

/** How the terminal asks for one input: label, format hint, whether it is required. */
export function textPrompt(input: Input, locale?: Locale): string {
  const words = rendererStrings(locale);
  const hints: string[] = [];
  switch (input.kind) {
    case "number":
      hints.push(words.numberHint(input.min, input.max));
      break;
    case "date":
      hints.push(words.dateHint);
      break;
    case "time":
      hints.push(words.timeHint);
      break;
    case "select":
      hints.push(input.options.map((option) => option.label || option.value).join(" / ") || words.noOptions);
      break;
    case "toggle":
      hints.push(`${words.yes}/${words.no}`);
      break;
    case "text":
      break;
  }
  if (input.kind !== "toggle" && input.required) hints.push(words.required);
  return hints.length ? `${input.label} (${hints.join(", ")})` : input.label;
}

function currentValue(input: Input, locale: Locale | undefined): string | undefined {
  const words = rendererStrings(locale);
  switch (input.kind) {
    case "toggle":
      return input.value === undefined ? undefined : input.value ? words.yes : words.no;
    case "select":
      return input.options.find((option) => option.value === input.value)?.label ?? input.value;
    case "number":
      return input.value === undefined ? undefined : String(input.value);
    default:
      return input.value || undefined;
  }
}

function renderForm(form: FormBlock, numbering: Numbering, locale: Locale | undefined): string[] {
  const { byInput, general } = splitFormErrors(form);
  const lines: string[] = [];
  if (form.title.trim()) lines.push(form.title);
  lines.push(...general.map((message) => `  ! ${message}`));
  for (const input of form.inputs) {
    const value = currentValue(input, locale);
    lines.push(`  • ${textPrompt(input, locale)}:${value === undefined ? "" : ` ${value}`}`);
    const error = byInput.get(input.id);
    if (error) lines.push(`    ! ${error}`);
  }
  lines.push(numbering.row(form.cancel ? [form.submit, form.cancel] : [form.submit]));
  return lines;
}

function renderBlock(block: Block, numbering: Numbering, locale: Locale | undefined): string[] {
  switch (block.type) {
    case "header":
      return block.text.trim() ? [block.text, "=".repeat(Math.min(MAX_UNDERLINE, Math.max(3, displayWidth(block.text))))] : [];
    case "text":
      return block.text.trim() ? [plain(block.text)] : [];
    case "context":
      return block.text.trim() ? [plain(block.text)] : [];
    case "image":
      return [`[${block.alt}] (${block.url})`];
    case "fields":
      return renderFields(block);
    case "list":
      return renderList(block, numbering, locale);
    case "actions":
      return block.actions.length ? [numbering.row(block.actions)] : [];
    case "form":
      return renderForm(block, numbering, locale);
    case "divider":
      return [RULE];
  }
}

function layoutText(message: Message): { text: string; actions: Action[] } {
  const numbering = new Numbering();
  const paragraphs = message.blocks
    .map((block) => renderBlock(block, numbering, message.locale))
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join("\n"));
  const text = paragraphs.length ? paragraphs.join("\n\n") : message.text;
  return { text: terminalSafe(text), actions: numbering.actions };
}

/** A Message as plain terminal text. */
export function renderText(message: Message): string {
  return layoutText(message).text;
}

/** The actions of a message in the order `renderText` numbered them: `[n]` is `actions[n - 1]`. */
export function textActionIndex(message: Message): Action[] {
  return layoutText(message).actions;
}
