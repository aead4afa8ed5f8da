import * as z from "zod";
import { focusAreaSchema } from "./assignment";

/** Success factors a dialogue can cover; configurable, these are the defaults. */
export const DEFAULT_SUCCESS_FACTORS: readonly string[] = [
  "systematiskt kvalitetsarbete",
  "elevhälsa",
  "tillgänglighet",
  "närvaro",
  "ledarskap",
  "undervisning",
];

export const agreedActionInputSchema = z.object({
  title: z.string().trim().min(1, { message: "Describe the agreed action." }).max(300),
  /** Makes the action an assignment `U-n` in the organizer's plan. */
  createAssignment: z.boolean().default(false),
  responsibleStaffId: z.string().min(1).nullable().optional(),
  dueDate: z.iso.date({ message: "Due date must be a date like 2027-06-30." }).nullable().optional(),
  focusArea: focusAreaSchema.default("other"),
});
export type AgreedActionInput = z.input<typeof agreedActionInputSchema>;

export const minutesInputSchema = z.object({
  topics: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  notes: z.string().trim().max(10_000).default(""),
  actions: z.array(agreedActionInputSchema).max(30).default([]),
  /** Local date of the next dialogue, offered as a follow-up booking. */
  nextDialogueDate: z.iso.date({ message: "The next dialogue date must be a date like 2027-03-15." }).nullable().optional(),
});
export type MinutesInput = z.input<typeof minutesInputSchema>;

export const agreedActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  responsibleStaffId: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** The assignment the action became, or null when it stays a note in the minutes. */
  assignmentId: z.string().nullable(),
  assignmentRef: z.string().nullable(),
});
export type AgreedAction = z.infer<typeof agreedActionSchema>;

export const dialogueMinutesSchema = z.object({
  id: z.string(),
  dialogueId: z.string(),
  authorStaffId: z.string().nullable(),
  at: z.string(),
  topics: z.array(z.string()),
  notes: z.string(),
  actions: z.array(agreedActionSchema),
  nextDialogueDate: z.string().nullable(),
});
export type DialogueMinutes = z.infer<typeof dialogueMinutesSchema>;
