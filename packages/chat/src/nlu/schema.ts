import { DEFAULT_OFFICE_TOWNS, phaseSchema } from "@samverkan/sdk";
import { z } from "zod";

/** zod mirror of `Entities`/`ParseResult`, for callers that receive parse results as JSON. */

const isoDateOrDateTime = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/;

export const intentNameSchema = z.enum([
  "school.search",
  "school.show",
  "dialogue.book",
  "dialogue.reschedule",
  "dialogue.cancel",
  "dialogue.list",
  "dialogue.prepare",
  "dialogue.record",
  "assignment.log_progress",
  "assignment.show",
  "assignment.list",
  "coverage.show",
  // Added by issue #11:
  "organizer.show",
  "school.rank",
  "help",
  "unknown",
]);

/** The SDK's phases: one definition for the parse contract, the engine and the store. */
export { phaseSchema };

/** The default offices' towns, from the SDK's `DEFAULT_OFFICES` (configuration may add others). */
export const officeSchema = z.enum(DEFAULT_OFFICE_TOWNS);

export const metricSchema = z.enum(["meritValue", "allSubjectsPassed", "eligibleVocational", "examWithin3Years"]);

// strictObject: an unexpected key is a contract break, not something to pass through.
export const entitiesSchema = z.strictObject({
  query: z.string().min(1).optional(),
  schoolUnitCode: z.string().regex(/^\d{8}$/).optional(),
  organizer: z.string().min(1).optional(),
  start: z.string().regex(isoDateOrDateTime).optional(),
  end: z.string().regex(isoDateOrDateTime).optional(),
  durationMinutes: z.number().int().positive().optional(),
  /** A configured office's town; the default offices are `officeSchema`, configuration may add others. */
  office: z.string().min(1).optional(),
  digital: z.boolean().optional(),
  assignmentRef: z.string().regex(/^U-\d+$/).optional(),
  percent: z.number().min(0).max(100).optional(),
  phase: phaseSchema.optional(),
  note: z.string().min(1).optional(),
  // Added by issue #11:
  organizerId: z.string().min(1).optional(),
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  unplacedDate: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
  metric: metricSchema.optional(),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const parseResultSchema = z.strictObject({
  text: z.string(),
  intent: intentNameSchema,
  entities: entitiesSchema,
  language: z.enum(["sv", "en"]),
});
