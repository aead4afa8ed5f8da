import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { createSamverkan, type DigestTarget, type Samverkan, type Store } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { createPostgresStore } from "@samverkan/sdk/postgres";
import { postgresAvailability, postgresTestUrl, uniqueSchemaName, type Availability } from "@samverkan/vitest-config/helpers";
import { checkSlackLimits, renderAdaptiveCard, renderSlack, renderText, type Message } from "../../src/index";
import { DigestChannelGoneError, type DigestDelivery, type DigestLogger, type DigestPoster } from "../../src/digest/index";
import { validateAdaptiveCard } from "../cards/adaptive-validate";

export type StoreKind = "sqlite" | "postgres";

/**
 * Two stores over one database, as two bot instances would open it: two SQLite
 * connections to one file, or two PostgreSQL pools on one schema.
 */
export interface SharedDatabase {
  kind: StoreKind;
  open(): Promise<Store>;
  close(): Promise<void>;
}

const availability: Promise<Availability> = postgresAvailability();
let pg: Availability | undefined;
export const databasesReady = availability.then((a) => (pg = a));

export function sharedDatabase(kind: StoreKind): SharedDatabase {
  const opened: Store[] = [];
  if (kind === "sqlite") {
    const file = join(mkdtempSync(join(tmpdir(), "samverkan-digest-")), "samverkan.db");
    return {
      kind,
      open: async () => {
        const store = await createSqliteStore({ file });
        opened.push(store);
        return store;
      },
      close: async () => {
        for (const store of opened.splice(0)) await store.close();
      },
    };
  }
  const schema = uniqueSchemaName("digest_test");
  return {
    kind,
    open: async () => {
      const store = await createPostgresStore({ connectionString: postgresTestUrl, schema, max: 5 });
      opened.push(store);
      return store;
    },
    close: async () => {
      const [first, ...rest] = opened.splice(0);
      for (const store of rest) await store.close();
      if (first) {
        await first.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await first.close();
      }
    },
  };
}

/** The suite on SQLite, then on PostgreSQL (skipped locally with a reason when it is down; an error under CI). */
export function describeEachDatabase(name: string, suite: (kind: StoreKind) => void): void {
  if (!pg) throw new Error("await databasesReady at the top of the test file");
  describe(`${name} [sqlite]`, () => suite("sqlite"));
  describe.skipIf(!pg.available)(`${name} [postgres]${pg.available ? "" : ` (skipped: ${pg.reason})`}`, () => suite("postgres"));
}

/** A clock the test moves; every instance reads the same one. */
export function controlledClock(iso: string) {
  let now = new Date(iso).getTime();
  return {
    clock: () => new Date(now),
    set: (next: string) => (now = new Date(next).getTime()),
  };
}

export const slackChannel = { platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" } satisfies DigestTarget;

export interface Seeded {
  advisorId: string;
  asAdvisor: { actor: { staffId: string }; channel: "api" };
}

/**
 * Västernorrland (county 22) has a held dialogue, an upcoming one, a stale assignment and
 * a phase change around Monday 2026-11-23; Norrbotten (25) has nothing.
 */
export async function seedWorld(sv: Samverkan, setNow: (iso: string) => void): Promise<Seeded> {
  const system = { actor: { system: "test" }, channel: "system" } as const;
  setNow("2026-10-01T09:00:00+02:00");
  const admin = await sv.staff.create({ name: "Astrid Admin", agency: "skolverket", role: "admin" }, system);
  const asAdmin = { actor: { staffId: admin.id }, channel: "api" } as const;
  const advisor = await sv.staff.create(
    { name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "unitHead", homeOfficeId: "harnosand" },
    asAdmin,
  );
  const asAdvisor = { actor: { staffId: advisor.id }, channel: "api" } as const;
  await sv.municipalities.upsert(
    [
      { code: "2280", name: "Härnösand", countyCode: "22" },
      { code: "2281", name: "Sundsvall", countyCode: "22" },
    ],
    system,
  );
  const harnosand = await sv.organizers.upsert(
    { organizationNumber: "2120002411", name: "Härnösands kommun", type: "municipal", municipalityCode: "2280" },
    system,
  );
  const sundsvall = await sv.organizers.upsert(
    { organizationNumber: "2120002429", name: "Sundsvalls kommun", type: "municipal", municipalityCode: "2281" },
    system,
  );
  await sv.schools.upsert({ code: "87654321", name: "Åsbackaskolan", municipalityCode: "2280", organizerId: harnosand.id, typesOfSchooling: ["gr"] }, system);
  // Low grade-9 results flag Åsbackaskolan in the selection from the start.
  await addResult(sv, "87654321", "meritValue", 172.5);
  const plan = await sv.assignments.createPlan({ title: "Åsbackaskolan", schoolUnitCode: "87654321" }, asAdvisor);
  const quiet = await sv.assignments.create({ planId: plan.id, title: "Öka närvaron", focusArea: "attendance", responsibleStaffId: advisor.id }, asAdvisor);
  const moving = await sv.assignments.create(
    { planId: plan.id, title: "Elevhälsoarbete", focusArea: "pupilHealth", responsibleStaffId: advisor.id },
    asAdvisor,
  );
  setNow("2026-10-20T10:00:00+02:00");
  await sv.assignments.logProgress(quiet.ref, { note: "Kartläggning påbörjad", percent: 10 }, asAdvisor);
  setNow("2026-11-17T10:00:00+01:00");
  const held = await sv.dialogues.book(
    { organizerId: harnosand.id, start: "2026-11-17T10:00", durationMinutes: 90, officeId: "harnosand", staffIds: [advisor.id] },
    asAdvisor,
  );
  await sv.dialogues.markHeld(held.id, {}, asAdvisor);
  await sv.assignments.logProgress(moving.ref, { note: "Planen klar", phase: "implementation" }, asAdvisor);
  // Upcoming every week of the test period, so digests are never empty in county 22.
  for (const day of ["2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16"]) {
    await sv.dialogues.book({ organizerId: sundsvall.id, start: `${day}T13:00`, durationMinutes: 60, digital: true, staffIds: [advisor.id] }, asAdvisor);
  }
  return { advisorId: advisor.id, asAdvisor };
}

/** A result row as an import writes it. */
export async function addResult(sv: Samverkan, schoolUnitCode: string, metric: string, value: number): Promise<void> {
  await sv.store.db
    .insertInto("school_results")
    .values({
      school_unit_code: schoolUnitCode,
      school_year: "2024/25",
      metric,
      kind: "number",
      value,
      raw: String(value).replace(".", ","),
      value_type: null,
      source: "test",
    })
    .execute();
}

export interface RecordingPoster extends DigestPoster {
  posts: Array<{ target: DigestTarget; message: Message; delivery: DigestDelivery | undefined }>;
  calls: number;
  /** Fail the next `n` posts with this error (0 stops failing). */
  failNext(n: number, error: () => Error): void;
}

/** Records what would be posted, checking every digest against Slack's limits and Microsoft's card validator. */
export function recordingPoster(): RecordingPoster {
  let failures = 0;
  let makeError: () => Error = () => new Error("HTTP 503");
  const poster: RecordingPoster = {
    posts: [],
    calls: 0,
    failNext(n, error) {
      failures = n;
      makeError = error;
    },
    async post(target, message, delivery) {
      poster.calls += 1;
      if (failures > 0) {
        failures -= 1;
        throw makeError();
      }
      expectPostable(message);
      poster.posts.push({ target, message, delivery });
      // Like a platform: the new message's id.
      return `posted-${poster.posts.length}`;
    },
  };
  return poster;
}

export const channelGone = (reason: string) => () => new DigestChannelGoneError(reason);

export function expectPostable(message: Message): void {
  expect(checkSlackLimits(renderSlack(message))).toEqual([]);
  expect(validateAdaptiveCard(renderAdaptiveCard(message))).toEqual([]);
  expect(renderText(message).length).toBeGreaterThan(0);
}

export interface RecordingLogger extends DigestLogger {
  lines: Array<{ level: "info" | "warn" | "error"; msg: string; obj: Record<string, unknown> }>;
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger["lines"] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: "info", msg, obj }),
    warn: (obj, msg) => lines.push({ level: "warn", msg, obj }),
    error: (obj, msg) => lines.push({ level: "error", msg, obj }),
  };
}

/** One bot instance: its own store connection and SDK over the shared database. */
export async function instance(db: SharedDatabase, clock: () => Date): Promise<Samverkan> {
  return createSamverkan({ store: await db.open(), clock });
}
