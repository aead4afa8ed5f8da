import type { App } from "@slack/bolt";
import { deliverMessages } from "../deliver";
import { actingTeam, claimOnce, deliveryDeps, runTurn, type HandlerDeps } from "../handler-deps";
import { conversationIdOf, withTarget, type Origin } from "../origin";
import { appMentionSchema, directMessageSchema, eventEnvelopeSchema } from "../payloads";
import { plainSlackText } from "../slack-text";

/** `slack:event:<event_id>`, or a stable stand-in built from the event when Slack sent no id. */
export function eventKey(body: unknown, fallback: string): string {
  const envelope = eventEnvelopeSchema.safeParse(body);
  const eventId = envelope.success ? envelope.data.event_id : undefined;
  return `slack:event:${eventId ?? fallback}`;
}

/**
 * Mentions in channels and messages in the bot's DM become engine turns. Replies go in the
 * thread the user wrote in (a mention at top level starts a thread); bots, edits and other
 * message subtypes are ignored.
 */
export function registerConversationEvents(app: App, deps: HandlerDeps): void {
  app.event("app_mention", async ({ event, body, client, context }) => {
    const parsed = appMentionSchema.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    if (mention.bot_id || mention.subtype || mention.edited !== undefined) return;
    const teamId = actingTeam(context);
    deps.work.run("app_mention", async () => {
      if (!(await claimOnce(deps, eventKey(body, `${mention.channel}:${mention.ts}:app_mention`)))) return;
      const origin: Origin = { userId: mention.user, channelId: mention.channel, threadTs: mention.thread_ts ?? mention.ts };
      const text = plainSlackText(mention.text, context.botUserId) || "hjälp";
      const reply = await runTurn(
        deps,
        { user: { platform: "slack", teamId, userId: mention.user }, conversationId: conversationIdOf(origin), text, ...withTarget(teamId, origin) },
        "app_mention",
      );
      await deliverMessages(deliveryDeps(deps, client), origin, reply.messages);
    });
  });

  app.event("message", async ({ event, body, client, context }) => {
    const parsed = directMessageSchema.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.channel_type !== "im" || message.subtype || message.bot_id) return;
    const teamId = actingTeam(context);
    deps.work.run("message.im", async () => {
      if (!(await claimOnce(deps, eventKey(body, `${message.channel}:${message.ts}:message`)))) return;
      const origin: Origin = { userId: message.user, channelId: message.channel, threadTs: message.thread_ts };
      const text = plainSlackText(message.text, context.botUserId) || "hjälp";
      const reply = await runTurn(
        deps,
        { user: { platform: "slack", teamId, userId: message.user }, conversationId: conversationIdOf(origin), text },
        "message.im",
      );
      await deliverMessages(deliveryDeps(deps, client), origin, reply.messages);
    });
  });
}
