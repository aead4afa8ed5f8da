import * as z from "zod";
import { DEFAULT_OFFICES, officesConfigSchema } from "./domain/offices";
import type { SamverkanConfig } from "./services/context";
import { STOCKHOLM } from "./time";
import { DEFAULT_SUCCESS_FACTORS } from "./domain/minutes";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:mm, e.g. 08:00." });

export const samverkanConfigSchema = z.object({
  offices: officesConfigSchema.default([...DEFAULT_OFFICES]),
  workingHours: z
    .object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)).min(1) })
    .refine((w) => w.start < w.end, { message: "Working hours must start before they end." })
    .default({ start: "08:00", end: "17:00", days: [1, 2, 3, 4, 5] }),
  timeZone: z.string().default(STOCKHOLM),
  coverage: z
    .object({
      organizerGoal: z.number().int().positive(),
      startDate: z.iso.date(),
      years: z.number().positive(),
    })
    .default({ organizerGoal: 2800, startDate: "2025-01-01", years: 3 }),
  maxDialogueMinutes: z.number().int().min(30).max(720).default(480),
  /** Topics a dialogue's minutes choose from (framgångsfaktorer). */
  successFactors: z
    .array(z.string().trim().min(1).max(100))
    .min(1)
    .max(20)
    .default([...DEFAULT_SUCCESS_FACTORS]),
});

export type SamverkanConfigInput = z.input<typeof samverkanConfigSchema>;

export function resolveConfig(input: SamverkanConfigInput = {}): SamverkanConfig {
  const parsed = samverkanConfigSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`).join("; ");
    throw new Error(`Invalid Samverkan configuration: ${details}`);
  }
  return parsed.data;
}
