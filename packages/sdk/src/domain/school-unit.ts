import * as z from "zod";
import { municipalityCodeSchema } from "./geography";

export const schoolUnitCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{8}$/, { message: "A school unit code (skolenhetskod) has eight digits, e.g. 39907811." });

/** Types of schooling (skolformer) as Skolverket abbreviates them. */
export const typeOfSchoolingSchema = z.string().trim().min(1).max(20);

export const schoolUnitStatusSchema = z.enum(["active", "dormant", "closed", "planned"]);
export type SchoolUnitStatus = z.infer<typeof schoolUnitStatusSchema>;

export const schoolUnitSchema = z.object({
  code: schoolUnitCodeSchema,
  name: z.string().trim().min(1).max(300),
  municipalityCode: municipalityCodeSchema,
  organizerId: z.string().min(1),
  typesOfSchooling: z.array(typeOfSchoolingSchema),
  status: schoolUnitStatusSchema,
});
export type SchoolUnit = z.infer<typeof schoolUnitSchema>;

export const schoolUnitInputSchema = schoolUnitSchema.extend({
  typesOfSchooling: z.array(typeOfSchoolingSchema).default([]),
  status: schoolUnitStatusSchema.default("active"),
});
export type SchoolUnitInput = z.input<typeof schoolUnitInputSchema>;
