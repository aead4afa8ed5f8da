import type { AuditEvent } from "../domain/audit";

/** The audit trail every write leaves (who, when, which channel). Reached as `sv.audit`. */
export interface AuditService {
  /**
   * Audit events, newest first, optionally of one entity.
   * @example
   * ```ts
   * const trail = await sv.audit.list({ entityType: "dialogue", entityId: d.id, limit: 20 });
   * ```
   */
  list(filter?: { entityType?: string; entityId?: string; limit?: number }): Promise<AuditEvent[]>;
}
