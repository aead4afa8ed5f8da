// Starts migrating the store argv[3] (`sqlite <file>` or `postgres <url> <schema>`) and
// kills its own process, SIGKILL, the moment the school_units table is about to be
// created: a crash in the middle of the first migration.
import Database from "better-sqlite3";
import pg from "pg";
import { createPostgresStore } from "../../../src/postgres";
import { createSqliteStore } from "../../../src/sqlite";

const crashAt = /^create table "school_units"/i;
const [kind, target, schema] = process.argv.slice(2) as [string, string, string | undefined];

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, source: string) {
  if (crashAt.test(source)) process.kill(process.pid, "SIGKILL");
  return prepare.call(this, source);
} as typeof prepare;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  if (typeof args[0] === "string" && crashAt.test(args[0])) process.kill(process.pid, "SIGKILL");
  return query.apply(this, args);
};

if (kind === "sqlite") await createSqliteStore({ file: target });
else await createPostgresStore({ connectionString: target, schema: schema! });
console.log("migrated without crashing");
