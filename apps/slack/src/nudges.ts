import { ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import * as z from "zod";
import {
  NudgeNotDeliverableError,
  renderSlack,
  startNudgeScheduler,
  type Message,
  type NudgePoster,
  type NudgeScheduler,
  type NudgeSchedulerOptions,
} from "@samverkan/chat";
import type { Staff } from "@samverkan/sdk";

/** conversations.open answers meaning this person cannot get a DM from the bot. */
const UNREACHABLE = new Set(["user_not_found", "user_disabled", "user_not_visible", "cannot_dm_bot", "users_not_found", "invalid_users"]);

const openedSchema = z.looseObject({ channel: z.looseObject({ id: z.string().min(1) }) });

function platformErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== ErrorCode.PlatformError) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/**
 * Sends a nudge as a direct message from the bot: `conversations.open` with the staff
 * member's linked Slack user (scope `im:write`) gives the 1:1 conversation, and
 * `chat.postMessage` posts the rendered Block Kit message there. A staff member without
 * a linked Slack user, or whom Slack says the bot cannot reach, is `NudgeNotDeliverableError`.
 */
export class SlackNudgePoster implements NudgePoster {
  constructor(
    private readonly client: WebClient,
    /** Workspaces this app serves: a person linked in several workspaces is reached in one of these. */
    private readonly teamIds?: ReadonlySet<string>,
  ) {}

  async postDirect(staff: Staff, message: Message): Promise<void> {
    const slack = staff.identities.filter((i) => i.platform === "slack");
    // The identity in a workspace this app serves first (an Enterprise Grid org is allowed by its E… id, so not a filter).
    const identity = slack.find((i) => this.teamIds?.has(i.teamId)) ?? slack[0];
    if (!identity) throw new NudgeNotDeliverableError(staff.id, "no-slack-user");
    let channel: string;
    try {
      const opened = openedSchema.safeParse(await this.client.conversations.open({ users: identity.userId }));
      if (!opened.success) throw new Error("conversations.open answered without a channel id");
      channel = opened.data.channel.id;
    } catch (error) {
      const code = platformErrorCode(error);
      if (code && UNREACHABLE.has(code)) throw new NudgeNotDeliverableError(staff.id, code);
      throw error;
    }
    const { text, blocks } = renderSlack(message);
    await this.client.chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false });
  }
}

export type SlackNudgesOptions = Omit<NudgeSchedulerOptions, "poster"> & {
  /** The app's client: its token and API URL are used, not its retries. */
  client: WebClient;
  teamIds?: ReadonlySet<string>;
  /** How long one Web API call may take (default 10 s). */
  callTimeoutMs?: number;
};

/**
 * Starts the nudge scheduler in this Slack app instance. Nudges get their own WebClient
 * without automatic retries: a timed-out `chat.postMessage` may have been delivered, and a
 * nudge is claimed once, so it is never posted a second time.
 */
export function startSlackNudges(options: SlackNudgesOptions): NudgeScheduler {
  const { client, teamIds, callTimeoutMs, ...scheduler } = options;
  const nudgeClient = new WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    timeout: callTimeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
  });
  return startNudgeScheduler({ ...scheduler, poster: new SlackNudgePoster(nudgeClient, teamIds) });
}
