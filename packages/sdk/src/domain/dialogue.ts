import * as z from "zod";
import { schoolUnitCodeSchema } from "./school-unit";

export const dialogueStatusSchema = z.enum(["proposed", "booked", "held", "cancelled"]);
export type DialogueStatus = z.infer<typeof dialogueStatusSchema>;

/** Statuses that occupy staff and offices. */
export const ACTIVE_DIALOGUE_STATUSES: readonly DialogueStatus[] = ["proposed", "booked"];

export const qualityDialogueSchema = z.object({
  id: z.string(),
  organizerId: z.string(),
  /** Regional office hosting the meeting, or null for a digital meeting. */
  officeId: z.string().nullable(),
  digital: z.boolean(),
  /** ISO 8601 with the Europe/Stockholm offset. */
  start: z.string(),
  end: z.string(),
  staffIds: z.array(z.string()).min(1),
  topics: z.array(z.string()),
  status: dialogueStatusSchema,
  notes: z.string(),
  followsUpId: z.string().nullable(),
  schoolUnitCode: schoolUnitCodeSchema.nullable(),
  createdBy: z.string().nullable(),
});
export type QualityDialogue = z.infer<typeof qualityDialogueSchema>;

export const bookDialogueInputSchema = z
  .object({
    organizerId: z.string().min(1, { message: "Choose the principal organizer the dialogue is with." }),
    officeId: z.string().min(1).nullable().optional(),
    digital: z.boolean().default(false),
    start: z.string().min(1),
    end: z.string().min(1).optional(),
    durationMinutes: z.number().int().min(15).max(600).optional(),
    staffIds: z.array(z.string().min(1)).min(1, { message: "At least one staff member takes part." }).optional(),
    topics: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    notes: z.string().max(5000).default(""),
    followsUpId: z.string().nullable().optional(),
    schoolUnitCode: schoolUnitCodeSchema.nullable().optional(),
    status: z.enum(["proposed", "booked"]).default("booked"),
    /** Video meeting link for a digital dialogue; printed in the invitation. */
    meetingUrl: z
      .url({ protocol: /^https?$/, message: "The meeting link must be an http(s) URL." })
      .max(2000)
      .nullable()
      .optional(),
  })
  .refine((v) => v.end !== undefined || v.durationMinutes !== undefined, {
    message: "Give an end time or a duration.",
    path: ["end"],
  })
  .refine((v) => v.digital || (v.officeId !== undefined && v.officeId !== null), {
    message: "Choose a regional office, or mark the dialogue as digital.",
    path: ["officeId"],
  });
export type BookDialogueInput = z.input<typeof bookDialogueInputSchema>;

export const rescheduleDialogueInputSchema = z.object({
  start: z.string().min(1),
  end: z.string().min(1).optional(),
  durationMinutes: z.number().int().min(15).max(600).optional(),
  officeId: z.string().min(1).nullable().optional(),
  digital: z.boolean().optional(),
  /** Video meeting link for a digital dialogue; printed in the invitation. */
  meetingUrl: z
    .url({ protocol: /^https?$/, message: "The meeting link must be an http(s) URL." })
    .max(2000)
    .nullable()
    .optional(),
});
export type RescheduleDialogueInput = z.input<typeof rescheduleDialogueInputSchema>;
