import { renderSlack, type Message, type SlackMessage } from "@samverkan/chat";
import type { ChatPostMessageArguments, WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { isDirectMessage, type Origin } from "./origin";
import type { ResponseUrlPoster } from "./response-url";
import { callSlack, UNREACHABLE_CONVERSATION } from "./slack-errors";
import { slackStrings } from "./strings";

export interface DeliveryDeps {
  client: WebClient;
  postToResponseUrl: ResponseUrlPoster;
  logger: Logger;
}

export interface DeliveryOptions {
  /** Replace the message the user acted on with the first reply: the engine's `replaceOriginal`. */
  replaceFirst?: boolean;
}

/**
 * Shows the engine's messages where the user spoke: replacing the message acted on, as
 * ephemeral replies through `response_url`, in the thread, or in the user's DM (App Home).
 */
export async function deliverMessages(deps: DeliveryDeps, origin: Origin, messages: readonly Message[], options: DeliveryOptions = {}): Promise<void> {
  let movedToDm = false;
  for (const [index, message] of messages.entries()) {
    const payload = renderSlack(message);
    if (index === 0 && options.replaceFirst === true && (await replaceOriginal(deps, origin, payload))) continue;
    if (origin.ephemeral && origin.responseUrl) {
      await deps.postToResponseUrl(origin.responseUrl, { response_type: "ephemeral", replace_original: false, text: payload.text, blocks: payload.blocks });
      continue;
    }
    if (origin.home || !origin.channelId) {
      await postMessage(deps, { channel: origin.userId, text: payload.text, blocks: payload.blocks });
      continue;
    }
    const threadTs = origin.threadTs ?? (isDirectMessage(origin.channelId) ? undefined : origin.messageTs);
    const posted = await postMessage(deps, {
      channel: origin.channelId,
      text: payload.text,
      blocks: payload.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    if (!posted.ok && UNREACHABLE_CONVERSATION.has(posted.code) && !isDirectMessage(origin.channelId)) {
      // Not a member or the channel is gone: the answer still reaches the user, in their DM.
      if (!movedToDm) await postMessage(deps, { channel: origin.userId, text: slackStrings.movedToDm });
      movedToDm = true;
      await postMessage(deps, { channel: origin.userId, text: payload.text, blocks: payload.blocks });
    }
  }
}

async function replaceOriginal(deps: DeliveryDeps, origin: Origin, payload: SlackMessage): Promise<boolean> {
  if (origin.responseUrl) {
    return deps.postToResponseUrl(origin.responseUrl, { replace_original: true, text: payload.text, blocks: payload.blocks });
  }
  if (origin.channelId && origin.messageTs && !origin.ephemeral) {
    const result = await callSlack(deps.logger, "chat.update", { channel: origin.channelId }, () =>
      deps.client.chat.update({ channel: origin.channelId!, ts: origin.messageTs!, text: payload.text, blocks: payload.blocks }),
    );
    return result.ok;
  }
  return false;
}

type PostArguments = ChatPostMessageArguments & { channel: string };

function postMessage(deps: DeliveryDeps, args: PostArguments) {
  const withDefaults: ChatPostMessageArguments = { unfurl_links: false, unfurl_media: false, ...args };
  return callSlack(deps.logger, "chat.postMessage", { channel: args.channel }, () => deps.client.chat.postMessage(withDefaults));
}
