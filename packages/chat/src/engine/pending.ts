import { phaseSchema } from "@samverkan/sdk";
import * as z from "zod";

/** What the conversation waits for; kept in the store so any instance can continue it. */
export const bookDraftSchema = z.object({
  organizerId: z.string().optional(),
  organizerName: z.string().optional(),
  schoolUnitCode: z.string().optional(),
  /** ISO with offset when the time is known. */
  start: z.string().optional(),
  /** `YYYY-MM-DD` when only the day is known. */
  date: z.string().optional(),
  durationMinutes: z.number().int().default(60),
  officeId: z.string().optional(),
  digital: z.boolean().optional(),
  /** The dialogue this booking follows up (from its minutes). */
  followsUpId: z.string().optional(),
});
export type BookDraft = z.infer<typeof bookDraftSchema>;

export const pendingSchema = z.discriminatedUnion("flow", [
  z.object({ flow: z.literal("book"), awaiting: z.enum(["organizer", "time", "place", "confirm"]), draft: bookDraftSchema }),
  z.object({
    flow: z.literal("reschedule"),
    awaiting: z.enum(["dialogue", "time", "confirm"]),
    dialogueId: z.string().optional(),
    start: z.string().optional(),
    date: z.string().optional(),
    /** `HH:mm` when only a time was given: it applies to the dialogue's own day. */
    time: z.string().optional(),
  }),
  z.object({ flow: z.literal("cancel"), awaiting: z.enum(["dialogue", "confirm"]), dialogueId: z.string().optional() }),
  z.object({
    flow: z.literal("progress"),
    awaiting: z.enum(["ref", "note", "confirm"]),
    ref: z.string().optional(),
    note: z.string().optional(),
    percent: z.number().optional(),
    phase: phaseSchema.optional(),
  }),
]);
export type Pending = z.infer<typeof pendingSchema>;

/** Conversation state expires after half an hour of silence. */
export const PENDING_TTL_MS = 30 * 60_000;
