import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSamverkan } from "../../src/index";
import { createSqliteStore } from "../../src/sqlite";
import { runTogether, type WorkerOutcome } from "./spawn-workers";

/**
 * Several OS processes on one SQLite file, as `pnpm start` runs the Slack and the Teams
 * app side by side. Each worker is a separate node process (see workers/).
 */
describe("several processes on one SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-procs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const failures = (outcomes: WorkerOutcome[]) => outcomes.filter((o) => o.code !== 0).map((o) => o.stderr || o.stdout);

  it("three processes opening a fresh file at once all start, and migrate it once", async () => {
    const file = join(dir, "fresh.db");
    const outcomes = await runTogether("open-store.ts", [[file], [file], [file]]);
    expect(failures(outcomes)).toEqual([]);
    const lists = outcomes.map((o) => (o.result as { migrations: string[] }).migrations);
    expect(lists[0]!.length).toBeGreaterThan(0);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
  }, 120_000);

  describe("booking", () => {
    const file = join(dir, "bookings.db");
    let advisorId = "";
    let organizerId = "";

    beforeAll(async () => {
      const store = await createSqliteStore({ file });
      const sv = createSamverkan({ store });
      const system = { actor: { system: "test" }, channel: "system" } as const;
      await sv.staff.create({ name: "Astrid Admin", email: "astrid@skolverket.se", agency: "skolverket", role: "admin" }, system);
      advisorId = (await sv.staff.create({ name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "advisor" }, system)).id;
      await sv.municipalities.upsert([{ code: "0180", name: "Stockholm", countyCode: "01" }], system);
      organizerId = (
        await sv.organizers.upsert({ organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" }, system)
      ).id;
      await store.close();
    });

    async function countDialogues(): Promise<number> {
      const store = await createSqliteStore({ file });
      const row = await store.db
        .selectFrom("dialogues")
        .select(({ fn }) => fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      await store.close();
      return Number(row.n);
    }

    it("three processes each booking 80 non-overlapping dialogues end with 240 bookings and no error", async () => {
      // The same advisor in all three, in interleaved hours: every booking contends for the
      // same write lock and checks conflicts against the others' fresh bookings.
      const slots = (worker: number) => Array.from({ length: 80 }, (_, i) => i * 3 + worker).join(",");
      const outcomes = await runTogether(
        "book.ts",
        [0, 1, 2].map((w) => [file, advisorId, organizerId, slots(w)]),
      );
      expect(failures(outcomes)).toEqual([]);
      for (const o of outcomes) expect(o.result).toEqual({ booked: expect.any(Array), conflicts: 0, errors: [] });
      expect(outcomes.flatMap((o) => (o.result as { booked: number[] }).booked)).toHaveLength(240);
      expect(await countDialogues()).toBe(240);
    }, 300_000);

    it("overlapping bookings from several processes end with exactly one winner per slot", async () => {
      // 20 slots after the 240 above, and every process tries every one of them.
      const slots = "240-259";
      const outcomes = await runTogether(
        "book.ts",
        [0, 1, 2].map(() => [file, advisorId, organizerId, slots]),
      );
      expect(failures(outcomes)).toEqual([]);
      const results = outcomes.map((o) => o.result as { booked: number[]; conflicts: number; errors: string[] });
      for (const r of results) expect(r.errors).toEqual([]);
      const won = results.flatMap((r) => r.booked).sort((a, b) => a - b);
      expect(won).toEqual(Array.from({ length: 20 }, (_, i) => 240 + i));
      expect(results.reduce((sum, r) => sum + r.conflicts, 0)).toBe(40);
      expect(await countDialogues()).toBe(260);
    }, 300_000);
  });
});
