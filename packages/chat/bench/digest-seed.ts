/**
 * The benchmark world: bulk inserts through Kysely, deterministic, as at Monday
 * 2026-11-23 08:00 Swedish time.
 */
import { randomUUID } from "node:crypto";
import { COUNTIES, type Store } from "@samverkan/sdk";

export const ORGANIZERS = 2_800;
export const SCHOOL_UNITS = 12_000;
export const DIALOGUES = 10_000;
export const ASSIGNMENTS = 5_000;
export const PROGRESS = 50_000;
const STAFF = 120;
export const NOW = new Date("2026-11-23T08:00:00+01:00");
export const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so every run seeds the same world. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seed(store: Store): Promise<void> {
  const db = store.db;
  const rnd = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const created = Date.parse("2025-01-01T00:00:00Z");
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("counties").values(COUNTIES.map((c) => ({ code: c.code, name: c.name }))).execute();
    // 290 municipalities spread over the 21 counties.
    const municipalities = Array.from({ length: 290 }, (_, i) => {
      const county = COUNTIES[i % COUNTIES.length]!.code;
      return { code: `${county}${String(10 + Math.floor(i / COUNTIES.length)).padStart(2, "0")}`, name: `Kommun ${i}`, county_code: county };
    });
    await trx.insertInto("municipalities").values(municipalities).execute();
    const staff = Array.from({ length: STAFF }, (_, i) => ({ id: randomUUID(), name: `Rådgivare ${i}`, email: `r${i}@spsm.se`, agency: "spsm", role: "advisor", home_office_id: "solna", locale: "sv", created_at: created }));
    await insertChunked(staff, 500, (chunk) => trx.insertInto("staff").values(chunk).execute());
    const organizers = Array.from({ length: ORGANIZERS }, (_, i) => ({ id: randomUUID(), organization_number: String(5560000000 + i), name: `Huvudman ${i}`, type: i < 290 ? "municipal" : "independent", municipality_code: municipalities[i % municipalities.length]!.code, updated_at: created }));
    await insertChunked(organizers, 1000, (chunk) => trx.insertInto("organizers").values(chunk).execute());
    const schools = Array.from({ length: SCHOOL_UNITS }, (_, i) => {
      const organizer = organizers[i % ORGANIZERS]!;
      return { code: String(10000000 + i), name: `Skola ${i}`, municipality_code: organizer.municipality_code, organizer_id: organizer.id, types_of_schooling: '["gr"]', status: "active", details: null, updated_at: created };
    });
    await insertChunked(schools, 1000, (chunk) => trx.insertInto("school_units").values(chunk).execute());
    // Grade-9 results for every unit, as the statistics export brings them; the selection reads them.
    const results = schools.flatMap((school) =>
      (
        [
          ["pupils", 20 + Math.floor(rnd() * 120)],
          // Spreads chosen so that roughly one unit in eight falls below a threshold.
          ["meritValue", 185 + rnd() * 145],
          ["shareAllSubjects", 58 + rnd() * 42],
          ["shareEligibleVocational", 74 + rnd() * 26],
        ] as const
      ).map(([metric, value]) => ({ school_unit_code: school.code, school_year: "2024/25", metric, kind: "number", value: Math.round(value * 10) / 10, raw: String(Math.round(value * 10) / 10).replace(".", ","), value_type: null, source: "bench" })),
    );
    await insertChunked(results, 1000, (chunk) => trx.insertInto("school_results").values(chunk).execute());
    // Dialogues from 2025 to mid-2027: past ones mostly held, future ones booked.
    const dialogues = Array.from({ length: DIALOGUES }, (_, i) => {
      const start = Date.parse("2025-01-06T09:00:00+01:00") + Math.floor(rnd() * 900) * DAY + Math.floor(rnd() * 7) * 3_600_000;
      const past = start < NOW.getTime();
      const status = past ? (rnd() < 0.85 ? "held" : "cancelled") : rnd() < 0.9 ? "booked" : "proposed";
      return { id: randomUUID(), organizer_id: pick(organizers).id, office_id: null, digital: 1, start_at: start, end_at: start + 3_600_000, status, topics: "[]", notes: "", follows_up_id: null, school_unit_code: null, created_by: null, created_at: created, updated_at: created, staff: pick(staff).id, i };
    });
    await insertChunked(dialogues, 1000, (chunk) => trx.insertInto("dialogues").values(chunk.map(({ staff: _s, i: _i, ...d }) => d)).execute());
    await insertChunked(dialogues, 1000, (chunk) => trx.insertInto("dialogue_participants").values(chunk.map((d) => ({ dialogue_id: d.id, staff_id: d.staff }))).execute());
    const plans = Array.from({ length: 2_000 }, (_, i) => ({ id: randomUUID(), title: `Plan ${i}`, school_unit_code: i % 3 === 0 ? null : schools[i * 5]!.code, organizer_id: i % 3 === 0 ? organizers[i]!.id : null, created_at: created }));
    await insertChunked(plans, 1000, (chunk) => trx.insertInto("plans").values(chunk).execute());
    const phases = ["startUp", "planning", "implementation", "followUp", "completed"];
    const assignments = Array.from({ length: ASSIGNMENTS }, (_, i) => ({ id: randomUUID(), ref_number: i + 1, plan_id: plans[i % plans.length]!.id, title: `Uppdrag ${i}`, agency: "spsm", focus_area: "attendance", responsible_staff_id: i % 10 === 0 ? null : pick(staff).id, phase: phases[i % 5]!, due_date: null, reference_material: "[]", created_at: created, updated_at: created }));
    await insertChunked(assignments, 1000, (chunk) => trx.insertInto("assignments").values(chunk).execute());
    // 50,000 entries over the two years before now; a tenth of them change phase.
    const progress = Array.from({ length: PROGRESS }, (_, i) => ({
      id: randomUUID(),
      assignment_id: assignments[Math.floor(rnd() * ASSIGNMENTS)]!.id,
      author_staff_id: pick(staff).id,
      at: NOW.getTime() - Math.floor(rnd() * 700 * DAY),
      note: `Anteckning ${i}`,
      percent: Math.floor(rnd() * 100),
      phase_change: rnd() < 0.1 ? pick(phases) : null,
      corrects_entry_id: null,
    }));
    await insertChunked(progress, 1000, (chunk) => trx.insertInto("progress_entries").values(chunk).execute());
  });
}
