import * as z from "zod";
import type { Action, ActionRef, Block, Input, Message } from "./model";

/**
 * zod schemas for the message model. Renderers trust their TypeScript input; these are for
 * data that crossed a boundary: action payloads coming back from Slack or Teams, messages
 * kept in conversation state.
 */

/** Verbs and input ids: no `:` (Slack action ids use it as a separator), no spaces. */
const identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '.', '_' and '-'.");

const webUrl = z
  .string()
  .max(3000)
  .regex(/^(https?:\/\/|mailto:)\S+$/i, "Use an http(s) or mailto URL.");

export const actionValueSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const actionRefSchema: z.ZodType<ActionRef> = z.object({
  id: identifier,
  value: actionValueSchema,
});

export const actionSchema: z.ZodType<Action> = z.object({
  id: identifier,
  label: z.string().min(1),
  value: actionValueSchema,
  style: z.enum(["primary", "danger"]).optional(),
  url: webUrl.optional(),
});

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.");
const time = z.string().regex(/^\d{2}:\d{2}$/, "Use HH:mm.");

export const inputSchema: z.ZodType<Input> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    id: identifier,
    label: z.string().min(1),
    value: z.string().optional(),
    multiline: z.boolean().optional(),
    placeholder: z.string().optional(),
    required: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
  }),
  z.object({
    kind: z.literal("number"),
    id: identifier,
    label: z.string().min(1),
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    required: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("date"),
    id: identifier,
    label: z.string().min(1),
    value: date.optional(),
    required: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("time"),
    id: identifier,
    label: z.string().min(1),
    value: time.optional(),
    required: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("select"),
    id: identifier,
    label: z.string().min(1),
    options: z.array(z.object({ label: z.string().min(1), value: z.string().min(1).max(75) })).min(1),
    value: z.string().optional(),
    required: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("toggle"),
    id: identifier,
    label: z.string().min(1),
    value: z.boolean().optional(),
  }),
]);

const pageSchema = z.object({
  index: z.number().int().min(0),
  size: z.number().int().positive(),
  total: z.number().int().min(0),
  next: actionSchema.optional(),
  previous: actionSchema.optional(),
});

export const blockSchema: z.ZodType<Block> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), text: z.string() }),
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({
    type: z.literal("fields"),
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  z.object({
    type: z.literal("list"),
    items: z.array(z.object({ title: z.string(), subtitle: z.string().optional(), action: actionSchema.optional() })),
    page: pageSchema.optional(),
  }),
  z.object({ type: z.literal("actions"), actions: z.array(actionSchema) }),
  z
    .object({
      type: z.literal("form"),
      id: identifier,
      title: z.string(),
      submit: actionSchema,
      cancel: actionSchema.optional(),
      inputs: z.array(inputSchema),
      errors: z.record(z.string(), z.string()).optional(),
    })
    .refine((form) => new Set(form.inputs.map((input) => input.id)).size === form.inputs.length, {
      message: "Input ids must be unique within a form.",
      path: ["inputs"],
    }),
  z.object({ type: z.literal("divider") }),
  z.object({ type: z.literal("context"), text: z.string() }),
  z.object({ type: z.literal("image"), url: z.url({ protocol: /^https?$/ }), alt: z.string().min(1) }),
]);

export const messageSchema: z.ZodType<Message> = z.object({
  text: z.string(),
  blocks: z.array(blockSchema),
  locale: z.enum(["sv", "en"]).optional(),
});
