import type { App } from "@slack/bolt";
import { deliverMessages } from "../deliver";
import { actingTeam, claimOnce, deliveryDeps, runTurn, type HandlerDeps } from "../handler-deps";
import { openFormModal } from "../modals";
import { conversationIdOf, withTarget, type Origin } from "../origin";
import { slashCommandSchema } from "../payloads";

/** `/samverkan <text>`: ack at once, answer ephemerally through the response_url. */
export function registerSlashCommand(app: App, deps: HandlerDeps, command: string): void {
  app.command(command, async ({ ack, body, client, context, respond }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.length }, "slash command payload not understood");
      return;
    }
    const cmd = parsed.data;
    const teamId = actingTeam(context);
    deps.work.run("command", async () => {
      if (!(await claimOnce(deps, `slack:command:${cmd.trigger_id}`))) return;
      const origin: Origin = { userId: cmd.user_id, channelId: cmd.channel_id, responseUrl: cmd.response_url, ephemeral: true };
      const text = cmd.text.trim() || "hjälp";
      const reply = await runTurn(
        deps,
        { user: { platform: "slack", teamId, userId: cmd.user_id }, conversationId: conversationIdOf(origin), text, ...withTarget(teamId, origin) },
        "command",
      );
      if (reply.openForm) await openFormModal(client, deps.logger, cmd.trigger_id, reply.openForm, origin);
      await deliverMessages(deliveryDeps(deps, client, respond), origin, reply.messages);
    });
  });
}
