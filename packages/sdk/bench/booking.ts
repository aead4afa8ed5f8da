import { randomUUID } from "node:crypto";
import { ConflictError, createSamverkan, type Samverkan, type Store } from "../src/index";
import { localToInstant } from "../src/time";
import { ms, percentile, timeEach } from "./stats";

export interface BookingBenchRow {
  store: string;
  operation: string;
  iterations: number;
  p50: number;
  p95: number;
}

const STAFF = 60;
const ORGANIZERS = 2800;
const DIALOGUES = 50_000;

/** Seeds 50,000 dialogues over three years of working days, spread across 60 advisors. */
async function seed(store: Store): Promise<{ staffIds: string[]; organizerIds: string[] }> {
  const db = store.db;
  const now = Date.now();
  const staffIds = Array.from({ length: STAFF }, () => randomUUID());
  await db
    .insertInto("staff")
    .values(
      staffIds.map((id, i) => ({
        id,
        name: `Rådgivare ${i}`,
        email: `r${i}@spsm.se`,
        agency: "spsm",
        role: "advisor",
        home_office_id: "solna",
        locale: "sv",
        created_at: now,
      })),
    )
    .execute();
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
  // Working days from 2025-01-06, four one-hour slots a day per advisor in rotation.
  const rows: Array<{ d: Record<string, unknown>; staff: string }> = [];
  let day = 0;
  while (rows.length < DIALOGUES) {
    const date = new Date(Date.UTC(2025, 0, 6 + day));
    day++;
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    for (let s = 0; s < STAFF && rows.length < DIALOGUES; s += 3) {
      const hour = 9 + (rows.length % 6);
      const start = localToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute: 0 })!;
      const id = randomUUID();
      rows.push({
        staff: staffIds[(s + day) % STAFF]!,
        d: {
          id,
          organizer_id: organizerIds[rows.length % ORGANIZERS]!,
          office_id: null,
          digital: 1,
          start_at: start,
          end_at: start + 3_600_000,
          status: "booked",
          topics: "[]",
          notes: "",
          follows_up_id: null,
          school_unit_code: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        },
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await trx
        .insertInto("dialogues")
        .values(chunk.map((r) => r.d) as never)
        .execute();
      await trx
        .insertInto("dialogue_participants")
        .values(chunk.map((r) => ({ dialogue_id: r.d.id as string, staff_id: r.staff })))
        .execute();
    }
  });
  return { staffIds, organizerIds };
}

export const BENCH_NOW = new Date("2025-01-01T08:00:00+01:00");

/** A weekday slot across the three years: week w, weekday i % 5, from Monday 2025-01-06. */
export function randomStart(i: number): string {
  const week = (i * 7919) % 150;
  const date = new Date(Date.UTC(2025, 0, 6 + week * 7 + (i % 5)));
  const hour = 8 + (i % 8);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

const endOf = (start: string) => `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, "0")}:00`;

/** One booking as the bench measures it; true when it was refused as a conflict. */
export async function bookOne(sv: Samverkan, staffIds: readonly string[], organizerIds: readonly string[], i: number): Promise<boolean> {
  try {
    await sv.dialogues.book(
      {
        organizerId: organizerIds[i % organizerIds.length]!,
        digital: true,
        start: randomStart(i + 5000),
        durationMinutes: 60,
        staffIds: [staffIds[(i * 13) % staffIds.length]!],
      },
      { actor: { system: "bench" }, channel: "system" },
    );
    return false;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return true;
  }
}

export async function runBookingBenchmark(label: string, store: Store): Promise<BookingBenchRow[]> {
  const { staffIds, organizerIds } = await seed(store);
  const sv = createSamverkan({ store, clock: () => BENCH_NOW });
  const rows: BookingBenchRow[] = [];
  for (let i = 0; i < 200; i++) await sv.dialogues.conflicts({ start: randomStart(i), end: endOf(randomStart(i)), staffIds: [staffIds[i % STAFF]!] }); // warm-up
  const checks = await timeEach(3000, (i) =>
    sv.dialogues.conflicts({
      start: randomStart(i),
      end: endOf(randomStart(i)),
      staffIds: [staffIds[i % STAFF]!, staffIds[(i + 7) % STAFF]!],
      officeId: "solna",
    }),
  );
  rows.push({
    store: label,
    operation: "conflict check (2 staff + office)",
    iterations: checks.length,
    p50: percentile(checks, 50),
    p95: percentile(checks, 95),
  });
  let conflicts = 0;
  const bookings = await timeEach(500, async (i) => {
    if (await bookOne(sv, staffIds, organizerIds, i)) conflicts++;
  });
  rows.push({
    store: label,
    operation: `book (transaction, lock, check, insert, audit; ${conflicts} conflicts)`,
    iterations: bookings.length,
    p50: percentile(bookings, 50),
    p95: percentile(bookings, 95),
  });
  return rows;
}

export function bookingTable(rows: BookingBenchRow[]): string {
  return [
    "| store | operation | n | p50 (ms) | p95 (ms) |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.store} | ${r.operation} | ${r.iterations} | ${ms(r.p50)} | ${ms(r.p95)} |`),
  ].join("\n");
}
