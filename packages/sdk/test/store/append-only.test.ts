import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { as, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

/**
 * Progress entries and audit events are history: besides UPDATE and DELETE, the
 * database refuses the statements that rewrite or empty a table in other ways,
 * TRUNCATE on PostgreSQL and INSERT OR REPLACE on SQLite.
 */
describeEachStore(
  "append-only history",
  (factory) => {
    let w: World;
    let entryId = "";
    let file = "";

    beforeAll(async () => {
      w = await buildWorld(await factory.open());
      file = w.store.description.replace(/^sqlite /, "");
      const plan = await w.sv.assignments.createPlan({ title: "Plan", organizerId: w.organizerId }, as(w.unitHead));
      const assignment = await w.sv.assignments.create(
        { planId: plan.id, title: "Närvaro", agency: "spsm", focusArea: "attendance", responsibleStaffId: w.advisor.staffId },
        as(w.unitHead),
      );
      entryId = (await w.sv.assignments.logProgress(assignment.ref, { note: "Första mötet hållet", percent: 10 }, as(w.advisor))).id;
      const dialogue = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-23T10:00", durationMinutes: 60 }, as(w.unitHead));
      w.setNow("2026-11-23T12:00:00+01:00");
      await w.sv.minutes.record(dialogue.id, { notes: "Bra samtal.", actions: [{ title: "Skicka rapporten" }] }, as(w.unitHead));
    });
    afterAll(async () => {
      await w.store.close();
      await factory.cleanup();
    });

    const counts = async () => {
      const progress = await w.store.db
        .selectFrom("progress_entries")
        .select(({ fn }) => fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const audit = await w.store.db
        .selectFrom("audit_events")
        .select(({ fn }) => fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { progress: Number(progress.n), audit: Number(audit.n) };
    };

    it("refuses an upsert that would rewrite an entry", async () => {
      const before = await counts();
      await expect(
        sql`insert into progress_entries (id, assignment_id, author_staff_id, at, note)
            select id, assignment_id, author_staff_id, at, 'omskrivet' from progress_entries where id = ${entryId}
            on conflict (id) do update set note = excluded.note`.execute(w.store.db),
      ).rejects.toThrow(/append-only/);
      expect(await counts()).toEqual(before);
      expect((await w.store.db.selectFrom("progress_entries").select("note").where("id", "=", entryId).executeTakeFirstOrThrow()).note).toBe(
        "Första mötet hållet",
      );
    });

    if (factory.kind === "postgres") {
      it("refuses TRUNCATE of progress entries and audit events", async () => {
        const before = await counts();
        await expect(sql`truncate progress_entries`.execute(w.store.db)).rejects.toThrow(/progress_entries is append-only/);
        await expect(sql`truncate audit_events`.execute(w.store.db)).rejects.toThrow(/audit_events is append-only/);
        await expect(sql`truncate progress_entries, audit_events`.execute(w.store.db)).rejects.toThrow(/append-only/);
        await expect(sql`truncate dialogue_actions`.execute(w.store.db)).rejects.toThrow(/dialogue_actions is append-only/);
        await expect(sql`truncate dialogue_minutes cascade`.execute(w.store.db)).rejects.toThrow(/append-only/);
        expect(await counts()).toEqual(before);
      });
    } else {
      it("refuses INSERT OR REPLACE of a progress entry and an audit event", async () => {
        const before = await counts();
        await expect(
          sql`insert or replace into progress_entries (seq, id, assignment_id, author_staff_id, at, note)
              select seq, id, assignment_id, author_staff_id, at, 'omskrivet' from progress_entries where id = ${entryId}`.execute(w.store.db),
        ).rejects.toThrow(/append-only/);
        await expect(
          sql`insert or replace into audit_events (seq, id, at, actor_staff_id, actor_label, action, entity_type, entity_id, channel, details)
              select seq, id, at, actor_staff_id, actor_label, 'forged', entity_type, entity_id, channel, details from audit_events order by seq limit 1`.execute(
            w.store.db,
          ),
        ).rejects.toThrow(/append-only/);
        await expect(
          sql`insert or replace into dialogue_minutes (id, dialogue_id, author_staff_id, at, topics, notes)
              select 'forged', dialogue_id, author_staff_id, at, topics, 'omskrivet' from dialogue_minutes`.execute(w.store.db),
        ).rejects.toThrow(/append-only/);
        await expect(
          sql`replace into progress_entries (id, assignment_id, author_staff_id, at, note) select id, assignment_id, author_staff_id, at, 'x' from progress_entries`.execute(
            w.store.db,
          ),
        ).rejects.toThrow(/append-only/);
        expect(await counts()).toEqual(before);
      });

      it("refuses it from a connection that did not turn on recursive triggers, too", () => {
        // Another tool opening the file (sqlite3 shell, a script) gets SQLite's defaults.
        const raw = new Database(file);
        try {
          expect(raw.pragma("recursive_triggers", { simple: true })).toBe(0);
          expect(() =>
            raw
              .prepare(
                `insert or replace into progress_entries (seq, id, assignment_id, author_staff_id, at, note) select seq, id, assignment_id, author_staff_id, at, 'omskrivet' from progress_entries where id = ?`,
              )
              .run(entryId),
          ).toThrow(/append-only/);
          expect(() => raw.prepare("delete from audit_events").run()).toThrow(/append-only/);
          expect(() =>
            raw
              .prepare(
                `insert or replace into dialogue_minutes (id, dialogue_id, author_staff_id, at, topics, notes) select 'forged', dialogue_id, author_staff_id, at, topics, 'x' from dialogue_minutes`,
              )
              .run(),
          ).toThrow(/append-only/);
          expect(raw.prepare("select note from progress_entries where id = ?").pluck().get(entryId)).toBe("Första mötet hållet");
        } finally {
          raw.close();
        }
      });
    }
  },
  { sqlite: "file" },
);
