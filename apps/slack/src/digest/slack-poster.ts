import { ErrorCode, type WebClient } from "@slack/web-api";
import { DigestChannelGoneError, renderSlack, startDigestScheduler, type DigestPoster, type DigestScheduler, type DigestSchedulerOptions, type Message } from "@samverkan/chat";
import type { DigestTarget } from "@samverkan/sdk";

/** Slack's answers that mean the bot cannot post in the channel until someone acts. */
const CHANNEL_GONE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

/** Slack's platform error code (`not_in_channel` …), if the error is one. */
function platformErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== ErrorCode.PlatformError) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Posts digests with `chat.postMessage`. The WebClient retries rate limits and network
 * errors itself; a channel the bot left, or that was deleted or archived, becomes
 * DigestChannelGoneError so the scheduler pauses the subscription.
 */
export class SlackDigestPoster implements DigestPoster {
  constructor(private readonly client: WebClient) {}

  async post(target: DigestTarget, message: Message): Promise<void> {
    if (target.platform !== "slack") throw new Error(`SlackDigestPoster cannot post to ${target.platform}`);
    const { text, blocks } = renderSlack(message);
    try {
      await this.client.chat.postMessage({ channel: target.channelId, text, blocks, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      const code = platformErrorCode(error);
      if (code && CHANNEL_GONE.has(code)) throw new DigestChannelGoneError(code, { cause: error });
      throw error;
    }
  }
}

export type SlackDigestsOptions = Omit<DigestSchedulerOptions, "posters"> & { client: WebClient };

/** Starts the digest scheduler for Slack subscriptions in this app instance. */
export function startSlackDigests(options: SlackDigestsOptions): DigestScheduler {
  const { client, ...scheduler } = options;
  return startDigestScheduler({ ...scheduler, posters: { slack: new SlackDigestPoster(client) } });
}
