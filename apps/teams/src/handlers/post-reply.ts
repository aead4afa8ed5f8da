import type { AdaptiveCard, EngineReply, Message } from "@samverkan/chat";
import type { DialogStore } from "../dialogs/dialog-store";
import { dialogOpenerCard } from "../render/dialog-card";
import { cardActivity } from "../render/message-activity";
import { sendMessages } from "../turn/send";
import type { Turn } from "../turn/turn";

export interface DialogOwner {
  aadObjectId: string;
  conversationId: string;
}

/** Stores the engine's form and returns the card whose button opens it as a Teams dialog. */
export async function openerFor(form: Message, owner: DialogOwner, dialogs: DialogStore): Promise<AdaptiveCard> {
  const key = await dialogs.open(form, owner);
  return dialogOpenerCard(form, key);
}

/** The engine's reply posted where the user wrote; a form arrives as a card that opens a dialog. */
export async function postReply(turn: Turn, reply: EngineReply, owner: DialogOwner, dialogs: DialogStore): Promise<void> {
  await sendMessages(turn, reply.messages);
  if (reply.openForm) await turn.send(cardActivity(await openerFor(reply.openForm, owner, dialogs), reply.openForm.text));
}
