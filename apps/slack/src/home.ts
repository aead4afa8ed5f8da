import { renderSlack, type Engine } from "@samverkan/chat";
import type { HomeView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { callSlack } from "./slack-errors";

/** The App Home tab: the engine's home message as a Block Kit home view. */
export async function homeView(engine: Engine, teamId: string, userId: string): Promise<HomeView> {
  const message = await engine.home({ platform: "slack", teamId, userId });
  return { type: "home", blocks: renderSlack(message).blocks };
}

export async function publishHome(client: WebClient, engine: Engine, logger: Logger, teamId: string, userId: string): Promise<void> {
  const view = await homeView(engine, teamId, userId);
  await callSlack(logger, "views.publish", { user: userId }, () => client.views.publish({ user_id: userId, view }));
}
