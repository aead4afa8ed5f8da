import { renderSlackModal, type FormBlock, type Message } from "@samverkan/chat";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { encodeOrigin, type Origin } from "./origin";
import { callSlack } from "./slack-errors";

/** The form an engine reply wants opened (`openForm` holds one form block). */
export function formOf(message: Message): FormBlock | undefined {
  return message.blocks.find((block): block is FormBlock => block.type === "form");
}

/** A form as a modal whose `private_metadata` remembers where the conversation was. */
export function formModal(message: Message, origin: Origin): ModalView | undefined {
  const form = formOf(message);
  if (!form) return undefined;
  return renderSlackModal(form, { callbackId: form.id, privateMetadata: encodeOrigin(origin), locale: message.locale ?? "sv" });
}

/** Opens the form with the interaction's trigger_id (valid for 3 seconds after the click). */
export async function openFormModal(client: WebClient, logger: Logger, triggerId: string, message: Message, origin: Origin): Promise<boolean> {
  const view = formModal(message, origin);
  if (!view) {
    logger.warn({ text: "openForm without a form block" }, "engine asked to open a form but sent none");
    return false;
  }
  const result = await callSlack(logger, "views.open", { user: origin.userId }, () => client.views.open({ trigger_id: triggerId, view }));
  return result.ok;
}
