import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import pg from "pg";
import { postgresAvailability, postgresTestUrl, uniqueSchemaName, type Availability } from "@samverkan/vitest-config/helpers";
import { createSamverkan, type CreateSamverkanOptions, type DigestTarget, type Samverkan, type SamverkanConfigInput, type Store } from "../../src/index";
import { createSqliteStore } from "../../src/sqlite";
import { createPostgresStore } from "../../src/postgres";

export type StoreKind = "sqlite" | "postgres";

export interface StoreFactory {
  kind: StoreKind;
  open(): Promise<Store>;
  /** Drops what `open` created (PostgreSQL schemas). */
  cleanup(): Promise<void>;
}

const pgAvailability: Promise<Availability> = postgresAvailability();

function sqliteFactory(): StoreFactory {
  return { kind: "sqlite", open: () => createSqliteStore({ file: ":memory:" }), cleanup: async () => undefined };
}

/** A SQLite file in a fresh temporary directory (WAL journal, like a real deployment). */
export function sqliteFileFactory(): StoreFactory & { file(): string } {
  const dirs: string[] = [];
  let last = "";
  return {
    kind: "sqlite",
    file: () => last,
    open() {
      const dir = mkdtempSync(join(tmpdir(), "samverkan-sdk-"));
      dirs.push(dir);
      last = join(dir, "samverkan.db");
      return createSqliteStore({ file: last });
    },
    cleanup: async () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresFactory(): StoreFactory {
  const schemas: string[] = [];
  return {
    kind: "postgres",
    async open() {
      const schema = uniqueSchemaName("sdk_test");
      schemas.push(schema);
      return createPostgresStore({ connectionString: postgresTestUrl, schema, max: 20 });
    },
    async cleanup() {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Runs the same suite against the embedded SQLite store and PostgreSQL. Without a
 * PostgreSQL server the second run is skipped locally with the reason; under CI the
 * helper throws instead, so the suite fails rather than silently skipping.
 */
export function describeEachStore(name: string, suite: (factory: StoreFactory) => void, options: { sqlite?: "memory" | "file" } = {}): void {
  const file = options.sqlite === "file";
  describe(`${name} [sqlite${file ? " file" : ""}]`, () => suite(file ? sqliteFileFactory() : sqliteFactory()));
  const availability = pgAvailabilitySync();
  describe.skipIf(!availability.available)(`${name} [postgres]${availability.available ? "" : ` (skipped: ${availability.reason})`}`, () =>
    suite(postgresFactory()),
  );
}

let resolved: Availability | undefined;

export function pgAvailabilitySync(): Availability {
  if (!resolved) throw new Error("call `await storesReady` at the top of the test file before describeEachStore");
  return resolved;
}

/** Await at module top level so that skip decisions are known when suites are declared. */
export const storesReady: Promise<Availability> = pgAvailability.then((a) => (resolved = a));

export const FIXED_NOW = new Date("2026-11-23T09:00:00+01:00");

export interface World {
  sv: Samverkan;
  store: Store;
  admin: { staffId: string };
  advisor: { staffId: string };
  advisor2: { staffId: string };
  viewer: { staffId: string };
  unitHead: { staffId: string };
  organizerId: string;
  organizer2Id: string;
  setNow(iso: string): void;
}

/** A small, realistic world: four staff, two organizers with schools in Stockholm and Göteborg. */
export async function buildWorld(store: Store, config: SamverkanConfigInput = {}, calendar?: CreateSamverkanOptions["calendar"]): Promise<World> {
  let now = FIXED_NOW.getTime();
  const sv = createSamverkan({ store, config, clock: () => new Date(now), ...(calendar ? { calendar } : {}) });
  const system = { actor: { system: "test" }, channel: "system" } as const;
  const admin = await sv.staff.create({ name: "Astrid Admin", email: "astrid@skolverket.se", agency: "skolverket", role: "admin" }, system);
  const asAdmin = { actor: { staffId: admin.id }, channel: "api" } as const;
  const advisor = await sv.staff.create(
    {
      name: "Karin Lind",
      email: "karin.lind@spsm.se",
      agency: "spsm",
      role: "advisor",
      homeOfficeId: "solna",
      identities: [{ platform: "slack", teamId: "T0001", userId: "U0KARIN" }],
    },
    asAdmin,
  );
  const advisor2 = await sv.staff.create(
    { name: "Omar Haddad", email: "omar.haddad@skolverket.se", agency: "skolverket", role: "advisor", homeOfficeId: "goteborg" },
    asAdmin,
  );
  const viewer = await sv.staff.create({ name: "Vera Viewer", email: "vera@skolverket.se", agency: "skolverket", role: "viewer" }, asAdmin);
  const unitHead = await sv.staff.create({ name: "Ulla Chef", email: "ulla@spsm.se", agency: "spsm", role: "unitHead", homeOfficeId: "solna" }, asAdmin);
  await sv.municipalities.upsert(
    [
      { code: "0180", name: "Stockholm", countyCode: "01" },
      { code: "1480", name: "Göteborg", countyCode: "14" },
    ],
    system,
  );
  const stockholm = await sv.organizers.upsert(
    { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
    system,
  );
  const goteborg = await sv.organizers.upsert(
    { organizationNumber: "2120001355", name: "Göteborgs kommun", type: "municipal", municipalityCode: "1480" },
    system,
  );
  await sv.schools.upsert({ code: "39907811", name: "Rinkebyskolan", municipalityCode: "0180", organizerId: stockholm.id, typesOfSchooling: ["gr"] }, system);
  return {
    sv,
    store,
    admin: { staffId: admin.id },
    advisor: { staffId: advisor.id },
    advisor2: { staffId: advisor2.id },
    viewer: { staffId: viewer.id },
    unitHead: { staffId: unitHead.id },
    organizerId: stockholm.id,
    organizer2Id: goteborg.id,
    setNow(iso: string) {
      now = new Date(iso).getTime();
    },
  };
}

export const as = (actor: { staffId: string }, channel: "api" | "slack" | "teams" | "cli" = "api") => ({ actor, channel });

/** A write made from a chat conversation (digest subscriptions are managed from their own channel). */
export const asIn = (actor: { staffId: string }, conversation: DigestTarget, channel: "slack" | "teams" = conversation.platform) => ({
  actor,
  channel,
  conversation,
});
