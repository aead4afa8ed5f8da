import { parseAdaptiveAction, renderAdaptiveCard, type Engine } from "@samverkan/chat";
import type { AdaptiveCard as TeamsAiCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import { channelRoot } from "../proactive/references";
import { z } from "zod";
import { activityLocale, teamsUser } from "../activity/identity";
import { readActivity } from "../activity/schema";
import type { DialogStore } from "../dialogs/dialog-store";
import type { TeamsCard } from "../render/teams-card";
import { say, strings } from "../strings";
import { sendMessages } from "../turn/send";
import { openerFor } from "./post-reply";

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
const executeValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal("Action.Execute"), verb: z.string().min(1), data: z.unknown().optional() }),
});

/** Hands a card to teams-ai, whose card type is an open record. */
function asTeamsAiCard(card: TeamsCard): TeamsAiCard {
  return { ...card };
}

/**
 * `Action.Execute` → one engine action turn. Teams replaces the clicked card with what we
 * return: the reply's first message; further messages are posted as new activities. A
 * reply that opens a form returns a card whose button opens the form as a dialog
 * (Universal Actions cannot open dialogs). A plain string shows as a note under the card.
 */
export function createActionExecuteHandler(engine: Engine, dialogs: DialogStore): (context: TurnContext) => Promise<TeamsAiCard | string> {
  return async (context) => {
    const activity = readActivity(context.activity);
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
      await sendMessages(context, reply.messages);
      return asTeamsAiCard(await openerFor(reply.openForm, { aadObjectId: user.aadObjectId, conversationId }, dialogs));
    }
    const [first, ...rest] = reply.messages;
    await sendMessages(context, rest);
    if (!first) return say(strings.somethingWrong, locale);
    return asTeamsAiCard(renderAdaptiveCard(first));
  };
}
