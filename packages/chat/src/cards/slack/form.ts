import type { ContextBlock, KnownBlock } from "@slack/types";
import type { FormBlock, Locale } from "../model";
import { splitFormErrors } from "../form-errors";
import { rendererStrings } from "../strings";
import { SLACK_LIMITS, slackInputBlock } from "./elements";
import { escapedMrkdwn, mrkdwnElement } from "./mrkdwn";

function errorContext(message: string): ContextBlock {
  const warning = ":warning: ";
  return { type: "context", elements: [mrkdwnElement(warning + escapedMrkdwn(message, SLACK_LIMITS.contextText - warning.length))] };
}

function noteContext(message: string): ContextBlock {
  return { type: "context", elements: [mrkdwnElement(escapedMrkdwn(message, SLACK_LIMITS.contextText))] };
}

/**
 * A form's inputs as Slack input blocks, each followed by its error (if any); errors that
 * name no input come first. Shared by inline forms in messages and by modals.
 */
export function slackFormInputs(form: FormBlock, surface: "message" | "modal", locale: Locale | undefined): KnownBlock[] {
  const { byInput, general } = splitFormErrors(form);
  const blocks: KnownBlock[] = general.map(errorContext);
  for (const input of form.inputs) {
    const block = slackInputBlock(input, surface, locale);
    blocks.push(block ?? noteContext(`${input.label}: ${rendererStrings(locale).noOptions}`));
    const error = byInput.get(input.id);
    if (error) blocks.push(errorContext(error));
  }
  return blocks;
}
