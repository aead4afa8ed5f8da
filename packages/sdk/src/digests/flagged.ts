import type { Deps } from "../services/context";

/** kv_state namespace of the school units flagged at each subscription's previous digest. */
export const FLAGGED_SNAPSHOT_NAMESPACE = "digest-flagged-schools";

/**
 * The set of school units the selection flagged when a subscription's last digest ran, so
 * the next digest can say which are newly flagged. Kept in the shared store: whichever
 * instance posts next compares with it.
 */
export function createFlaggedSnapshots(deps: Deps) {
  const { db } = deps.store;
  return {
    /** Undefined before the subscription's first digest: there is nothing to compare with yet. */
    async flaggedSnapshot(subscriptionId: string): Promise<string[] | undefined> {
      const row = await db
        .selectFrom("kv_state")
        .select("value")
        .where("namespace", "=", FLAGGED_SNAPSHOT_NAMESPACE)
        .where("key", "=", subscriptionId)
        .executeTakeFirst();
      if (!row) return undefined;
      const parsed: unknown = JSON.parse(row.value);
      return Array.isArray(parsed) ? parsed.filter((code): code is string => typeof code === "string") : undefined;
    },

    async saveFlaggedSnapshot(subscriptionId: string, codes: readonly string[]): Promise<void> {
      const value = JSON.stringify([...new Set(codes)].sort());
      const at = deps.clock().getTime();
      await db
        .insertInto("kv_state")
        .values({ namespace: FLAGGED_SNAPSHOT_NAMESPACE, key: subscriptionId, value, expires_at: null, updated_at: at })
        .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value, updated_at: at }))
        .execute();
    },
  };
}
