import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import * as z from "zod";
import type { Logger } from "pino";
import { setActingTeam } from "./handler-deps";
import { posterFor, type ResponseUrlPoster } from "./response-url";
import { callSlack } from "./slack-errors";
import { slackStrings } from "./strings";
import { judgeTeams, requestTeams, type TeamVerdict } from "./team-guard";

// Only a message or a mention by a person, in a conversation, can be answered privately.
const guestMessageSchema = z.looseObject({
  event: z.looseObject({ type: z.enum(["app_mention", "message"]), user: z.string().min(1), channel: z.string().min(1) }),
});
const responseUrlSchema = z.looseObject({ response_url: z.url() });

/**
 * First middleware after Bolt's signature check: requests from workspaces outside
 * SLACK_ALLOWED_TEAM_IDS, and from Slack Connect guests, stop here. Commands get a polite
 * ephemeral answer in the ack itself (no Web API call), buttons a polite ephemeral reply,
 * events from foreign workspaces are ignored silently, and nothing is written anywhere.
 */
export function refuseOutsiders(options: {
  allowedTeamIds: ReadonlySet<string>;
  logger: Logger;
  postToResponseUrl: ResponseUrlPoster;
}): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const verdict = judgeTeams(requestTeams(args.body), options.allowedTeamIds);
    if (verdict.kind === "allowed") {
      setActingTeam(args.context, verdict.teamId);
      await args.next();
      return;
    }
    const { kind, ...teams } = verdict;
    options.logger.warn({ verdict: kind, ...teams }, "request refused: not an allowed Slack workspace");
    await refuse(args, verdict, options);
  };
}

async function refuse(
  args: Parameters<Middleware<AnyMiddlewareArgs>>[0],
  verdict: Exclude<TeamVerdict, { kind: "allowed" }>,
  options: { logger: Logger; postToResponseUrl: ResponseUrlPoster },
): Promise<void> {
  const text = verdict.kind === "foreign-team" ? slackStrings.foreignTeam : slackStrings.externalUser;
  if ("command" in args) {
    await args.ack({ response_type: "ephemeral", text });
    return;
  }
  // Interactions (buttons, forms, shortcuts, option lists) wait for our ack; those that
  // came from a message carry a response_url for the private note.
  if ("ack" in args && typeof args.ack === "function") {
    await args.ack();
    const withUrl = responseUrlSchema.safeParse(args.body);
    if (withUrl.success)
      await posterFor(
        args,
        options.postToResponseUrl,
        options.logger,
      )(withUrl.data.response_url, { response_type: "ephemeral", replace_original: false, text });
    return;
  }
  // Events: Bolt has acknowledged already. A foreign workspace gets silence; a guest in
  // a shared channel a short private note.
  if (verdict.kind !== "external-user") return;
  const where = guestMessageSchema.safeParse(args.body);
  if (!where.success) return;
  const { user, channel } = where.data.event;
  await callSlack(options.logger, "chat.postEphemeral", { channel, user }, () => args.client.chat.postEphemeral({ channel, user, text }));
}
