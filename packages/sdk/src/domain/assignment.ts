import * as z from "zod";
import { agencySchema } from "./agency";
import { schoolUnitCodeSchema } from "./school-unit";

export const phaseSchema = z.enum(["startUp", "planning", "implementation", "followUp", "completed"]);
export type Phase = z.infer<typeof phaseSchema>;

export const PHASE_NAMES: Record<Phase, { sv: string; en: string }> = {
  startUp: { sv: "Uppstart", en: "Start-up" },
  planning: { sv: "Planering", en: "Planning" },
  implementation: { sv: "Genomförande", en: "Implementation" },
  followUp: { sv: "Uppföljning", en: "Follow-up" },
  completed: { sv: "Avslutad", en: "Completed" },
};

export const focusAreaSchema = z.enum(["pupilHealth", "accessibility", "attendance", "teaching", "leadership", "analysis", "other"]);
export type FocusArea = z.infer<typeof focusAreaSchema>;

export const FOCUS_AREA_NAMES: Record<FocusArea, { sv: string; en: string }> = {
  pupilHealth: { sv: "Elevhälsa", en: "Pupil health" },
  accessibility: { sv: "Tillgänglighet", en: "Accessibility" },
  attendance: { sv: "Närvaro", en: "Attendance" },
  teaching: { sv: "Undervisning", en: "Teaching" },
  leadership: { sv: "Ledarskap", en: "Leadership" },
  analysis: { sv: "Analys", en: "Analysis" },
  other: { sv: "Övrigt", en: "Other" },
};

export const assignmentRefSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/^U-?\s*/, "U-"))
  .refine((s) => /^U-[1-9]\d*$/.test(s), { message: "An assignment reference looks like U-12." });

export const planSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The plan is for a selected school unit or for an organizer as a whole. */
  schoolUnitCode: schoolUnitCodeSchema.nullable(),
  organizerId: z.string().nullable(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof planSchema>;

export const planInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    schoolUnitCode: schoolUnitCodeSchema.nullable().optional(),
    organizerId: z.string().min(1).nullable().optional(),
  })
  .refine((p) => Boolean(p.schoolUnitCode) || Boolean(p.organizerId), {
    message: "A plan is for a school unit or an organizer: give one of them.",
    path: ["schoolUnitCode"],
  });
export type PlanInput = z.input<typeof planInputSchema>;

export const assignmentSchema = z.object({
  id: z.string(),
  ref: z.string(),
  planId: z.string(),
  title: z.string(),
  agency: agencySchema,
  focusArea: focusAreaSchema,
  responsibleStaffId: z.string().nullable(),
  phase: phaseSchema,
  dueDate: z.string().nullable(),
  referenceMaterial: z.array(z.string()),
  createdAt: z.string(),
  /** Time of the latest progress entry, or null when none was logged. */
  lastProgressAt: z.string().nullable(),
  /** Latest reported percent, or null when none was reported. */
  percent: z.number().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentInputSchema = z.object({
  planId: z.string().min(1),
  title: z.string().trim().min(1).max(300),
  agency: agencySchema.default("spsm"),
  focusArea: focusAreaSchema,
  responsibleStaffId: z.string().min(1).nullable().optional(),
  dueDate: z.iso.date({ message: "Due date must be a date like 2027-06-30." }).nullable().optional(),
  referenceMaterial: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type AssignmentInput = z.input<typeof assignmentInputSchema>;

export const progressEntrySchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  authorStaffId: z.string(),
  at: z.string(),
  note: z.string(),
  percent: z.number().nullable(),
  phaseChange: phaseSchema.nullable(),
  /** A correction is a new entry that points at the entry it corrects. */
  correctsEntryId: z.string().nullable(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const progressInputSchema = z
  .object({
    note: z.string().trim().max(5000).default(""),
    percent: z
      .number({ message: "Percent must be a number from 0 to 100." })
      .min(0, { message: "Percent must be from 0 to 100." })
      .max(100, { message: "Percent must be from 0 to 100." })
      .nullable()
      .optional(),
    phase: phaseSchema.nullable().optional(),
    correctsEntryId: z.string().min(1).nullable().optional(),
  })
  .refine((p) => p.note.length > 0 || p.percent != null || p.phase != null, {
    message: "A progress entry needs a note, a percent or a phase change.",
    path: ["note"],
  });
export type ProgressInput = z.input<typeof progressInputSchema>;
