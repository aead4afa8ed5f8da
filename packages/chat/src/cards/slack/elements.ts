import type { Button, InputBlock, InputBlockElement, PlainTextOption } from "@slack/types";
import type { Action, Input, Locale, SelectInput } from "../model";
import { CardLimitError } from "../errors";
import { isIsoDate, isIsoTime } from "../formats";
import { rendererStrings } from "../strings";
import { truncate } from "../text-budget";
import { encodeSlackActionId, encodeSlackActionValue } from "./action-codec";
import { plainTextElement } from "./mrkdwn";

/** Slack limits this module enforces; `limits.ts` checks the same numbers. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  headerText: 150,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  imageUrl: 3000,
  imageAltText: 2000,
  buttonText: 75,
  buttonUrl: 3000,
  actionsElements: 25,
  selectOptions: 100,
  checkboxOptions: 10,
  optionText: 75,
  optionValue: 75,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  textInputMaxLength: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  blockId: 255,
  actionId: 255,
} as const;

/** Hands out the `n` in `<verb>:<n>` so every button in one message has its own action_id. */
export class ActionCounter {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

export function slackButton(action: Action, counter: ActionCounter): Button {
  const button: Button = {
    type: "button",
    action_id: encodeSlackActionId(action.id, counter.take()),
    text: plainTextElement(action.label || action.id, SLACK_LIMITS.buttonText),
    value: encodeSlackActionValue(action),
  };
  if (action.style) button.style = action.style;
  if (action.url) {
    if (action.url.length > SLACK_LIMITS.buttonUrl) {
      throw new CardLimitError("slack.button.url", `The URL of action "${action.id}" is longer than ${SLACK_LIMITS.buttonUrl} characters.`);
    }
    button.url = action.url;
  }
  return button;
}

function option(label: string, value: string, inputId: string): PlainTextOption {
  if (value.length > SLACK_LIMITS.optionValue) {
    throw new CardLimitError(
      "slack.option.value",
      `An option value of input "${inputId}" is longer than ${SLACK_LIMITS.optionValue} characters; use a short id.`,
    );
  }
  return { text: plainTextElement(label || value, SLACK_LIMITS.optionText), value };
}

/** At most 100 options, always including the selected one, so the current choice survives. */
function selectOptions(input: SelectInput): SelectInput["options"] {
  if (input.options.length <= SLACK_LIMITS.selectOptions) return input.options;
  const kept = input.options.slice(0, SLACK_LIMITS.selectOptions);
  const selected = input.options.find((candidate) => candidate.value === input.value);
  if (selected && !kept.includes(selected)) kept[kept.length - 1] = selected;
  return kept;
}

/**
 * The element for one input. `surface` matters for numbers: Slack allows `number_input`
 * only in modals, so in messages a number is a text field that we parse on the way back.
 */
function slackInputElement(input: Input, surface: "message" | "modal", locale: Locale | undefined): InputBlockElement | undefined {
  const words = rendererStrings(locale);
  const action_id = input.id;
  switch (input.kind) {
    case "text": {
      const maxLength = Math.min(input.maxLength ?? SLACK_LIMITS.textInputMaxLength, SLACK_LIMITS.textInputMaxLength);
      return {
        type: "plain_text_input",
        action_id,
        multiline: input.multiline ?? false,
        max_length: maxLength,
        ...(input.value ? { initial_value: truncate(input.value, maxLength) } : {}),
        ...(input.placeholder ? { placeholder: plainTextElement(input.placeholder, SLACK_LIMITS.placeholder) } : {}),
      };
    }
    case "number": {
      const initial = input.value === undefined ? {} : { initial_value: String(input.value) };
      if (surface === "message") {
        return {
          type: "plain_text_input",
          action_id,
          ...initial,
          placeholder: plainTextElement(words.numberHint(input.min, input.max), SLACK_LIMITS.placeholder),
        };
      }
      return {
        type: "number_input",
        action_id,
        is_decimal_allowed: !input.integer,
        ...initial,
        ...(input.min === undefined ? {} : { min_value: String(input.min) }),
        ...(input.max === undefined ? {} : { max_value: String(input.max) }),
      };
    }
    case "date":
      return { type: "datepicker", action_id, ...(input.value && isIsoDate(input.value) ? { initial_date: input.value } : {}) };
    case "time":
      return { type: "timepicker", action_id, ...(input.value && isIsoTime(input.value) ? { initial_time: input.value } : {}) };
    case "select": {
      if (input.options.length === 0) return undefined;
      const options = selectOptions(input).map((choice) => option(choice.label, choice.value, input.id));
      const initial = options.find((candidate) => candidate.value === input.value);
      return {
        type: "static_select",
        action_id,
        options,
        placeholder: plainTextElement(words.selectPlaceholder, SLACK_LIMITS.placeholder),
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case "toggle": {
      const only = option(input.label, "true", input.id);
      return { type: "checkboxes", action_id, options: [only], ...(input.value ? { initial_options: [only] } : {}) };
    }
  }
}

/** `block_id` and `action_id` are both the input id, so submitted state reads `values[id][id]`. */
export function slackInputBlock(input: Input, surface: "message" | "modal", locale: Locale | undefined): InputBlock | undefined {
  if (input.id.length > SLACK_LIMITS.blockId) {
    throw new CardLimitError("slack.block_id", `Input id "${input.id.slice(0, 40)}…" is longer than ${SLACK_LIMITS.blockId} characters.`);
  }
  const element = slackInputElement(input, surface, locale);
  if (!element) return undefined;
  return {
    type: "input",
    block_id: input.id,
    label: plainTextElement(input.label || input.id, SLACK_LIMITS.inputLabel),
    // A toggle left unticked is an answer ("no"), not a missing one.
    optional: input.kind === "toggle" ? true : !input.required,
    element,
  };
}
