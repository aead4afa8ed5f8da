import type { DigestTarget } from "./types";

/** One string per channel, so a channel's subscriptions can be found and duplicates spotted. */
export function targetKey(target: DigestTarget): string {
  return target.platform === "slack" ? `slack:${target.teamId}:${target.channelId}` : `teams:${target.conversationId}`;
}

/** `slack T0001/C0123` or `teams 19:abc@thread.tacv2`, for lists and logs. */
export function describeTarget(target: DigestTarget): string {
  return target.platform === "slack" ? `slack ${target.teamId}/${target.channelId}` : `teams ${target.conversationId}`;
}
