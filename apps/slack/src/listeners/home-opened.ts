import type { App } from "@slack/bolt";
import { actingTeam, claimOnce, type HandlerDeps } from "../handler-deps";
import { publishHome } from "../home";
import { appHomeOpenedSchema } from "../payloads";
import { eventKey } from "./messages";

/** Opening the Home tab publishes a fresh home view (dialogues, assignments, coverage). */
export function registerAppHome(app: App, deps: HandlerDeps): void {
  app.event("app_home_opened", async ({ event, body, client, context }) => {
    const parsed = appHomeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== "home")) return;
    const userId = parsed.data.user;
    const teamId = actingTeam(context);
    deps.work.run("app_home_opened", async () => {
      if (!(await claimOnce(deps, eventKey(body, `${userId}:${parsed.data.channel ?? ""}:app_home_opened:${Date.now()}`)))) return;
      await publishHome(client, deps.engine, deps.logger, teamId, userId);
    });
  });
}
