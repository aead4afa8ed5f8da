import * as z from "zod";
import { agencySchema } from "./agency";

export const roleSchema = z.enum(["viewer", "advisor", "unitHead", "admin"]);
export type Role = z.infer<typeof roleSchema>;

/** Roles in increasing power; a role may do everything the ones before it may. */
export const ROLE_ORDER: readonly Role[] = ["viewer", "advisor", "unitHead", "admin"];

export const chatIdentitySchema = z.discriminatedUnion("platform", [
  z.object({ platform: z.literal("slack"), teamId: z.string().min(1), userId: z.string().min(1) }),
  z.object({ platform: z.literal("teams"), tenantId: z.string().min(1), aadObjectId: z.string().min(1) }),
]);
export type ChatIdentity = z.infer<typeof chatIdentitySchema>;

export const staffSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable(),
  agency: agencySchema,
  role: roleSchema,
  homeOfficeId: z.string().nullable(),
  identities: z.array(chatIdentitySchema),
  locale: z.enum(["sv", "en"]),
});
export type Staff = z.infer<typeof staffSchema>;

export const staffInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable().optional(),
  agency: agencySchema,
  role: roleSchema,
  homeOfficeId: z.string().nullable().optional(),
  identities: z.array(chatIdentitySchema).default([]),
  locale: z.enum(["sv", "en"]).default("sv"),
});
export type StaffInput = z.input<typeof staffInputSchema>;
