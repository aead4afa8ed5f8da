/**
 * The benchmark world: bulk inserts through Kysely, deterministic, as at Monday
 * 2026-11-23 08:00 Swedish time.
 */
import { randomUUID } from "node:crypto";
import type { Store } from "@samverkan/sdk";
import { insertChunked, ORGANIZERS, random, SCHOOL_UNITS, seedNationalSchools } from "../../sdk/bench/national-seed";

export { ORGANIZERS, SCHOOL_UNITS };

export const DIALOGUES = 10_000;
export const ASSIGNMENTS = 5_000;
export const PROGRESS = 50_000;
const STAFF = 120;
export const NOW = new Date("2026-11-23T08:00:00+01:00");
export const DAY = 86_400_000;

export async function seed(store: Store): Promise<void> {
  const db = store.db;
  const rnd = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const created = Date.parse("2025-01-01T00:00:00Z");
  await db.transaction().execute(async (trx) => {
    // Organizers, school units and one year of grade-9 results, shared with the SDK's benchmarks.
    const { organizers, schools } = await seedNationalSchools(trx, rnd, { createdAt: created, results: "grade9" });
    const staff = Array.from({ length: STAFF }, (_, i) => ({
      id: randomUUID(),
      name: `Rådgivare ${i}`,
      email: `r${i}@spsm.se`,
      agency: "spsm" as const,
      role: "advisor" as const,
      home_office_id: "solna",
      locale: "sv" as const,
      created_at: created,
    }));
    await insertChunked(staff, 500, (chunk) => trx.insertInto("staff").values(chunk).execute());
    // Dialogues from 2025 to mid-2027: past ones mostly held, future ones booked.
    const dialogues = Array.from({ length: DIALOGUES }, (_, i) => {
      const start = Date.parse("2025-01-06T09:00:00+01:00") + Math.floor(rnd() * 900) * DAY + Math.floor(rnd() * 7) * 3_600_000;
      const past = start < NOW.getTime();
      const status = past ? (rnd() < 0.85 ? ("held" as const) : ("cancelled" as const)) : rnd() < 0.9 ? ("booked" as const) : ("proposed" as const);
      return {
        id: randomUUID(),
        organizer_id: pick(organizers).id,
        office_id: null,
        digital: 1,
        start_at: start,
        end_at: start + 3_600_000,
        status,
        topics: "[]",
        notes: "",
        follows_up_id: null,
        school_unit_code: null,
        created_by: null,
        created_at: created,
        updated_at: created,
        staff: pick(staff).id,
        i,
      };
    });
    await insertChunked(dialogues, 1000, (chunk) =>
      trx
        .insertInto("dialogues")
        .values(chunk.map(({ staff: _s, i: _i, ...d }) => d))
        .execute(),
    );
    await insertChunked(dialogues, 1000, (chunk) =>
      trx
        .insertInto("dialogue_participants")
        .values(chunk.map((d) => ({ dialogue_id: d.id, staff_id: d.staff })))
        .execute(),
    );
    const plans = Array.from({ length: 2_000 }, (_, i) => ({
      id: randomUUID(),
      title: `Plan ${i}`,
      school_unit_code: i % 3 === 0 ? null : schools[i * 5]!.code,
      organizer_id: i % 3 === 0 ? organizers[i]!.id : null,
      created_at: created,
    }));
    await insertChunked(plans, 1000, (chunk) => trx.insertInto("plans").values(chunk).execute());
    const phases = ["startUp", "planning", "implementation", "followUp", "completed"] as const;
    const assignments = Array.from({ length: ASSIGNMENTS }, (_, i) => ({
      id: randomUUID(),
      ref_number: i + 1,
      plan_id: plans[i % plans.length]!.id,
      title: `Uppdrag ${i}`,
      agency: "spsm" as const,
      focus_area: "attendance" as const,
      responsible_staff_id: i % 10 === 0 ? null : pick(staff).id,
      phase: phases[i % 5]!,
      due_date: null,
      reference_material: "[]",
      created_at: created,
      updated_at: created,
    }));
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
