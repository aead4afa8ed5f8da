import type { Deps } from "./context";
import type { StateService } from "../api/state";

/**
 * Small shared state kept in the store, so that any bot instance can continue what
 * another started: conversation state (with expiry) and de-duplication of platform
 * events that are delivered more than once.
 */
export function createStateService(deps: Deps): StateService {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();

  return {
    async get<T = unknown>(namespace: string, key: string): Promise<T | undefined> {
      const row = await db.selectFrom("kv_state").select(["value", "expires_at"]).where("namespace", "=", namespace).where("key", "=", key).executeTakeFirst();
      if (!row || (row.expires_at !== null && row.expires_at <= now())) return undefined;
      return JSON.parse(row.value) as T;
    },

    async set(namespace: string, key: string, value: unknown, ttlMs?: number): Promise<void> {
      const at = now();
      const expires_at = ttlMs === undefined ? null : at + ttlMs;
      const text = JSON.stringify(value);
      await db
        .insertInto("kv_state")
        .values({ namespace, key, value: text, expires_at, updated_at: at })
        .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value: text, expires_at, updated_at: at }))
        .execute();
    },

    async delete(namespace: string, key: string): Promise<void> {
      await db.deleteFrom("kv_state").where("namespace", "=", namespace).where("key", "=", key).execute();
    },

    async list<T = unknown>(namespace: string): Promise<Array<{ key: string; value: T }>> {
      const rows = await db.selectFrom("kv_state").select(["key", "value", "expires_at"]).where("namespace", "=", namespace).orderBy("key").execute();
      const at = now();
      return rows.filter((r) => r.expires_at === null || r.expires_at > at).map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
    },

    /** Removes expired entries; returns how many. */
    async sweep(): Promise<number> {
      const result = await db.deleteFrom("kv_state").where("expires_at", "is not", null).where("expires_at", "<=", now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /**
     * Claims an event key exactly once across all instances: true the first time,
     * false for every redelivery. Backed by a primary key, so races resolve in the database.
     */
    async claimEvent(key: string): Promise<boolean> {
      const result = await db
        .insertInto("processed_events")
        .values({ key, at: now() })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Forgets processed events older than the retention (platforms redeliver within minutes). */
    async pruneEvents(olderThanMs: number): Promise<number> {
      const result = await db
        .deleteFrom("processed_events")
        .where("at", "<", now() - olderThanMs)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type { StateService };
