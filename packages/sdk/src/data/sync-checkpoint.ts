import type { Kysely } from "kysely";
import type { Database } from "../store/schema";
import { newId, type Trx } from "../services/context";

/**
 * Where a sync got to, in kv_state (namespace `sync`), so a re-run after a failure or a
 * crash continues the same run: `run:<municipalities>` holds the run, and one
 * `unit:<runId>:<code>` row per unit is written in the same transaction as that unit's
 * data, so "done" is never recorded for data that did not commit.
 */
export const SYNC_NAMESPACE = "sync";

/** Unfinished runs older than this start afresh. */
const RUN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface RunState {
  runId: string;
  startedAt: number;
  status: "running" | "completed";
  municipalities: string[];
}

export interface SyncRun {
  runId: string;
  startedAt: number;
  /** True when this continues an unfinished run. */
  resumed: boolean;
  /** Units already stored by this run. */
  done: ReadonlySet<string>;
}

const runKey = (municipalities: readonly string[]) => `run:${[...municipalities].sort().join(",")}`;
const unitPrefix = (runId: string) => `unit:${runId}:`;

export function createSyncCheckpoint(db: Kysely<Database>, now: () => number) {
  async function put(trx: Kysely<Database> | Trx, key: string, value: unknown, expiresAt: number): Promise<void> {
    const text = JSON.stringify(value);
    const at = now();
    await trx
      .insertInto("kv_state")
      .values({ namespace: SYNC_NAMESPACE, key, value: text, expires_at: expiresAt, updated_at: at })
      .onConflict((oc) => oc.columns(["namespace", "key"]).doUpdateSet({ value: text, expires_at: expiresAt, updated_at: at }))
      .execute();
  }

  async function forget(runId: string): Promise<void> {
    await db
      .deleteFrom("kv_state")
      .where("namespace", "=", SYNC_NAMESPACE)
      .where("key", "like", `${unitPrefix(runId)}%`)
      .execute();
  }

  return {
    /** Continues the unfinished run for these municipalities, or starts a new one. */
    async begin(municipalities: readonly string[], fresh: boolean): Promise<SyncRun> {
      const key = runKey(municipalities);
      const row = await db
        .selectFrom("kv_state")
        .select(["value", "expires_at"])
        .where("namespace", "=", SYNC_NAMESPACE)
        .where("key", "=", key)
        .executeTakeFirst();
      const previous = row && (row.expires_at === null || row.expires_at > now()) ? (JSON.parse(row.value) as RunState) : undefined;
      if (previous && previous.status === "running" && !fresh) {
        const units = await db
          .selectFrom("kv_state")
          .select("key")
          .where("namespace", "=", SYNC_NAMESPACE)
          .where("key", "like", `${unitPrefix(previous.runId)}%`)
          .execute();
        return {
          runId: previous.runId,
          startedAt: previous.startedAt,
          resumed: true,
          done: new Set(units.map((u) => u.key.slice(unitPrefix(previous.runId).length))),
        };
      }
      if (previous) await forget(previous.runId);
      const state: RunState = { runId: newId(), startedAt: now(), status: "running", municipalities: [...municipalities].sort() };
      await put(db, key, state, now() + RUN_TTL_MS);
      return { runId: state.runId, startedAt: state.startedAt, resumed: false, done: new Set() };
    },

    /** Records a unit as done, inside the transaction that stored it. */
    async markDoneIn(trx: Trx, runId: string, code: string): Promise<void> {
      await put(trx, `${unitPrefix(runId)}${code}`, 1, now() + RUN_TTL_MS);
    },

    /** A run with no failures is complete: the next sync starts afresh. */
    async complete(municipalities: readonly string[], run: SyncRun): Promise<void> {
      const state: RunState = { runId: run.runId, startedAt: run.startedAt, status: "completed", municipalities: [...municipalities].sort() };
      await put(db, runKey(municipalities), state, now() + RUN_TTL_MS);
      await forget(run.runId);
    },
  };
}

export type SyncCheckpoint = ReturnType<typeof createSyncCheckpoint>;
