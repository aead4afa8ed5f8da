import * as z from "zod";

/**
 * The parts of Slack's payloads this app reads, checked with zod at the boundary. Slack adds
 * fields all the time, so every object is loose; what we rely on is required.
 */

const id = z.string().min(1);

export const slashCommandSchema = z.looseObject({
  command: z.string(),
  text: z.string().default(""),
  team_id: id,
  user_id: id,
  channel_id: id,
  response_url: z.url(),
  trigger_id: id,
  enterprise_id: z.string().optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandSchema>;

/** What mentions and DMs share: who wrote what, where. */
const userMessageFields = {
  user: id,
  text: z.string().default(""),
  ts: id,
  channel: id,
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
};

export const appMentionSchema = z.looseObject({
  type: z.literal("app_mention"),
  ...userMessageFields,
  edited: z.unknown().optional(),
});
export type AppMentionPayload = z.infer<typeof appMentionSchema>;

/** A plain user message; any subtype (edits, joins, bot posts) fails `user` or is filtered. */
export const directMessageSchema = z.looseObject({
  type: z.literal("message"),
  channel_type: z.string().optional(),
  ...userMessageFields,
});
export type DirectMessagePayload = z.infer<typeof directMessageSchema>;

export const appHomeOpenedSchema = z.looseObject({
  type: z.literal("app_home_opened"),
  user: id,
  channel: z.string().optional(),
  tab: z.string().optional(),
});

export const linkSharedSchema = z.looseObject({
  type: z.literal("link_shared"),
  user: z.string().optional(),
  channel: id,
  message_ts: id,
  unfurl_id: z.string().optional(),
  source: z.string().optional(),
  links: z.array(z.looseObject({ domain: z.string(), url: z.string() })),
});
export type LinkSharedPayload = z.infer<typeof linkSharedSchema>;

const containerSchema = z.looseObject({
  type: z.string(),
  channel_id: z.string().optional(),
  message_ts: z.string().optional(),
  thread_ts: z.string().optional(),
  is_ephemeral: z.boolean().optional(),
  view_id: z.string().optional(),
});

export const blockActionsSchema = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id, team_id: z.string().optional() }),
  team: z.looseObject({ id }).nullable().optional(),
  trigger_id: id,
  response_url: z.url().optional(),
  container: containerSchema,
  channel: z.looseObject({ id }).optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  view: z.looseObject({ id: z.string(), type: z.string() }).optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string(),
        type: z.string().optional(),
        value: z.string().optional(),
        url: z.string().optional(),
        action_ts: z.string().optional(),
      }),
    )
    .min(1),
});
export type BlockActionsPayload = z.infer<typeof blockActionsSchema>;

/** A submitted element's state; the same shape `readSlackFormValues` reads. */
const elementStateSchema = z.looseObject({
  type: z.string().optional(),
  value: z.string().nullable().optional(),
  selected_date: z.string().nullable().optional(),
  selected_time: z.string().nullable().optional(),
  selected_option: z.looseObject({ value: z.string().optional() }).nullable().optional(),
  selected_options: z
    .array(z.looseObject({ value: z.string().optional() }))
    .nullable()
    .optional(),
});

const viewBlockSchema = z.looseObject({
  type: z.string(),
  block_id: z.string().optional(),
  label: z.looseObject({ text: z.string() }).optional(),
  optional: z.boolean().optional(),
  element: z
    .looseObject({
      type: z.string(),
      action_id: z.string().optional(),
      options: z.array(z.looseObject({ value: z.string(), text: z.looseObject({ text: z.string() }).optional() })).optional(),
    })
    .optional(),
});
export type ViewBlockPayload = z.infer<typeof viewBlockSchema>;

export const submittedViewSchema = z.looseObject({
  id: id,
  type: z.string(),
  callback_id: z.string().default(""),
  private_metadata: z.string().default(""),
  hash: z.string().optional(),
  app_installed_team_id: z.string().optional(),
  blocks: z.array(viewBlockSchema).default([]),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), elementStateSchema)) }).default({ values: {} }),
});
export type SubmittedViewPayload = z.infer<typeof submittedViewSchema>;

export const viewSubmissionSchema = z.looseObject({
  type: z.enum(["view_submission", "view_closed"]),
  user: z.looseObject({ id, team_id: z.string().optional() }),
  team: z.looseObject({ id }).nullable().optional(),
  trigger_id: z.string().optional(),
  view: submittedViewSchema,
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionSchema>;

/** `event_callback` envelope fields used for de-duplication and team checks. */
export const eventEnvelopeSchema = z.looseObject({
  event_id: z.string().optional(),
  team_id: z.string().optional(),
});
