import type { Action, ActionRef, Block, FormBlock, Input, ListBlock, Locale, Message } from "../model";
import { splitFormErrors } from "../form-errors";
import { isIsoDate, isIsoTime } from "../formats";
import { pageCount } from "../paginate";
import { rendererStrings } from "../strings";
import { escapeAdaptiveMarkdown, markupToAdaptiveMarkdown } from "./markdown";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AcAction,
  type AcActionSet,
  type AcActionSubmit,
  type AcColumn,
  type AcElement,
  type AcInput,
  type AcTextBlock,
  type AdaptiveCard,
  type AdaptiveCardAttachment,
} from "./types";

/** Hosts show at most 5 actions per set (the library's validator agrees), so longer rows wrap. */
export const ADAPTIVE_MAX_ACTIONS_PER_SET = 5;

/**
 * Rows shown per list. Teams rejects activities over roughly 28 KB and a row costs about
 * 500 bytes, so longer lists are cut with "… och N till"; flows should page (see `pagedList`).
 */
export const ADAPTIVE_MAX_LIST_ROWS = 25;

const STYLES = { primary: "positive", danger: "destructive" } as const;

export interface AdaptiveRenderOptions {
  /**
   * Buttons for a Teams dialog (task module) or a card that opens one: every button becomes
   * an `Action.Submit` whose data this returns for the button's action (links stay links).
   * Without it buttons are `Action.Execute` (Universal Actions).
   */
  dialogButtons?: (action: ActionRef) => AcActionSubmit["data"];
}

function adaptiveAction(action: Action, options: AdaptiveRenderOptions, associatedInputs?: "auto" | "none"): AcAction {
  const title = action.label || action.id;
  if (action.url) {
    return { type: "Action.OpenUrl", title, url: action.url, ...(action.style ? { style: STYLES[action.style] } : {}) };
  }
  if (options.dialogButtons) {
    return {
      type: "Action.Submit",
      title,
      ...(action.style ? { style: STYLES[action.style] } : {}),
      ...(associatedInputs ? { associatedInputs } : {}),
      data: options.dialogButtons({ id: action.id, value: { ...action.value } }),
    };
  }
  return {
    type: "Action.Execute",
    title,
    verb: action.id,
    data: { ...action.value },
    ...(action.style ? { style: STYLES[action.style] } : {}),
    ...(associatedInputs ? { associatedInputs } : {}),
  };
}

function actionSets(actions: readonly AcAction[]): AcActionSet[] {
  const sets: AcActionSet[] = [];
  for (let start = 0; start < actions.length; start += ADAPTIVE_MAX_ACTIONS_PER_SET) {
    sets.push({ type: "ActionSet", actions: actions.slice(start, start + ADAPTIVE_MAX_ACTIONS_PER_SET) });
  }
  return sets;
}

function textBlock(text: string, extra: Omit<AcTextBlock, "type" | "text"> = {}): AcTextBlock {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

function errorText(message: string): AcTextBlock {
  return textBlock(escapeAdaptiveMarkdown(message), { color: "attention", size: "small", spacing: "none" });
}

function listElements(block: ListBlock, locale: Locale | undefined, options: AdaptiveRenderOptions): AcElement[] {
  const words = rendererStrings(locale);
  const shown = block.items.slice(0, ADAPTIVE_MAX_LIST_ROWS);
  const elements: AcElement[] = shown.map((item, index): AcElement => {
    const text: AcElement[] = [textBlock(escapeAdaptiveMarkdown(item.title || "–"), { weight: "bolder" })];
    if (item.subtitle?.trim()) text.push(textBlock(escapeAdaptiveMarkdown(item.subtitle), { isSubtle: true, spacing: "none" }));
    const columns: AcColumn[] = [{ type: "Column", width: "stretch", verticalContentAlignment: "center", items: text }];
    if (item.action) {
      columns.push({
        type: "Column",
        width: "auto",
        verticalContentAlignment: "center",
        items: [{ type: "ActionSet", actions: [adaptiveAction(item.action, options)] }],
      });
    }
    return { type: "ColumnSet", columns, ...(index > 0 ? { separator: true } : {}) };
  });
  const omitted = block.items.length - shown.length;
  if (omitted > 0) elements.push(textBlock(escapeAdaptiveMarkdown(words.moreItems(omitted)), { isSubtle: true }));
  const page = block.page;
  if (page) {
    elements.push(textBlock(escapeAdaptiveMarkdown(words.page(page.index + 1, pageCount(page))), { isSubtle: true, size: "small" }));
    const navigation = [page.previous, page.next].filter((action): action is Action => action !== undefined);
    elements.push(...actionSets(navigation.map((action) => adaptiveAction(action, options))));
  }
  return elements;
}

function adaptiveInput(input: Input, locale: Locale | undefined): AcInput | undefined {
  const words = rendererStrings(locale);
  const base = { id: input.id, label: input.label || input.id };
  // The library flags required inputs without an error message; Teams shows it on submit.
  const required =
    input.kind !== "toggle" && input.required
      ? {
          isRequired: true,
          errorMessage: input.kind === "select" ? words.errors.choose(input.label) : words.errors.required(input.label),
        }
      : {};
  switch (input.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...base,
        ...required,
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.multiline ? { isMultiline: true } : {}),
        ...(input.maxLength !== undefined ? { maxLength: input.maxLength } : {}),
      };
    case "number":
      return {
        type: "Input.Number",
        ...base,
        ...required,
        placeholder: words.numberHint(input.min, input.max),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.min !== undefined ? { min: input.min } : {}),
        ...(input.max !== undefined ? { max: input.max } : {}),
      };
    case "date":
      // A malformed value would show as an empty or broken picker; leave it out instead.
      return { type: "Input.Date", ...base, ...required, ...(input.value && isIsoDate(input.value) ? { value: input.value } : {}) };
    case "time":
      return { type: "Input.Time", ...base, ...required, ...(input.value && isIsoTime(input.value) ? { value: input.value } : {}) };
    case "select":
      // An empty ChoiceSet is invalid; the form shows a note instead.
      if (input.options.length === 0) return undefined;
      return {
        type: "Input.ChoiceSet",
        ...base,
        ...required,
        style: "compact",
        placeholder: words.selectPlaceholder,
        choices: input.options.map((option) => ({ title: option.label || option.value, value: option.value })),
        ...(input.value !== undefined ? { value: input.value } : {}),
      };
    case "toggle":
      // The title is the visible checkbox text; a label as well would say it twice.
      return {
        type: "Input.Toggle",
        id: input.id,
        title: input.label || input.id,
        value: input.value ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
      };
  }
}

function formElements(form: FormBlock, locale: Locale | undefined, options: AdaptiveRenderOptions): AcElement[] {
  const { byInput, general } = splitFormErrors(form);
  const items: AcElement[] = [];
  if (form.title.trim()) items.push(textBlock(escapeAdaptiveMarkdown(form.title), { weight: "bolder", size: "medium" }));
  items.push(...general.map(errorText));
  for (const input of form.inputs) {
    const element = adaptiveInput(input, locale);
    items.push(element ?? textBlock(escapeAdaptiveMarkdown(`${input.label}: ${rendererStrings(locale).noOptions}`), { isSubtle: true }));
    const error = byInput.get(input.id);
    if (error) items.push(errorText(error));
  }
  const submit = adaptiveAction({ ...form.submit, style: form.submit.style ?? "primary" }, options, "auto");
  const buttons = form.cancel ? [submit, adaptiveAction(form.cancel, options, "none")] : [submit];
  items.push(...actionSets(buttons));
  return [{ type: "Container", items }];
}

function renderBlock(block: Block, locale: Locale | undefined, options: AdaptiveRenderOptions): AcElement[] {
  switch (block.type) {
    case "header":
      return block.text.trim() ? [textBlock(escapeAdaptiveMarkdown(block.text), { size: "large", weight: "bolder", style: "heading" })] : [];
    case "text":
      return block.text.trim() ? [textBlock(markupToAdaptiveMarkdown(block.text))] : [];
    case "context":
      return block.text.trim() ? [textBlock(markupToAdaptiveMarkdown(block.text), { isSubtle: true, size: "small" })] : [];
    case "image":
      return [{ type: "Image", url: block.url, altText: block.alt, size: "stretch" }];
    case "fields": {
      const facts = block.fields
        .filter((field) => field.label.trim() || field.value.trim())
        .map((field) => ({
          title: escapeAdaptiveMarkdown(field.label),
          value: field.value.trim() ? markupToAdaptiveMarkdown(field.value) : "–",
        }));
      return facts.length ? [{ type: "FactSet", facts }] : [];
    }
    case "list":
      return listElements(block, locale, options);
    case "actions":
      return actionSets(block.actions.map((action) => adaptiveAction(action, options)));
    case "form":
      return formElements(block, locale, options);
    case "divider":
      return [];
  }
}

/** A Message as an Adaptive Card 1.5 for Teams (actions are `Action.Execute`, i.e. Universal Actions, unless `dialogButtons`). */
export function renderAdaptiveCard(message: Message, options: AdaptiveRenderOptions = {}): AdaptiveCard {
  const body: AcElement[] = [];
  // Adaptive Cards have no divider element; a divider becomes a separator line above what follows.
  let separateNext = false;
  for (const block of message.blocks) {
    if (block.type === "divider") {
      separateNext = body.length > 0;
      continue;
    }
    const elements = renderBlock(block, message.locale, options);
    const [first] = elements;
    if (separateNext && first) {
      first.separator = true;
      first.spacing = "medium";
      separateNext = false;
    }
    body.push(...elements);
  }
  return {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: "AdaptiveCard",
    version: ADAPTIVE_CARD_VERSION,
    ...(message.text ? { fallbackText: message.text } : {}),
    body,
  };
}

/** The card wrapped as a Bot Framework attachment, ready for `activity.attachments`. */
export function renderAdaptiveCardAttachment(message: Message, options: AdaptiveRenderOptions = {}): AdaptiveCardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(message, options) };
}
