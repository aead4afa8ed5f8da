import { parseAdaptiveAction, renderAdaptiveCard, type AdaptiveCard, type Engine } from "@samverkan/chat";
import { channelRoot } from "../proactive/references";
import * as z from "zod";
import { activityLocale, teamsUser } from "../activity/identity";
import { readActivity } from "../activity/schema";
import type { DialogStore } from "../dialogs/dialog-store";
import { say, strings } from "../strings";
import { sendMessages } from "../turn/send";
import type { Turn } from "../turn/turn";
import { postReply } from "./post-reply";

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
const executeValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal("Action.Execute"), verb: z.string().min(1), data: z.unknown().optional() }),
});

/**
 * `Action.Execute` → one engine action turn. When the engine's reply replaces the clicked
 * message (`replaceOriginal`: a confirmation answered, a page turned), Teams shows its first
 * message in the card's place (the invoke's answer) and further messages as new activities.
 * Any other reply is posted as new activities, a form as a card whose button opens it as a
 * dialog (Universal Actions cannot open dialogs), and the clicked card stays; the invoke's
 * answer is then a short note under it. A plain string shows as that note.
 */
export function createActionExecuteHandler(engine: Engine, dialogs: DialogStore): (turn: Turn) => Promise<AdaptiveCard | string> {
  return async (turn) => {
    const activity = readActivity(turn.activity);
    const value = executeValueSchema.safeParse(activity?.value);
    const locale = activity ? activityLocale(activity) : "sv";
    if (!activity?.conversation || !value.success) return say(strings.buttonExpired, locale);
    const parsed = parseAdaptiveAction({ verb: value.data.action.verb, data: value.data.action.data });
    if (!parsed) return say(strings.buttonExpired, locale);
    const user = teamsUser(activity);
    if (!user) return say(strings.noIdentity, locale);
    const conversationId = activity.conversation.id;
    const reply = await engine.handle({
      user,
      conversationId,
      action: parsed.action,
      target: { platform: "teams", conversationId: channelRoot(conversationId) },
    });
    const [first, ...rest] = reply.messages;
    if (reply.replaceOriginal && first && !reply.openForm) {
      await sendMessages(turn, rest);
      return renderAdaptiveCard(first);
    }
    if (!first && !reply.openForm) return say(strings.somethingWrong, locale);
    await postReply(turn, reply, { aadObjectId: user.aadObjectId, conversationId }, dialogs);
    return say(strings.answeredBelow, locale);
  };
}
