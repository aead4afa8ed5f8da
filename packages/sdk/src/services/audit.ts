import type { AuditEvent } from "../domain/audit";
import { formatInstant } from "../time";
import type { ResolvedActor } from "./access";
import { newId, toJson, type Deps, type Trx, type WriteContext } from "./context";
import type { AuditService } from "../api/audit";

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(trx: Trx, ctx: WriteContext, actor: ResolvedActor, at: number, record: AuditRecord): Promise<void> {
  await trx
    .insertInto("audit_events")
    .values({
      id: newId(),
      at,
      actor_staff_id: actor.staffId,
      actor_label: actor.label,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      channel: ctx.channel,
      details: toJson(record.details ?? {}),
    })
    .execute();
}

export function createAuditService(deps: Deps): AuditService {
  const { db } = deps.store;
  return {
    /** Newest first. */
    async list(filter: { entityType?: string; entityId?: string; limit?: number } = {}): Promise<AuditEvent[]> {
      let q = db
        .selectFrom("audit_events")
        .selectAll()
        .orderBy("seq", "desc")
        .limit(Math.min(filter.limit ?? 100, 1000));
      if (filter.entityType) q = q.where("entity_type", "=", filter.entityType);
      if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        at: formatInstant(r.at, deps.config.timeZone),
        actorStaffId: r.actor_staff_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        channel: r.channel,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
  };
}
