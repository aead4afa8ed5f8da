import { afterAll, beforeAll, expect, it } from "vitest";
import { QueryOutsideTransactionError, type Store } from "../../src/index";
import { createSqliteStore } from "../../src/sqlite";
import { describeEachStore, storesReady } from "../support/stores";

await storesReady;

describeEachStore(
  "queries inside a transaction",
  (factory) => {
    let store: Store;
    beforeAll(async () => {
      store = await factory.open();
    });
    afterAll(async () => {
      await store.close();
      await factory.cleanup();
    });

    const count = (q: Pick<Store["db"], "selectFrom">) =>
      q
        .selectFrom("staff")
        .select(({ fn }) => fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();

    it("refuses a query through the store's db from inside its own transaction, at once and by name", async () => {
      await expect(store.db.transaction().execute(async () => count(store.db))).rejects.toBeInstanceOf(QueryOutsideTransactionError);
      // The store is still usable afterwards.
      expect(Number((await count(store.db)).n)).toBe(0);
    });

    it("runs independent transactions side by side, each in turn on SQLite", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.db.transaction().execute(async (trx) => Number((await count(trx)).n))));
      expect(results).toEqual(Array.from({ length: 20 }, () => 0));
    });

    it("allows another store inside a transaction", async () => {
      const other = await createSqliteStore({ file: ":memory:" });
      try {
        const n = await store.db.transaction().execute(async () => Number((await count(other.db)).n));
        expect(n).toBe(0);
      } finally {
        await other.close();
      }
    });
  },
  { sqlite: "file" },
);
