import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import type { Action, Block, FieldsBlock, FormBlock, ListBlock, Locale, Message } from "../model";
import { pageCount } from "../paginate";
import { rendererStrings } from "../strings";
import { truncate } from "../text-budget";
import { ActionCounter, SLACK_LIMITS, slackButton } from "./elements";
import { slackFormInputs } from "./form";
import { boldMrkdwn, escapedMrkdwn, markupToMrkdwn, mrkdwnElement, plainTextElement } from "./mrkdwn";

export interface SlackMessage {
  /** Notification and fallback text. */
  text: string;
  blocks: KnownBlock[];
}

/**
 * What one model block became. `items` are the list rows that may be dropped when the
 * message is over Slack's block limit; `tail(omitted)` closes the group (page info, paging
 * buttons, "… och 12 till").
 */
interface Group {
  head: KnownBlock[];
  items: KnownBlock[];
  tail: (omitted: number) => KnownBlock[];
}

const noTail = (): KnownBlock[] => [];

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function actionsBlocks(actions: readonly Action[], counter: ActionCounter): ActionsBlock[] {
  const buttons = actions.map((action) => slackButton(action, counter));
  return chunk(buttons, SLACK_LIMITS.actionsElements).map((elements): ActionsBlock => ({ type: "actions", elements }));
}

function contextBlock(mrkdwn: string): ContextBlock {
  return { type: "context", elements: [mrkdwnElement(mrkdwn)] };
}

function fieldsGroup(block: FieldsBlock): KnownBlock[] {
  const texts = block.fields
    .filter((field) => field.label.trim() || field.value.trim())
    .map((field) => {
      const label = field.label.trim() ? boldMrkdwn(field.label, 200) : "";
      const separator = label ? "\n" : "";
      const value = field.value.trim() ? field.value : "–";
      return label + separator + markupToMrkdwn(value, SLACK_LIMITS.fieldText - label.length - separator.length);
    });
  return chunk(texts, SLACK_LIMITS.sectionFields).map((fields): SectionBlock => ({ type: "section", fields: fields.map(mrkdwnElement) }));
}

function listGroup(block: ListBlock, counter: ActionCounter, locale: Locale | undefined): Group {
  const words = rendererStrings(locale);
  const items = block.items.map((item): SectionBlock => {
    const title = boldMrkdwn(item.title || "–", 500);
    const subtitle = item.subtitle?.trim() ? `\n${escapedMrkdwn(item.subtitle, SLACK_LIMITS.sectionText - title.length - 1)}` : "";
    const section: SectionBlock = { type: "section", text: mrkdwnElement(title + subtitle) };
    if (item.action) section.accessory = slackButton(item.action, counter);
    return section;
  });
  const page = block.page;
  const navigation = [page?.previous, page?.next].filter((action): action is Action => action !== undefined);
  // Number the paging buttons now so their action ids do not depend on truncation.
  const navButtons: Button[] = navigation.map((action) => slackButton(action, counter));
  const tail = (omitted: number): KnownBlock[] => {
    const notes: string[] = [];
    if (omitted > 0) notes.push(escapedMrkdwn(words.moreItems(omitted), 200));
    if (page) notes.push(escapedMrkdwn(words.page(page.index + 1, pageCount(page)), 200));
    const blocks: KnownBlock[] = notes.length ? [contextBlock(notes.join("  ·  "))] : [];
    if (navButtons.length) blocks.push({ type: "actions", elements: navButtons });
    return blocks;
  };
  return { head: [], items, tail };
}

function formGroup(form: FormBlock, counter: ActionCounter, locale: Locale | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (form.title.trim()) {
    blocks.push({ type: "section", text: mrkdwnElement(boldMrkdwn(form.title, SLACK_LIMITS.sectionText)) });
  }
  blocks.push(...slackFormInputs(form, "message", locale));
  const submit: Action = { ...form.submit, style: form.submit.style ?? "primary" };
  blocks.push(...actionsBlocks(form.cancel ? [submit, form.cancel] : [submit], counter));
  return blocks;
}

function renderGroup(block: Block, counter: ActionCounter, locale: Locale | undefined): Group {
  const simple = (head: KnownBlock[]): Group => ({ head, items: [], tail: noTail });
  switch (block.type) {
    case "header":
      return simple(block.text.trim() ? [{ type: "header", text: plainTextElement(block.text, SLACK_LIMITS.headerText) }] : []);
    case "text":
      return simple(block.text.trim() ? [{ type: "section", text: mrkdwnElement(markupToMrkdwn(block.text, SLACK_LIMITS.sectionText)) }] : []);
    case "context":
      return simple(block.text.trim() ? [contextBlock(markupToMrkdwn(block.text, SLACK_LIMITS.contextText))] : []);
    case "fields":
      return simple(fieldsGroup(block));
    case "list":
      return listGroup(block, counter, locale);
    case "actions":
      return simple(actionsBlocks(block.actions, counter));
    case "form":
      return simple(formGroup(block, counter, locale));
    case "divider":
      return simple([{ type: "divider" }]);
    case "image":
      return simple([{ type: "image", image_url: block.url, alt_text: truncate(block.alt, SLACK_LIMITS.imageAltText) }]);
  }
}

/**
 * Keeps a message within `limit` blocks. List rows go first (the list says how many were
 * left out, and keeps its paging buttons); only if that is not enough is the message cut
 * at the end, with a note.
 */
function fitGroups(groups: readonly Group[], limit: number, locale: Locale | undefined): KnownBlock[] {
  const full = groups.flatMap((group) => [...group.head, ...group.items, ...group.tail(0)]);
  if (full.length <= limit) return full;

  const reserved = groups.reduce((sum, group) => sum + group.head.length + group.tail(group.items.length ? 1 : 0).length, 0);
  let spare = Math.max(0, limit - reserved);
  const fitted = groups.flatMap((group) => {
    const kept = Math.min(group.items.length, spare);
    spare -= kept;
    return [...group.head, ...group.items.slice(0, kept), ...group.tail(group.items.length - kept)];
  });
  if (fitted.length <= limit) return fitted;
  const note = contextBlock(escapedMrkdwn(rendererStrings(locale).truncatedMessage, 200));
  return [...fitted.slice(0, limit - 1), note];
}

/** A Message as a Slack message payload (`chat.postMessage`, `response_url`, `say`). */
export function renderSlack(message: Message): SlackMessage {
  const counter = new ActionCounter();
  const groups = message.blocks.map((block) => renderGroup(block, counter, message.locale));
  return {
    text: escapedMrkdwn(message.text, SLACK_LIMITS.messageText),
    blocks: fitGroups(groups, SLACK_LIMITS.messageBlocks, message.locale),
  };
}
