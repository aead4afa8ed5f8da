import * as z from "zod";

export const channelSchema = z.enum(["cli", "slack", "teams", "api", "system"]);
export type Channel = z.infer<typeof channelSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Staff id, or null for a system actor such as a data import. */
  actorStaffId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  channel: channelSchema,
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
