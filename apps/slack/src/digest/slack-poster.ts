import { ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import * as z from "zod";
import {
  DigestChannelGoneError,
  renderSlack,
  startDigestScheduler,
  type DigestDelivery,
  type DigestPoster,
  type DigestScheduler,
  type DigestSchedulerOptions,
  type Message,
} from "@samverkan/chat";
import type { DigestTarget } from "@samverkan/sdk";

/** Slack's answers that mean the bot cannot post in the channel until someone acts. */
const CHANNEL_GONE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
/** The bot may not read the channel's history (installed before `channels:history` was asked for). */
const CANNOT_LOOK = new Set(["missing_scope", "not_allowed_token_type", "no_permission"]);

/** `metadata.event_type` of digest posts; the payload names the run. */
export const DIGEST_EVENT_TYPE = "samverkan_digest";
/** Pages of history searched for a digest before concluding it was not posted. */
const HISTORY_PAGES = 5;

/** Slack's platform error code (`not_in_channel` …), if the error is one. */
function platformErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== ErrorCode.PlatformError) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

const historySchema = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        ts: z.string(),
        metadata: z.looseObject({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() }).optional(),
      }),
    )
    .default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.looseObject({ next_cursor: z.string().optional() }).optional(),
});

function goneOrRethrow(error: unknown): never {
  const code = platformErrorCode(error);
  if (code && CHANNEL_GONE.has(code)) throw new DigestChannelGoneError(code, { cause: error });
  throw error;
}

/**
 * Posts digests with `chat.postMessage`, carrying the run in the message's `metadata`
 * (`samverkan_digest`, `{ run_id, subscription, period_key }`), and finds a run's post
 * again with `conversations.history` (`include_all_metadata`). Give it a client that does
 * not retry by itself (see startSlackDigests): a post whose answer was lost may have been
 * accepted, so the scheduler looks before it posts again. A channel the bot left, or that
 * was deleted or archived, becomes DigestChannelGoneError so the subscription is paused.
 */
export class SlackDigestPoster implements DigestPoster {
  constructor(private readonly client: WebClient) {}

  async post(target: DigestTarget, message: Message, delivery?: DigestDelivery): Promise<string | undefined> {
    if (target.platform !== "slack") throw new Error(`SlackDigestPoster cannot post to ${target.platform}`);
    const { text, blocks } = renderSlack(message);
    const metadata = delivery
      ? { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: delivery.runId, subscription: delivery.subscriptionRef, period_key: delivery.periodKey } }
      : undefined;
    try {
      const result = await this.client.chat.postMessage({
        channel: target.channelId,
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadata ? { metadata } : {}),
      });
      return typeof result.ts === "string" ? result.ts : undefined;
    } catch (error) {
      return goneOrRethrow(error);
    }
  }

  async findPosted(target: DigestTarget, delivery: DigestDelivery): Promise<string | undefined> {
    if (target.platform !== "slack") return undefined;
    // Slack's ts are seconds; a minute's margin for clocks.
    const oldest = String(Math.floor(delivery.notBefore.getTime() / 1000) - 60);
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      let raw: unknown;
      try {
        raw = await this.client.conversations.history({
          channel: target.channelId,
          oldest,
          limit: 200,
          include_all_metadata: true,
          ...(cursor ? { cursor } : {}),
        });
      } catch (error) {
        // Without the history scope we cannot look: post (at least once) rather than never.
        if (CANNOT_LOOK.has(platformErrorCode(error) ?? "")) return undefined;
        return goneOrRethrow(error);
      }
      const history = historySchema.safeParse(raw);
      if (!history.success) return undefined;
      const found = history.data.messages.find((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && m.metadata.event_payload?.run_id === delivery.runId);
      if (found) return found.ts;
      cursor = history.data.response_metadata?.next_cursor || undefined;
      if (!history.data.has_more || !cursor) return undefined;
    }
    return undefined;
  }
}

export type SlackDigestsOptions = Omit<DigestSchedulerOptions, "posters"> & {
  /** The app's client: its token and API URL are used, not its retries. */
  client: WebClient;
  /** How long one post or history call may take before it counts as failed (default 10 s). */
  postTimeoutMs?: number;
};

/**
 * Starts the digest scheduler for Slack subscriptions in this app instance. Digests get
 * their own WebClient without automatic retries: a timed-out `chat.postMessage` may have
 * been accepted, and only the scheduler's check-then-post may try again.
 */
export function startSlackDigests(options: SlackDigestsOptions): DigestScheduler {
  const { client, postTimeoutMs, ...scheduler } = options;
  const digestClient = new WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    timeout: postTimeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
  });
  return startDigestScheduler({ ...scheduler, posters: { slack: new SlackDigestPoster(digestClient) } });
}
