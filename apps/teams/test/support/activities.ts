/**
 * Bot Framework activities built from the real recorded Teams payloads in
 * ../shared/fixtures/platforms/teams (read, never copied): the personal-chat message, the
 * channel mention with its thread id, the group-chat mention. Invokes and installs reuse
 * their `from`, `recipient`, `conversation` and `channelData`, with the value shapes the
 * Teams documentation gives.
 */
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { FOREIGN_TENANT_ID } from "./world";

export type Json = Record<string, unknown>;

const dmFixture = sharedFixture("platforms/teams/dm.json");
const channelFixture = sharedFixture("platforms/teams/channel.json");
const groupFixture = sharedFixture("platforms/teams/teams.json");

export const fixturesAvailable = dmFixture.available && channelFixture.available && groupFixture.available;
export const fixturesMissingReason = [dmFixture, channelFixture, groupFixture]
  .map((f) => (f.available ? "" : f.reason))
  .filter(Boolean)
  .join("; ");

function load(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

function record(value: unknown, what: string): Json {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`fixture: ${what} is not an object`);
  return structuredClone(value) as Json;
}

let sequence = 0;
/** A fresh message id in Teams' style (a millisecond timestamp). */
export function nextMessageId(): string {
  return String(1_790_000_000_000 + ++sequence);
}

export type Where = "personal" | "channel" | "group";

function base(where: Where): Json {
  if (where === "personal") return record(load(dmFixture.path).dmMessage, "dm.json dmMessage");
  if (where === "channel") return record(load(channelFixture.path).mention, "channel.json mention");
  return record(load(groupFixture.path).mention, "teams.json mention");
}

/** Bot name as the fixtures' mention markup spells it. */
export const BOT_NAME = "Chat SDK Demo";
export const BOT_ID = "28:11111111-2222-3333-4444-555555555555";

export interface BuildOptions {
  serviceUrl: string;
  tenantId?: string;
  aadObjectId?: string;
  /** Keep this activity id (a redelivery). */
  id?: string;
  /** Channel thread root (defaults to the message's own id, i.e. a new thread). */
  threadRootId?: string;
}

function retarget(activity: Json, options: BuildOptions): Json {
  activity.serviceUrl = options.serviceUrl;
  if (options.tenantId) {
    const conversation = activity.conversation as Json;
    conversation.tenantId = options.tenantId;
    ((activity.channelData as Json).tenant as Json).id = options.tenantId;
  }
  if (options.aadObjectId) (activity.from as Json).aadObjectId = options.aadObjectId;
  return activity;
}

/** The conversation id a channel message with this root lives in (thread id). */
export function channelThreadId(rootId: string): string {
  return `19:d441d38c655c47a085215b2726e76927@thread.tacv2;messageid=${rootId}`;
}

/**
 * A chat message. In a channel or group chat the text is prefixed with the bot's
 * `<at>` mention (as Teams sends it) unless `mention` is false.
 */
export function message(where: Where, text: string, options: BuildOptions & { mention?: boolean }): Json {
  const activity = base(where);
  const id = options.id ?? nextMessageId();
  activity.id = id;
  activity.timestamp = new Date().toISOString();
  const mention = where !== "personal" && options.mention !== false;
  activity.text = mention ? `<at>${BOT_NAME}</at> ${text}` : text;
  if (!mention) activity.entities = [];
  delete activity.attachments;
  if (where === "channel") (activity.conversation as Json).id = channelThreadId(options.threadRootId ?? id);
  return retarget(activity, options);
}

/** An invoke (Action.Execute, task/fetch, task/submit, composeExtension/query) in that conversation. */
export function invoke(where: Where, name: string, value: unknown, options: BuildOptions & { replyToId?: string }): Json {
  const activity = base(where);
  activity.type = "invoke";
  activity.name = name;
  activity.value = value;
  activity.id = options.id ?? `f:${randomUUID()}`;
  activity.timestamp = new Date().toISOString();
  delete activity.text;
  delete activity.textFormat;
  delete activity.attachments;
  activity.entities = [];
  if (options.replyToId) activity.replyToId = options.replyToId;
  if (where === "channel") (activity.conversation as Json).id = channelThreadId(options.threadRootId ?? nextMessageId());
  return retarget(activity, options);
}

export function actionExecute(where: Where, verb: string, data: Json, options: BuildOptions & { replyToId?: string }): Json {
  return invoke(where, "adaptiveCard/action", { action: { type: "Action.Execute", verb, data }, trigger: "manual" }, options);
}

export function taskFetch(where: Where, data: Json, options: BuildOptions): Json {
  return invoke(where, "task/fetch", { data, context: { theme: "default" } }, options);
}

export function taskSubmit(where: Where, data: Json, options: BuildOptions): Json {
  return invoke(where, "task/submit", { data, context: { theme: "default" } }, options);
}

export function composeQuery(where: Where, commandId: string, query: string, options: BuildOptions): Json {
  return invoke(where, "composeExtension/query", { commandId, parameters: [{ name: "query", value: query }], queryOptions: { skip: 0, count: 25 } }, options);
}

/** The bot added to a team (its General channel) or a personal chat: conversationUpdate with the bot in membersAdded. */
export function botAdded(where: "personal" | "channel", options: BuildOptions): Json {
  const activity = base(where);
  activity.type = "conversationUpdate";
  activity.id = `f:${randomUUID()}`;
  delete activity.text;
  delete activity.textFormat;
  delete activity.attachments;
  activity.entities = [];
  activity.membersAdded = [{ id: BOT_ID }];
  if (where === "channel") {
    const channelData = activity.channelData as Json;
    channelData.eventType = "teamMemberAdded";
    (activity.conversation as Json).id = "19:d441d38c655c47a085215b2726e76927@thread.tacv2";
  }
  return retarget(activity, options);
}

export function installationUpdate(where: "personal" | "channel", action: "add" | "remove", options: BuildOptions): Json {
  const activity = botAdded(where, options);
  activity.type = "installationUpdate";
  activity.action = action;
  delete activity.membersAdded;
  return activity;
}

export { FOREIGN_TENANT_ID };
