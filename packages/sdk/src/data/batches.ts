import type { Kysely } from "kysely";
import type { Database } from "../store/schema";
import type { Trx } from "../services/context";
import type { UpsertSummary } from "../services/directory";

export const emptySummary = (): UpsertSummary => ({ added: 0, updated: 0, unchanged: 0 });

export function addSummary(into: UpsertSummary, from: UpsertSummary): void {
  into.added += from.added;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
}

export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes items in batches, one transaction each. A batch that fails is retried item by
 * item, so one bad item costs only itself. `write` returns a tally that is kept only
 * when its transaction commits, so nothing is counted twice.
 */
export async function writeInBatches<T, R>(
  db: Kysely<Database>,
  items: readonly T[],
  size: number,
  write: (trx: Trx, batch: readonly T[]) => Promise<R>,
  onCommit: (tally: R, batch: readonly T[]) => void,
  onFail: (item: T, error: unknown) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const batch = items.slice(i, i + size);
    try {
      onCommit(await db.transaction().execute((trx) => write(trx, batch)), batch);
    } catch {
      for (const item of batch) {
        try {
          onCommit(await db.transaction().execute((trx) => write(trx, [item])), [item]);
        } catch (error) {
          onFail(item, error);
        }
      }
    }
  }
}
