import type { World } from "./world";

export interface Footprint {
  processedEvents: number;
  conversationState: number;
  auditEvents: number;
  dialogues: number;
  progressEntries: number;
}

/** Everything a request could have written: event claims, conversation state, dialogues, audit. */
export async function storeFootprint(world: World): Promise<Footprint> {
  const { db } = world.store;
  const count = async (table: "processed_events" | "kv_state" | "audit_events" | "dialogues" | "progress_entries") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select(({ fn }) => fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    processedEvents: await count("processed_events"),
    conversationState: await count("kv_state"),
    auditEvents: await count("audit_events"),
    dialogues: await count("dialogues"),
    progressEntries: await count("progress_entries"),
  };
}
