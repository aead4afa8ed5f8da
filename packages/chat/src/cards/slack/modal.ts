import type { KnownBlock, ModalView } from "@slack/types";
import * as z from "zod";
import type { ActionRef, FormBlock, Locale } from "../model";
import { actionRefSchema } from "../schema";
import { CardLimitError } from "../errors";
import { rendererStrings } from "../strings";
import { truncate } from "../text-budget";
import { SLACK_LIMITS } from "./elements";
import { slackFormInputs } from "./form";
import { boldMrkdwn, mrkdwnElement, plainTextElement } from "./mrkdwn";

export interface SlackModalOptions {
  /** Defaults to the form id. */
  callbackId?: string;
  /** Your own data (conversation id, channel…); comes back as `meta` from `parseSlackModalMetadata`. */
  privateMetadata?: string;
  locale?: Locale;
}

/**
 * What a modal carries in `private_metadata`: the form's submit and cancel actions, so a
 * `view_submission` (or `view_closed`) maps back to an Action without server-side state.
 */
export interface SlackModalMetadata {
  submit: ActionRef;
  cancel?: ActionRef;
  meta?: string;
}

const metadataSchema = z.object({
  submit: actionRefSchema,
  cancel: actionRefSchema.optional(),
  meta: z.string().optional(),
});

function ref(action: ActionRef): ActionRef {
  return { id: action.id, value: action.value };
}

export function encodeSlackModalMetadata(metadata: SlackModalMetadata): string {
  const encoded = JSON.stringify(metadata);
  if (encoded.length > SLACK_LIMITS.privateMetadata) {
    throw new CardLimitError(
      "slack.private_metadata",
      `Modal private_metadata would be ${encoded.length} characters; Slack allows ${SLACK_LIMITS.privateMetadata}. Keep action values and metadata to ids.`,
    );
  }
  return encoded;
}

export function parseSlackModalMetadata(privateMetadata: string | undefined): SlackModalMetadata | undefined {
  if (!privateMetadata) return undefined;
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A form block as a Slack modal (`views.open` / `views.update` / `response_action: "update"`). */
export function renderSlackModal(form: FormBlock, options: SlackModalOptions = {}): ModalView {
  const words = rendererStrings(options.locale);
  const callbackId = options.callbackId ?? form.id;
  if (callbackId.length > SLACK_LIMITS.callbackId) {
    throw new CardLimitError("slack.callback_id", `callback_id is longer than ${SLACK_LIMITS.callbackId} characters.`);
  }
  const title = form.title.trim() || words.formFallbackTitle;
  const blocks: KnownBlock[] = [];
  // The modal title holds 24 characters; repeat a longer title in full inside the modal.
  if (truncate(title, SLACK_LIMITS.modalTitle) !== title) {
    blocks.push({ type: "section", text: mrkdwnElement(boldMrkdwn(title, SLACK_LIMITS.sectionText)) });
  }
  blocks.push(...slackFormInputs(form, "modal", options.locale));
  if (blocks.length > SLACK_LIMITS.modalBlocks) {
    throw new CardLimitError(
      "slack.modal.blocks",
      `Form "${form.id}" needs ${blocks.length} blocks; a Slack modal holds ${SLACK_LIMITS.modalBlocks}. Split it into steps.`,
    );
  }
  const metadata: SlackModalMetadata = { submit: ref(form.submit) };
  if (form.cancel) metadata.cancel = ref(form.cancel);
  if (options.privateMetadata !== undefined) metadata.meta = options.privateMetadata;

  const view: ModalView = {
    type: "modal",
    callback_id: callbackId,
    title: plainTextElement(title, SLACK_LIMITS.modalTitle),
    submit: plainTextElement(form.submit.label || form.submit.id, SLACK_LIMITS.modalButton),
    close: plainTextElement(form.cancel?.label || words.cancel, SLACK_LIMITS.modalButton),
    private_metadata: encodeSlackModalMetadata(metadata),
    blocks,
  };
  // Ask Slack for a `view_closed` event only when closing means something (the cancel action).
  if (form.cancel) view.notify_on_close = true;
  return view;
}

export interface SlackFormErrorsResponse {
  response_action: "errors";
  /** Keyed by block_id, which is the input id. */
  errors: Record<string, string>;
}

/**
 * The `view_submission` acknowledgement that shows errors under modal inputs. Slack rejects
 * keys that are not block ids of the view; pass the form and errors that name no input are
 * shown under its first input instead.
 */
export function renderSlackFormErrors(errors: Record<string, string>, form?: FormBlock): SlackFormErrorsResponse {
  const ids = form ? new Set(form.inputs.map((input) => input.id)) : undefined;
  const firstInput = form?.inputs[0]?.id;
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (!message) continue;
    const target = !ids || ids.has(key) ? key : firstInput;
    if (!target) continue;
    const existing = result[target];
    result[target] = truncate(existing ? `${existing} ${message}` : message, SLACK_LIMITS.inputHint);
  }
  return { response_action: "errors", errors: result };
}
