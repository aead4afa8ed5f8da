import * as z from "zod";

/**
 * A contact person at a principal organizer (förvaltningschef, rektor, elevhälsochef …).
 * Personal data: only staff read it, every change is audited without the data itself,
 * and erasure removes the person everywhere.
 */
export const organizerContactSchema = z.object({
  id: z.string(),
  organizerId: z.string(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
});
export type OrganizerContact = z.infer<typeof organizerContactSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,30}$/, { message: "A phone number has digits, spaces, dashes and an optional leading +, e.g. 033-35 70 00." });

export const contactInputSchema = z.object({
  organizerId: z.string().min(1),
  name: z.string().trim().min(1, { message: "Give the contact person's name." }).max(200),
  role: z.string().trim().min(1, { message: "Give the contact person's role, e.g. förvaltningschef." }).max(200),
  email: z.email({ message: "The e-mail address is not valid, e.g. anna.berg@boras.se." }).max(320).nullable().optional(),
  phone: phone.nullable().optional(),
  notes: z.string().trim().max(2000).default(""),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactUpdateSchema = z.object({
  name: z.string().trim().min(1, { message: "Give the contact person's name." }).max(200).optional(),
  role: z.string().trim().min(1, { message: "Give the contact person's role, e.g. förvaltningschef." }).max(200).optional(),
  email: z.email({ message: "The e-mail address is not valid, e.g. anna.berg@boras.se." }).max(320).nullable().optional(),
  phone: phone.nullable().optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type ContactUpdate = z.input<typeof contactUpdateSchema>;
