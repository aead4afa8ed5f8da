import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import * as z from "zod";
import type { Logger } from "pino";
import { posterFor, type ResponseUrlPoster } from "./response-url";
import { callSlack } from "./slack-errors";
import { slackStrings } from "./strings";
import type { WorkQueue } from "./work-queue";

const responseUrlSchema = z.looseObject({ response_url: z.url() });
const eventSchema = z.looseObject({
  event: z.looseObject({
    type: z.string(),
    user: z.string().optional(),
    channel: z.string().optional(),
    channel_type: z.string().optional(),
    thread_ts: z.string().optional(),
    ts: z.string().optional(),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  }),
});
const viewSchema = z.looseObject({
  type: z.literal("view_submission"),
  view: z.looseObject({ blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })) }),
});

/**
 * While the answer queue is full, new requests are turned away at the door with a polite
 * "busy, try again" instead of queueing without bound: commands in their ack, buttons
 * through their response_url, modal submissions as an error under the first input, and
 * mentions or DMs as a private note. Everything else (App Home, unfurls) is skipped quietly.
 */
export function shedLoad(options: {
  work: Pick<WorkQueue, "saturated" | "pending">;
  logger: Logger;
  postToResponseUrl: ResponseUrlPoster;
}): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!options.work.saturated) return args.next();
    const text = slackStrings.busy;
    options.logger.warn({ pending: options.work.pending }, "answer queue full: request turned away with a busy note");
    if ("command" in args) return args.ack({ response_type: "ephemeral", text });
    if ("view" in args) {
      const view = viewSchema.safeParse(args.body);
      const input = view.success ? view.data.view.blocks.find((block) => block.type === "input" && block.block_id) : undefined;
      return args.ack(input?.block_id ? { response_action: "errors", errors: { [input.block_id]: text } } : undefined);
    }
    if ("ack" in args && typeof args.ack === "function") {
      await args.ack();
      const withUrl = responseUrlSchema.safeParse(args.body);
      if ("action" in args && withUrl.success)
        await posterFor(
          args,
          options.postToResponseUrl,
          options.logger,
        )(withUrl.data.response_url, { response_type: "ephemeral", replace_original: false, text });
      return;
    }
    // Events were acknowledged by Bolt; a person who wrote to the bot gets a private note.
    const where = eventSchema.safeParse(args.body);
    if (!where.success) return;
    const { type, user, channel, channel_type: channelType, thread_ts: threadTs, bot_id: botId, subtype } = where.data.event;
    const spoke = type === "app_mention" || (type === "message" && channelType === "im");
    if (!spoke || !user || !channel || botId || subtype) return;
    await callSlack(options.logger, "chat.postEphemeral", { channel, user }, () =>
      args.client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) }),
    );
  };
}
