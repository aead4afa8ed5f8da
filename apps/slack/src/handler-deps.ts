import type { Engine, EngineReply, Turn } from "@samverkan/chat";
import type { Samverkan } from "@samverkan/sdk";
import type { Context, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { DeliveryDeps } from "./deliver";
import { respondPoster, type ResponseUrlPoster } from "./response-url";
import type { WorkQueue } from "./work-queue";

/** What every listener needs besides Bolt's own arguments. */
export interface HandlerDeps {
  samverkan: Samverkan;
  engine: Engine;
  logger: Logger;
  work: WorkQueue;
  postToResponseUrl: ResponseUrlPoster;
}

/** Set by the team guard: the acting user's workspace, already checked against the allow-list. */
const TEAM_KEY = "samverkanTeamId";

export function setActingTeam(context: Context, teamId: string): void {
  context[TEAM_KEY] = teamId;
}

export function actingTeam(context: Context): string {
  const team: unknown = context[TEAM_KEY];
  if (typeof team !== "string") throw new Error("team guard did not run before this listener");
  return team;
}

/** `respond`: Bolt's, from the listener's arguments, for the request's own `response_url`. */
export function deliveryDeps(deps: HandlerDeps, client: WebClient, respond?: RespondFn): DeliveryDeps {
  return { client, postToResponseUrl: respond ? respondPoster(respond, deps.logger) : deps.postToResponseUrl, logger: deps.logger };
}

/** One engine turn; an unexpected failure becomes a polite answer and a log line. */
export async function runTurn(deps: HandlerDeps, turn: Turn, kind: string): Promise<EngineReply> {
  const started = performance.now();
  try {
    const reply = await deps.engine.handle(turn);
    deps.logger.debug(
      { kind, ms: Math.round(performance.now() - started), messages: reply.messages.length, form: reply.openForm !== undefined },
      "turn handled",
    );
    return reply;
  } catch (error) {
    deps.logger.error({ err: error, kind }, "engine turn failed");
    const text = "Något gick fel hos mig. Försök igen om en stund; felet är loggat.";
    return { messages: [{ text, blocks: [{ type: "text", text }], locale: "sv" }], replaceOriginal: false };
  }
}

/**
 * Claims a Slack delivery once across all instances (the store's primary key decides), so a
 * retried event or a double-clicked button is acted on once. A store failure lets the turn
 * through: answering twice is better than not answering.
 */
export async function claimOnce(deps: HandlerDeps, key: string): Promise<boolean> {
  try {
    const first = await deps.samverkan.state.claimEvent(key);
    if (!first) deps.logger.info({ key }, "duplicate Slack delivery ignored");
    return first;
  } catch (error) {
    deps.logger.error({ err: error, key }, "could not record Slack delivery; handling it anyway");
    return true;
  }
}
