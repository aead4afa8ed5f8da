import type {
  ActionsBlock,
  AnyBlock,
  ContextBlock,
  HeaderBlock,
  ImageBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";
import { isIsoDate, isIsoTime } from "../formats";
import { SLACK_LIMITS } from "./elements";

/** A message payload (what `renderSlack` returns) or a modal view. */
export type SlackPayload = { text?: string; blocks: readonly AnyBlock[] } | ModalView;

/** Elements we check field by field; anything else is checked for its action_id only. */
interface ElementLike {
  type: string;
  action_id?: string;
  text?: { text?: string };
  value?: string;
  url?: string;
  placeholder?: { text?: string };
  options?: { text?: { text?: string }; value?: string }[];
  initial_option?: { value?: string };
  initial_options?: { value?: string }[];
  initial_date?: string;
  initial_time?: string;
  /** A string for text inputs; rich text inputs carry a block here. */
  initial_value?: unknown;
  max_length?: number;
}

const KNOWN_TYPES = new Set(["section", "header", "context", "actions", "input", "divider", "image"]);

function isChecked(block: AnyBlock): block is KnownBlock {
  return KNOWN_TYPES.has(block.type);
}

/**
 * Every Slack limit the renderers promise to respect, checked on a finished payload. Returns
 * one line per violation (empty when the payload is fine), so a test can show all at once:
 * `expect(checkSlackLimits(payload)).toEqual([])`.
 */
export function checkSlackLimits(payload: SlackPayload): string[] {
  const problems: string[] = [];
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  const length = (path: string, text: string | undefined, max: number, min = 1) => {
    const size = text?.length ?? 0;
    if (size > max) problems.push(`${path}: ${size} characters, max ${max}`);
    else if (size < min) problems.push(`${path}: empty, needs at least ${min} character(s)`);
  };
  const count = (path: string, size: number, max: number, min = 0) => {
    if (size > max) problems.push(`${path}: ${size} items, max ${max}`);
    else if (size < min) problems.push(`${path}: ${size} items, needs at least ${min}`);
  };

  const checkElement = (path: string, element: ElementLike) => {
    if (element.action_id !== undefined) {
      length(`${path}.action_id`, element.action_id, SLACK_LIMITS.actionId);
      if (actionIds.has(element.action_id)) problems.push(`${path}.action_id: "${element.action_id}" is not unique`);
      actionIds.add(element.action_id);
    }
    if (element.placeholder) length(`${path}.placeholder`, element.placeholder.text, SLACK_LIMITS.placeholder);
    switch (element.type) {
      case "button":
        length(`${path}.text`, element.text?.text, SLACK_LIMITS.buttonText);
        if (element.value !== undefined) length(`${path}.value`, element.value, 2000, 0);
        if (element.url !== undefined) length(`${path}.url`, element.url, SLACK_LIMITS.buttonUrl);
        break;
      case "static_select":
      case "checkboxes": {
        const options = element.options ?? [];
        const max = element.type === "checkboxes" ? SLACK_LIMITS.checkboxOptions : SLACK_LIMITS.selectOptions;
        count(`${path}.options`, options.length, max, 1);
        options.forEach((option, index) => {
          length(`${path}.options[${index}].text`, option.text?.text, SLACK_LIMITS.optionText);
          length(`${path}.options[${index}].value`, option.value, SLACK_LIMITS.optionValue);
        });
        const values = new Set(options.map((option) => option.value));
        const initial = [...(element.initial_option ? [element.initial_option] : []), ...(element.initial_options ?? [])];
        for (const chosen of initial) {
          if (!values.has(chosen.value)) problems.push(`${path}: initial option "${chosen.value}" is not among the options`);
        }
        break;
      }
      case "datepicker":
        if (element.initial_date !== undefined && !isIsoDate(element.initial_date)) {
          problems.push(`${path}.initial_date: "${element.initial_date}" is not YYYY-MM-DD`);
        }
        break;
      case "timepicker":
        if (element.initial_time !== undefined && !isIsoTime(element.initial_time)) {
          problems.push(`${path}.initial_time: "${element.initial_time}" is not HH:mm`);
        }
        break;
      case "plain_text_input":
        if (element.max_length !== undefined && element.max_length > SLACK_LIMITS.textInputMaxLength) {
          problems.push(`${path}.max_length: ${element.max_length}, max ${SLACK_LIMITS.textInputMaxLength}`);
        }
        if (typeof element.initial_value === "string" && element.max_length !== undefined) {
          length(`${path}.initial_value`, element.initial_value, element.max_length, 0);
        }
        break;
    }
  };

  const checkBlock = (path: string, block: KnownBlock, surface: "message" | "modal") => {
    if (block.block_id !== undefined) {
      length(`${path}.block_id`, block.block_id, SLACK_LIMITS.blockId);
      if (blockIds.has(block.block_id)) problems.push(`${path}.block_id: "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case "header": {
        const header: HeaderBlock = block;
        length(`${path}.text`, header.text.text, SLACK_LIMITS.headerText);
        break;
      }
      case "section": {
        const section: SectionBlock = block;
        if (!section.text && !section.fields) problems.push(`${path}: a section needs text or fields`);
        if (section.text) length(`${path}.text`, section.text.text, SLACK_LIMITS.sectionText);
        if (section.fields) {
          count(`${path}.fields`, section.fields.length, SLACK_LIMITS.sectionFields, 1);
          section.fields.forEach((field, index) => length(`${path}.fields[${index}]`, field.text, SLACK_LIMITS.fieldText));
        }
        if (section.accessory) checkElement(`${path}.accessory`, section.accessory);
        break;
      }
      case "image": {
        const image: ImageBlock = block;
        if ("image_url" in image) {
          length(`${path}.image_url`, image.image_url, SLACK_LIMITS.imageUrl);
          if (!/^https?:\/\//.test(image.image_url ?? "")) problems.push(`${path}.image_url: must be an http(s) URL`);
        } else problems.push(`${path}: an image needs image_url`);
        length(`${path}.alt_text`, image.alt_text, SLACK_LIMITS.imageAltText);
        break;
      }
      case "context": {
        const context: ContextBlock = block;
        count(`${path}.elements`, context.elements.length, SLACK_LIMITS.contextElements, 1);
        context.elements.forEach((element, index) => {
          if ("text" in element) length(`${path}.elements[${index}]`, element.text, SLACK_LIMITS.contextText);
        });
        break;
      }
      case "actions": {
        const actions: ActionsBlock = block;
        count(`${path}.elements`, actions.elements.length, SLACK_LIMITS.actionsElements, 1);
        actions.elements.forEach((element, index) => checkElement(`${path}.elements[${index}]`, element));
        break;
      }
      case "input": {
        const input: InputBlock = block;
        length(`${path}.label`, input.label.text, SLACK_LIMITS.inputLabel);
        if (input.hint) length(`${path}.hint`, input.hint.text, SLACK_LIMITS.inputHint);
        if (surface === "message" && input.element.type === "number_input") {
          problems.push(`${path}.element: number_input is only allowed in modals`);
        }
        checkElement(`${path}.element`, input.element);
        break;
      }
    }
  };

  const isModal = "type" in payload && payload.type === "modal";
  const surface = isModal ? "modal" : "message";
  count("blocks", payload.blocks.length, isModal ? SLACK_LIMITS.modalBlocks : SLACK_LIMITS.messageBlocks);
  payload.blocks.forEach((block, index) => {
    if (isChecked(block)) checkBlock(`blocks[${index}]`, block, surface);
  });

  if ("type" in payload && payload.type === "modal") {
    const button = (path: string, element: PlainTextElement | undefined) => {
      if (element) length(path, element.text, SLACK_LIMITS.modalButton);
    };
    length("title", payload.title.text, SLACK_LIMITS.modalTitle);
    button("submit", payload.submit);
    button("close", payload.close);
    if (payload.private_metadata !== undefined) length("private_metadata", payload.private_metadata, SLACK_LIMITS.privateMetadata, 0);
    if (payload.callback_id !== undefined) length("callback_id", payload.callback_id, SLACK_LIMITS.callbackId, 0);
    if (!payload.submit && payload.blocks.some((block) => block.type === "input")) {
      problems.push("submit: a modal with input blocks needs a submit button");
    }
  } else if ("text" in payload && payload.text !== undefined) {
    length("text", payload.text, SLACK_LIMITS.messageText, 0);
  }
  return problems;
}
