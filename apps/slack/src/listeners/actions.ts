import { parseSlackAction } from "@samverkan/chat";
import type { App } from "@slack/bolt";
import { deliverMessages } from "../deliver";
import { actingTeam, claimOnce, deliveryDeps, runTurn, type HandlerDeps } from "../handler-deps";
import { publishHome } from "../home";
import { openFormModal } from "../modals";
import { conversationIdOf, withTarget, type Origin } from "../origin";
import { blockActionsSchema, type BlockActionsPayload } from "../payloads";

/** Where a button was pressed: a message (maybe ephemeral, maybe an unfurl) or the App Home. */
export function originOfAction(body: BlockActionsPayload): Origin {
  const { container } = body;
  if (container.type === "view" || (body.view && !container.channel_id)) {
    return { userId: body.user.id, home: body.view?.type === "home" || container.type === "view" };
  }
  return {
    userId: body.user.id,
    channelId: container.channel_id ?? body.channel?.id,
    threadTs: container.thread_ts ?? body.message?.thread_ts,
    messageTs: container.message_ts ?? body.message?.ts,
    responseUrl: body.response_url,
    ephemeral: container.is_ephemeral === true,
  };
}

/**
 * Buttons from our messages, modals-to-be and the App Home. Ack first; then the engine
 * runs the action and its answer replaces the message when the engine says so
 * (`replaceOriginal`: confirm/cancel/paging), opens a modal with the trigger_id, or is
 * posted in the thread.
 */
export function registerBlockActions(app: App, deps: HandlerDeps): void {
  app.action({ type: "block_actions" }, async ({ ack, body, client, context, respond }) => {
    await ack();
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.length }, "block_actions payload not understood");
      return;
    }
    const payload = parsed.data;
    // The schema asks for at least one action.
    const [clicked] = payload.actions;
    // Link buttons open a browser; Slack still reports the click, there is nothing to do.
    if (!clicked || clicked.url !== undefined) return;
    const action = parseSlackAction({ action_id: clicked.action_id, value: clicked.value ?? null });
    if (!action || action.id === "link") {
      deps.logger.debug({ actionId: clicked.action_id }, "ignoring an action we did not render");
      return;
    }
    const teamId = actingTeam(context);
    deps.work.run(`action:${action.id}`, async () => {
      if (!(await claimOnce(deps, `slack:action:${payload.trigger_id}`))) return;
      const origin = originOfAction(payload);
      const reply = await runTurn(
        deps,
        { user: { platform: "slack", teamId, userId: payload.user.id }, conversationId: conversationIdOf(origin), action, ...withTarget(teamId, origin) },
        "block_actions",
      );
      if (reply.openForm) await openFormModal(client, deps.logger, payload.trigger_id, reply.openForm, origin);
      await deliverMessages(deliveryDeps(deps, client, respond), origin, reply.messages, { replaceFirst: reply.replaceOriginal });
      if (origin.home && reply.messages.length > 0) await publishHome(client, deps.engine, deps.logger, teamId, payload.user.id);
    });
  });
}
