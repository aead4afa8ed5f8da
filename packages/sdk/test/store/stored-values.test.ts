import { sql } from "kysely";
import { afterAll, beforeEach, expect, it } from "vitest";
import { InvalidStoredValueError, isRequestError, isSamverkanError } from "../../src/index";
import { as, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

/**
 * The schema types say what an enum column holds; the database does not enforce it.
 * A value no writer puts there must fail naming the column, not travel on as if valid.
 * (Raw SQL stands in for a bad migration or a hand edit.)
 */
describeEachStore("stored enum values", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  async function invalid(read: Promise<unknown>): Promise<InvalidStoredValueError> {
    const error = await read.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidStoredValueError);
    return error as InvalidStoredValueError;
  }

  it("refuses a dialogue status no writer sets, naming the column", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await sql`update dialogues set status = 'postponed' where id = ${d.id}`.execute(w.store.db);
    const error = await invalid(w.sv.dialogues.get(d.id));
    expect(error).toMatchObject({ code: "invalid_stored_value", column: "dialogues.status", value: "postponed" });
    expect(error.localized("sv")).toBe('Databasen har ett ogiltigt värde i dialogues.status: "postponed".');
    // A store fault is a SamverkanError but not the request's fault: chat and CLI treat it as unexpected.
    expect(isSamverkanError(error)).toBe(true);
    expect(isRequestError(error)).toBe(false);
  });

  it("refuses a staff role outside the known roles, in the mapper and in the role check", async () => {
    await sql`update staff set role = 'superuser' where id = ${w.advisor.staffId}`.execute(w.store.db);
    expect(await invalid(w.sv.staff.get(w.advisor.staffId))).toMatchObject({ column: "staff.role", value: "superuser" });
    const write = w.sv.assignments.createPlan({ title: "Plan", schoolUnitCode: "39907811" }, as(w.advisor));
    expect(await invalid(write)).toMatchObject({ column: "staff.role" });
  });

  it("refuses an assignment phase outside the known phases", async () => {
    const planId = (await w.sv.assignments.createPlan({ title: "Plan", schoolUnitCode: "39907811" }, as(w.unitHead))).id;
    const a = await w.sv.assignments.create({ planId, title: "Kartlägg frånvaron", focusArea: "attendance" }, as(w.unitHead));
    await sql`update assignments set phase = 'done' where id = ${a.id}`.execute(w.store.db);
    expect(await invalid(w.sv.assignments.get(a.id))).toMatchObject({ column: "assignments.phase", value: "done" });
  });

  it("refuses a school unit status outside the known ones", async () => {
    await sql`update school_units set status = 'gone' where code = '39907811'`.execute(w.store.db);
    expect(await invalid(w.sv.schools.get("39907811"))).toMatchObject({ column: "school_units.status", value: "gone" });
    expect(await invalid(w.sv.schools.profile("39907811"))).toMatchObject({ column: "school_units.status" });
  });

  it("refuses a JSON column that is not a string array instead of reading it as empty", async () => {
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, topics: ["närvaro"] },
      as(w.advisor),
    );
    await sql`update dialogues set topics = '{"närvaro"' where id = ${d.id}`.execute(w.store.db);
    expect(await invalid(w.sv.dialogues.get(d.id))).toMatchObject({ column: "dialogues.topics", value: '{"närvaro"' });
    await sql`update school_units set types_of_schooling = '"gr"' where code = '39907811'`.execute(w.store.db);
    expect(await invalid(w.sv.schools.get("39907811"))).toMatchObject({ column: "school_units.types_of_schooling" });
  });

  it("refuses school unit details that are not JSON, and keeps tolerating an older shape", async () => {
    await sql`update school_units set details = '{"code": "39907811"}' where code = '39907811'`.execute(w.store.db);
    expect((await w.sv.schools.profile("39907811")).details).toBeNull();
    await sql`update school_units set details = '{"code": ' where code = '39907811'`.execute(w.store.db);
    expect(await invalid(w.sv.schools.profile("39907811"))).toMatchObject({ column: "school_units.details" });
  });

  it("refuses a stored register sync state that is not JSON instead of reporting no sync", async () => {
    await sql`insert into kv_state (namespace, key, value, expires_at, updated_at) values ('register', 'lastSync', 'not json', null, 0)`.execute(w.store.db);
    expect(await invalid(w.sv.coverage.compute())).toMatchObject({ column: "kv_state register/lastSync" });
  });

  it("shortens a long stored value in the message", () => {
    const error = new InvalidStoredValueError("kv_state national/gy:EK", "x".repeat(500));
    expect(error.message.length).toBeLessThan(150);
    expect(error.message).toContain("kv_state national/gy:EK");
  });
});
