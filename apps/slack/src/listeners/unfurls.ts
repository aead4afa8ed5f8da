import { renderSlack } from "@samverkan/chat";
import type { App } from "@slack/bolt";
import type { LinkUnfurls } from "@slack/types";
import type { ChatUnfurlArguments } from "@slack/web-api";
import { actingTeam, claimOnce, type HandlerDeps } from "../handler-deps";
import { linkSharedSchema } from "../payloads";
import { schoolUnitCodeFromUrl } from "../school-links";
import { callSlack } from "../slack-errors";
import { eventKey } from "./messages";

/** Slack shows at most a few unfurls per message; we never look up more than this. */
const MAX_UNFURLS = 5;

/**
 * Utbildningsguiden links to a school unit unfold into a compact school card, in the
 * sharer's language when they are a known staff member.
 */
export function registerUnfurls(app: App, deps: HandlerDeps): void {
  app.event("link_shared", async ({ event, body, client, context }) => {
    const parsed = linkSharedSchema.safeParse(event);
    if (!parsed.success) return;
    const shared = parsed.data;
    const links = shared.links
      .map((link) => ({ url: link.url, code: schoolUnitCodeFromUrl(link.url) }))
      .filter((link): link is { url: string; code: string } => link.code !== undefined)
      .slice(0, MAX_UNFURLS);
    if (links.length === 0) return;
    const teamId = actingTeam(context);
    deps.work.run("link_shared", async () => {
      if (!(await claimOnce(deps, eventKey(body, `${shared.channel}:${shared.message_ts}:link_shared`)))) return;
      const staff = shared.user ? await deps.engine.resolveStaff({ platform: "slack", teamId, userId: shared.user }).catch(() => undefined) : undefined;
      const locale = staff?.locale ?? "sv";
      const unfurls: LinkUnfurls = {};
      for (const link of links) {
        const card = await deps.engine.schoolCard(link.code, locale);
        if (card) unfurls[link.url] = { blocks: renderSlack(card).blocks };
      }
      if (Object.keys(unfurls).length === 0) return;
      // Links typed in the composer have no message yet: Slack identifies them by unfurl_id.
      const inComposer = shared.source === "composer" || shared.channel === "COMPOSER";
      const target: ChatUnfurlArguments =
        inComposer && shared.unfurl_id
          ? { unfurl_id: shared.unfurl_id, source: "composer", unfurls }
          : { channel: shared.channel, ts: shared.message_ts, unfurls };
      await callSlack(deps.logger, "chat.unfurl", { channel: shared.channel }, () => client.chat.unfurl(target));
    });
  });
}
