import { readFileSync } from "node:fs";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import type { JsonObject } from "./fake-slack";

/**
 * Request bodies built from payloads Slack really sent (../shared/fixtures/platforms/slack),
 * with ids, teams and texts replaced. `link_shared` and `app_home_opened` are not among the
 * recordings; they reuse a recorded event envelope with the event Slack documents.
 */

const files = {
  slash: sharedFixture("platforms/slack/slash-commands.json"),
  workspace: sharedFixture("platforms/slack/slack-multi-workspace--team1.json"),
  dm: sharedFixture("platforms/slack/dm--slack-direct.json"),
  modals: sharedFixture("platforms/slack/modals.json"),
};

export const fixturesAvailable = Object.values(files).every((file) => file.available);
export const fixturesMissingReason = Object.values(files).find((file) => !file.available)?.path;

const cache = new Map<string, JsonObject>();
function load(file: { path: string }): JsonObject {
  let json = cache.get(file.path);
  if (!json) {
    json = JSON.parse(readFileSync(file.path, "utf8")) as JsonObject;
    cache.set(file.path, json);
  }
  return structuredClone(json);
}

function object(value: unknown, what: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`fixture: ${what} is not an object`);
  return value as JsonObject;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;
export const newTriggerId = () => `10520020890661.10229338706656.${unique()}`;
export const newEventId = () => `Ev0${unique().toUpperCase()}`;
export const newTs = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;

export interface Who {
  teamId: string;
  userId: string;
}

/** A `/samverkan` slash command (form fields), from `slashCommandWithArgs`. */
export function slashCommand(
  who: Who,
  text: string,
  options: { responseUrl: string; channelId?: string; command?: string; triggerId?: string },
): Record<string, string> {
  const fields = object(load(files.slash).slashCommandWithArgs, "slashCommandWithArgs");
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) result[key] = String(value);
  return {
    ...result,
    team_id: who.teamId,
    user_id: who.userId,
    channel_id: options.channelId ?? "C0SAMVERK1",
    channel_name: "kvalitetsdialoger",
    command: options.command ?? "/samverkan",
    text,
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? newTriggerId(),
  };
}

/** An `event_callback` envelope for an event, from the recorded Enterprise Grid mention. */
export function eventEnvelope(teamId: string, botUserId: string, event: JsonObject, options: { eventId?: string; extShared?: boolean } = {}): JsonObject {
  const envelope = object(load(files.workspace).mention, "mention");
  const auth = object((envelope.authorizations as unknown[])[0], "authorizations[0]");
  return {
    ...envelope,
    team_id: teamId,
    enterprise_id: undefined,
    event_id: options.eventId ?? newEventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ ...auth, team_id: teamId, enterprise_id: null, user_id: botUserId }],
    is_ext_shared_channel: options.extShared ?? false,
    event,
  };
}

/** `app_mention` in a channel, optionally inside a thread. */
export function appMention(
  who: Who,
  botUserId: string,
  text: string,
  options: { channel?: string; ts?: string; threadTs?: string; userTeam?: string; eventId?: string } = {},
): JsonObject {
  const event = object(object(load(files.workspace).mention, "mention").event, "mention.event");
  const ts = options.ts ?? newTs();
  const mention: JsonObject = {
    ...event,
    user: who.userId,
    text: `<@${botUserId}> ${text}`,
    team: options.userTeam ?? who.teamId,
    channel: options.channel ?? "C0SAMVERK1",
    ts,
    event_ts: ts,
    blocks: [],
  };
  if (options.threadTs) mention.thread_ts = options.threadTs;
  if (options.userTeam) mention.user_team = options.userTeam;
  return eventEnvelope(who.teamId, botUserId, mention, { ...(options.eventId ? { eventId: options.eventId } : {}), extShared: options.userTeam !== undefined });
}

/** A message in the bot's DM (`message.im`), from the recorded direct message. */
export function directMessage(who: Who, botUserId: string, text: string, options: { channel?: string; subtype?: string; botId?: string } = {}): JsonObject {
  const envelope = object(load(files.dm).directDM, "directDM");
  const event = object(envelope.event, "directDM.event");
  const ts = newTs();
  const message: JsonObject = { ...event, user: who.userId, text, team: who.teamId, channel: options.channel ?? "D0SAMVERK1", ts, event_ts: ts, blocks: [] };
  if (options.subtype) message.subtype = options.subtype;
  if (options.botId) message.bot_id = options.botId;
  return eventEnvelope(who.teamId, botUserId, message);
}

/** `app_home_opened` (Home tab). */
export function appHomeOpened(who: Who, botUserId: string): JsonObject {
  return eventEnvelope(who.teamId, botUserId, { type: "app_home_opened", user: who.userId, channel: "D0SAMVERK1", tab: "home", event_ts: newTs() });
}

/** `link_shared` for links in a posted message. */
export function linkShared(who: Who, botUserId: string, urls: string[], options: { channel?: string; messageTs?: string } = {}): JsonObject {
  const ts = options.messageTs ?? newTs();
  return eventEnvelope(who.teamId, botUserId, {
    type: "link_shared",
    channel: options.channel ?? "C0SAMVERK1",
    is_bot_user_member: true,
    user: who.userId,
    message_ts: ts,
    unfurl_id: `C0SAMVERK1.${ts}.${unique()}`,
    source: "conversations_history",
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: newTs(),
  });
}

export interface ClickedButton {
  action_id: string;
  value: string;
  text?: string;
}

/** `block_actions` for a button in a message (from the recorded modal-opening click). */
export function blockAction(
  who: Who,
  button: ClickedButton,
  options: { channel?: string; messageTs?: string; threadTs?: string; ephemeral?: boolean; responseUrl?: string; triggerId?: string; userTeam?: string } = {},
): JsonObject {
  const body = object(load(files.modals).action, "action");
  const messageTs = options.messageTs ?? newTs();
  const channel = options.channel ?? "C0SAMVERK1";
  const container: JsonObject = { type: "message", message_ts: messageTs, channel_id: channel, is_ephemeral: options.ephemeral ?? false };
  if (options.threadTs) container.thread_ts = options.threadTs;
  return {
    ...body,
    user: { ...object(body.user, "action.user"), id: who.userId, team_id: options.userTeam ?? who.teamId },
    team: { id: who.teamId, domain: "samverkan-test" },
    trigger_id: options.triggerId ?? newTriggerId(),
    container,
    channel: { id: channel, name: "kvalitetsdialoger" },
    message: { ...object(body.message, "action.message"), ts: messageTs, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    response_url: options.responseUrl,
    actions: [
      {
        type: "button",
        block_id: "b1",
        action_id: button.action_id,
        value: button.value,
        text: { type: "plain_text", text: button.text ?? "Knapp", emoji: true },
        action_ts: newTs(),
      },
    ],
  };
}

/** `block_actions` for a button on the App Home tab. */
export function homeAction(who: Who, button: ClickedButton, viewId = "V0HOME00001"): JsonObject {
  const body = blockAction(who, button);
  delete body.channel;
  delete body.message;
  delete body.response_url;
  return {
    ...body,
    container: { type: "view", view_id: viewId },
    view: { id: viewId, type: "home", blocks: [], private_metadata: "", callback_id: "", state: { values: {} }, hash: "1.x" },
  };
}

/**
 * `view_submission` of a modal we opened: the view as we sent it to `views.open`, plus the
 * state Slack adds (values per block and action id), on the recorded submission envelope.
 */
export function viewSubmission(who: Who, openedView: JsonObject, values: Record<string, JsonObject>, options: { viewId?: string } = {}): JsonObject {
  const body = object(load(files.slash).viewSubmission, "viewSubmission");
  const recordedView = object(body.view, "viewSubmission.view");
  const state: Record<string, Record<string, JsonObject>> = {};
  for (const [blockId, elementState] of Object.entries(values)) state[blockId] = { [blockId]: elementState };
  return {
    ...body,
    team: { id: who.teamId, domain: "samverkan-test" },
    user: { ...object(body.user, "viewSubmission.user"), id: who.userId, team_id: who.teamId },
    trigger_id: newTriggerId(),
    view: {
      ...recordedView,
      ...openedView,
      id: options.viewId ?? "V0SUBMIT001",
      team_id: who.teamId,
      app_installed_team_id: who.teamId,
      state: { values: state },
      hash: `${Date.now()}.x`,
    },
  };
}

/** Element states as Slack reports them in `view.state.values`. */
export const state = {
  text: (value: string): JsonObject => ({ type: "plain_text_input", value }),
  number: (value: string): JsonObject => ({ type: "number_input", value }),
  date: (value: string): JsonObject => ({ type: "datepicker", selected_date: value }),
  time: (value: string): JsonObject => ({ type: "timepicker", selected_time: value }),
  select: (value: string, text = value): JsonObject => ({ type: "static_select", selected_option: { text: { type: "plain_text", text, emoji: true }, value } }),
};

/** `view_closed` when the user dismisses a modal that asked to be told (`notify_on_close`). */
export function viewClosed(who: Who, openedView: JsonObject): JsonObject {
  const submission = viewSubmission(who, openedView, {});
  delete submission.trigger_id;
  delete submission.response_urls;
  return { ...submission, type: "view_closed", is_cleared: false };
}
