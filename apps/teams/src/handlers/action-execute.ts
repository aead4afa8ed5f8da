import { parseAdaptiveAction, renderAdaptiveCard, type Engine } from "@samverkan/chat";
import { channelRoot } from "../proactive/references";
import { z } from "zod";
import { activityLocale, teamsUser } from "../activity/identity";
import { readActivity } from "../activity/schema";
import type { DialogStore } from "../dialogs/dialog-store";
import type { TeamsCard } from "../render/teams-card";
import { say, strings } from "../strings";
import { sendMessages } from "../turn/send";
import type { Turn } from "../turn/turn";
import { openerFor } from "./post-reply";

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
const executeValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal("Action.Execute"), verb: z.string().min(1), data: z.unknown().optional() }),
});

/**
 * `Action.Execute` → one engine action turn. Teams replaces the clicked card with what we
 * return: the reply's first message; further messages are posted as new activities. A
 * reply that opens a form returns a card whose button opens the form as a dialog
 * (Universal Actions cannot open dialogs). A plain string shows as a note under the card.
 */
export function createActionExecuteHandler(engine: Engine, dialogs: DialogStore): (turn: Turn) => Promise<TeamsCard | string> {
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
    const reply = await engine.handle({ user, conversationId, action: parsed.action, target: { platform: "teams", conversationId: channelRoot(conversationId) } });
    if (reply.openForm) {
      await sendMessages(turn, reply.messages);
      return await openerFor(reply.openForm, { aadObjectId: user.aadObjectId, conversationId }, dialogs);
    }
    const [first, ...rest] = reply.messages;
    await sendMessages(turn, rest);
    if (!first) return say(strings.somethingWrong, locale);
    return renderAdaptiveCard(first);
  };
}
