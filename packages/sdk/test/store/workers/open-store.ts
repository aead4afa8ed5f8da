// Opens (and so migrates) the SQLite file given as argv[2], then reports the applied migrations.
import { createSqliteStore } from "../../../src/sqlite";
import { readyThenGo, report } from "./signal";

const file = process.argv[2]!;
await readyThenGo();
const store = await createSqliteStore({ file });
const rows = await store.db
  .selectFrom("kysely_migration" as never)
  .select("name" as never)
  .execute();
report({ migrations: (rows as Array<{ name: string }>).map((r) => r.name).sort() });
await store.close();
