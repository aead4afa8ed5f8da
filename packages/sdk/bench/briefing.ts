import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { createSamverkan, type Store } from "../src/index";
import { localToInstant } from "../src/time";
import { ms, percentile, timeEach } from "./stats";

export interface BriefingBenchRow {
  store: string;
  operation: string;
  iterations: number;
  p50: number;
  p95: number;
}

const ORGANIZERS = 2800;
const UNITS = 12_000;
const YEARS = ["2022/23", "2023/24", "2024/25"];
const METRICS = ["meritValue", "shareAllSubjects", "shareEligibleVocational", "pupils"];

/**
 * National scale: 2,800 organizers, 12,000 units with three years of four metrics
 * (144,000 results), 10,000 dialogues, a third of them held with minutes and an agreed
 * action each, plans and 3,000 assignments with progress.
 */
async function seed(store: Store): Promise<{ organizerIds: string[]; staffId: string }> {
  const db = store.db;
  const now = Date.now();
  const staffId = randomUUID();
  await db
    .insertInto("staff")
    .values({ id: staffId, name: "Bench", email: "bench@spsm.se", agency: "spsm", role: "unitHead", home_office_id: null, locale: "sv", created_at: now })
    .execute();
  await db.insertInto("municipalities").values({ code: "0180", name: "Stockholm", county_code: "01" }).execute();
  const organizerIds = Array.from({ length: ORGANIZERS }, () => randomUUID());
  for (let i = 0; i < ORGANIZERS; i += 500) {
    await db
      .insertInto("organizers")
      .values(
        organizerIds.slice(i, i + 500).map((id, j) => ({
          id,
          organization_number: String(5560000000 + i + j),
          name: `Huvudman ${i + j}`,
          type: "independent",
          municipality_code: "0180",
          updated_at: now,
        })),
      )
      .execute();
  }
  await db.transaction().execute(async (trx) => {
    const units = Array.from({ length: UNITS }, (_, i) => ({
      code: String(10_000_000 + i),
      name: `Skola ${i}`,
      municipality_code: "0180",
      // A few large organizers (the first ten have ~40 units each), the rest small.
      organizer_id: organizerIds[i < 400 ? i % 10 : i % ORGANIZERS]!,
      types_of_schooling: '["gr"]',
      status: "active" as const,
      details: null,
      updated_at: now,
    }));
    for (let i = 0; i < units.length; i += 500)
      await trx
        .insertInto("school_units")
        .values(units.slice(i, i + 500))
        .execute();
    const results = [];
    for (const u of units) {
      const n = Number(u.code) % 97;
      for (const [y, year] of YEARS.entries()) {
        for (const metric of METRICS) {
          const value = metric === "meritValue" ? 170 + n + y : metric === "pupils" ? 50 + n * 3 : 50 + (n % 50) + y;
          results.push({ school_unit_code: u.code, school_year: year, metric, kind: "number", value, raw: String(value), value_type: null, source: "bench" });
        }
      }
    }
    for (let i = 0; i < results.length; i += 1000)
      await trx
        .insertInto("school_results")
        .values(results.slice(i, i + 1000))
        .execute();
    const dialogues = [];
    const minutes = [];
    const actions = [];
    for (let i = 0; i < 10_000; i++) {
      const date = new Date(Date.UTC(2025, 0, 6 + Math.floor(i / 20)));
      const start = localToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 9 + (i % 6), minute: 0 })!;
      const id = randomUUID();
      const held = i % 3 === 0;
      dialogues.push({
        id,
        organizer_id: organizerIds[i % ORGANIZERS]!,
        office_id: null,
        digital: 1,
        start_at: start,
        end_at: start + 3_600_000,
        status: held ? ("held" as const) : ("booked" as const),
        topics: "[]",
        notes: "",
        follows_up_id: null,
        school_unit_code: null,
        created_by: staffId,
        created_at: now,
        updated_at: now,
      });
      if (held) {
        const minutesId = randomUUID();
        minutes.push({
          id: minutesId,
          dialogue_id: id,
          author_staff_id: staffId,
          at: start + 7_200_000,
          topics: '["närvaro"]',
          notes: "Anteckningar",
          next_dialogue_date: null,
        });
        actions.push({
          id: randomUUID(),
          minutes_id: minutesId,
          dialogue_id: id,
          title: "Åtgärd",
          responsible_staff_id: staffId,
          due_date: null,
          assignment_id: null,
        });
      }
    }
    for (let i = 0; i < dialogues.length; i += 500)
      await trx
        .insertInto("dialogues")
        .values(dialogues.slice(i, i + 500))
        .execute();
    for (let i = 0; i < minutes.length; i += 500)
      await trx
        .insertInto("dialogue_minutes")
        .values(minutes.slice(i, i + 500))
        .execute();
    for (let i = 0; i < actions.length; i += 500)
      await trx
        .insertInto("dialogue_actions")
        .values(actions.slice(i, i + 500))
        .execute();
    const plans = organizerIds
      .slice(0, 1000)
      .map((organizerId, i) => ({ id: randomUUID(), title: `Plan ${i}`, school_unit_code: null, organizer_id: organizerId, created_at: now }));
    await trx.insertInto("plans").values(plans).execute();
    const assignments = Array.from({ length: 3000 }, (_, i) => ({
      id: randomUUID(),
      ref_number: i + 1,
      plan_id: plans[i % plans.length]!.id,
      title: `Uppdrag ${i}`,
      agency: "spsm" as const,
      focus_area: "attendance" as const,
      responsible_staff_id: staffId,
      phase: "implementation" as const,
      due_date: null,
      reference_material: "[]",
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < assignments.length; i += 500)
      await trx
        .insertInto("assignments")
        .values(assignments.slice(i, i + 500))
        .execute();
    const progress = assignments.flatMap((a, i) =>
      [0, 1, 2].map((k) => ({
        id: randomUUID(),
        assignment_id: a.id,
        author_staff_id: staffId,
        at: now - (i + k) * 86_400_000,
        note: `Steg ${k}`,
        percent: 10 * k,
        phase_change: null,
        corrects_entry_id: null,
      })),
    );
    for (let i = 0; i < progress.length; i += 500)
      await trx
        .insertInto("progress_entries")
        .values(progress.slice(i, i + 500))
        .execute();
  });
  return { organizerIds, staffId };
}

export async function runBriefingBenchmark(label: string, store: Store): Promise<BriefingBenchRow[]> {
  const { organizerIds, staffId } = await seed(store);
  // A bulk load leaves PostgreSQL without statistics until autovacuum's next pass (within
  // a minute in production); without them it plans sequential scans of all results.
  if (store.dialect === "postgres") await sql`analyze`.execute(store.db);
  const ctx = { actor: { staffId }, channel: "api" } as const;
  const clock = () => new Date("2026-11-23T09:00:00+01:00");
  const warm = createSamverkan({ store, clock });
  const pick = (i: number) => organizerIds[(i * 7919) % 20 < 10 ? i % 10 : (i * 7919) % ORGANIZERS]!;
  for (let i = 0; i < 20; i++) await warm.briefing.forOrganizer(pick(i), ctx);
  const rows: BriefingBenchRow[] = [];
  const cached = await timeEach(300, (i) => warm.briefing.forOrganizer(pick(i), ctx));
  rows.push({
    store: label,
    operation: "briefing, national figures in memory",
    iterations: cached.length,
    p50: percentile(cached, 50),
    p95: percentile(cached, 95),
  });
  // A fresh SDK instance per call: national figures come from the shared store (another instance computed them).
  const shared = await timeEach(200, (i) => createSamverkan({ store, clock }).briefing.forOrganizer(pick(i), ctx));
  rows.push({
    store: label,
    operation: "briefing, national figures from the shared store",
    iterations: shared.length,
    p50: percentile(shared, 50),
    p95: percentile(shared, 95),
  });
  // After an import (or every 6 h): the national aggregate over all 144,000 results runs once.
  const cold = await timeEach(20, async (i) => {
    await store.db.deleteFrom("kv_state").where("namespace", "=", "briefing-national-figures").execute();
    await createSamverkan({ store, clock }).briefing.forOrganizer(pick(i), ctx);
  });
  rows.push({
    store: label,
    operation: "briefing, national figures recomputed (once per 6 h or import)",
    iterations: cold.length,
    p50: percentile(cold, 50),
    p95: percentile(cold, 95),
  });
  return rows;
}

export function briefingTable(rows: BriefingBenchRow[]): string {
  return [
    "| store | operation | n | p50 (ms) | p95 (ms) |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.store} | ${r.operation} | ${r.iterations} | ${ms(r.p50)} | ${ms(r.p95)} |`),
  ].join("\n");
}
