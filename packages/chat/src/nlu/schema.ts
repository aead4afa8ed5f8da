import { DEFAULT_OFFICE_TOWNS, digestScopeSchema, phaseSchema } from "@samverkan/sdk";
import * as z from "zod";

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
  // Added by issue #16:
  "digest.create",
  "digest.list",
  "digest.pause",
  "digest.resume",
  "digest.remove",
  "digest.preview",
  "help",
  "unknown",
]);

/** The SDK's phases: one definition for the parse contract, the engine and the store. */
export { phaseSchema };

/** The default offices' towns, from the SDK's `DEFAULT_OFFICES` (configuration may add others). */
export const officeSchema = z.enum(DEFAULT_OFFICE_TOWNS);

export const metricSchema = z.enum(["meritValue", "allSubjectsPassed", "eligibleVocational", "examWithin3Years"]);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** `Entities.when`: a day, an instant, or a range of either, with the IANA zone it was read in. */
export const whenSchema = z.union([
  z.strictObject({ kind: z.literal("day"), date: z.string().regex(isoDate), zone: z.string().min(1) }),
  z.strictObject({ kind: z.literal("instant"), at: z.string().regex(isoDateTime), zone: z.string().min(1) }),
  z.strictObject({ kind: z.literal("range"), unit: z.literal("day"), from: z.string().regex(isoDate), to: z.string().regex(isoDate), zone: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("range"),
    unit: z.literal("instant"),
    from: z.string().regex(isoDateTime),
    to: z.string().regex(isoDateTime),
    zone: z.string().min(1),
  }),
]);

export const digestScheduleSchema = z.strictObject({
  cron: z.string().min(1),
  scope: digestScopeSchema,
  locale: z.enum(["sv", "en"]).optional(),
  postWhenEmpty: z.boolean(),
});

export const digestProblemSchema = z.discriminatedUnion("code", [
  z.strictObject({ code: z.literal("when") }),
  z.strictObject({ code: z.literal("area") }),
  z.strictObject({ code: z.literal("timeOfDay"), value: z.string() }),
  z.strictObject({ code: z.literal("county"), value: z.string() }),
]);

// strictObject: an unexpected key is a contract break, not something to pass through.
export const entitiesSchema = z.strictObject({
  query: z.string().min(1).optional(),
  schoolUnitCode: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  organizer: z.string().min(1).optional(),
  start: z.string().regex(isoDateOrDateTime).optional(),
  end: z.string().regex(isoDateOrDateTime).optional(),
  when: whenSchema.optional(),
  durationMinutes: z.number().int().positive().optional(),
  /** A configured office's town; the default offices are `officeSchema`, configuration may add others. */
  office: z.string().min(1).optional(),
  digital: z.boolean().optional(),
  assignmentRef: z
    .string()
    .regex(/^U-\d+$/)
    .optional(),
  percent: z.number().min(0).max(100).optional(),
  phase: phaseSchema.optional(),
  note: z.string().min(1).optional(),
  // Added by issue #11:
  organizerId: z.string().min(1).optional(),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  unplacedDate: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
  metric: metricSchema.optional(),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  // Added by issue #16:
  digestRef: z.string().min(1).optional(),
  digest: digestScheduleSchema.optional(),
  digestProblem: digestProblemSchema.optional(),
  topic: z.literal("digest").optional(),
});

export const parseResultSchema = z.strictObject({
  text: z.string(),
  intent: intentNameSchema,
  entities: entitiesSchema,
  language: z.enum(["sv", "en"]),
  opensWithCommand: z.boolean().optional(),
});
