import { afterAll, beforeEach, expect, it } from "vitest";
import { sql } from "kysely";
import { createSamverkan, ForbiddenError, ValidationError } from "../src/index";
import { as, buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

describeEachStore("contact persons and minutes", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  const anna = { name: "Anna Berg", role: "förvaltningschef", email: "anna.berg@stockholm.se", phone: "08-508 000 00" };

  it("adds, lists, updates and removes contact persons, auditing without personal data", async () => {
    const added = await w.sv.contacts.add({ organizerId: w.organizerId, ...anna }, as(w.advisor));
    expect(added).toMatchObject({ ...anna, organizerId: w.organizerId, notes: "" });
    await w.sv.contacts.add({ organizerId: w.organizerId, name: "Bo Ek", role: "rektor" }, as(w.advisor));
    expect((await w.sv.contacts.list(w.organizerId, as(w.viewer))).map((c) => c.name)).toEqual(["Anna Berg", "Bo Ek"]);
    const updated = await w.sv.contacts.update(added.id, { role: "skolchef", phone: null }, as(w.advisor));
    expect(updated).toMatchObject({ role: "skolchef", phone: null, email: anna.email });
    await w.sv.contacts.remove(added.id, as(w.advisor));
    expect((await w.sv.contacts.list(w.organizerId, as(w.advisor))).map((c) => c.name)).toEqual(["Bo Ek"]);
    const audit = await w.sv.audit.list({ entityType: "contact", entityId: added.id });
    expect(audit.map((a) => a.action)).toEqual(["contact.remove", "contact.update", "contact.add"]);
    expect(audit[1]!.details).toEqual({ organizerId: w.organizerId, fields: ["role", "phone"] });
    expect(JSON.stringify(audit)).not.toMatch(/Anna|Berg|stockholm\.se|508 000/);
  });

  it("refuses a viewer who adds a contact, and anyone not on the staff who reads them", async () => {
    await expect(w.sv.contacts.add({ organizerId: w.organizerId, ...anna }, as(w.viewer))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.sv.contacts.list(w.organizerId, as({ staffId: "nobody" }))).rejects.toThrow(/not registered/);
    expect((await w.sv.contacts.list(w.organizerId, as(w.advisor))).length).toBe(0);
  });

  it("explains bad input in Swedish", async () => {
    const error = await w.sv.contacts
      .add({ organizerId: w.organizerId, name: " ", role: "rektor", email: "anna@", phone: "ring mig" }, as(w.advisor))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(["name", "email", "phone"]);
    expect((error as ValidationError).localized("sv")).toContain("Ange kontaktpersonens namn.");
  });

  it("links contacts to a dialogue and erases a person everywhere, keeping an audit entry without the name", async () => {
    const contact = await w.sv.contacts.add({ organizerId: w.organizerId, ...anna, notes: "Föredrar mejl" }, as(w.advisor));
    const other = await w.sv.contacts.add({ organizerId: w.organizer2Id, name: "Greta Göteborg", role: "rektor" }, as(w.advisor));
    const dialogue = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await expect(w.sv.contacts.setForDialogue(dialogue.id, [other.id], as(w.advisor))).rejects.toThrow(/must belong to the dialogue's organizer/);
    expect((await w.sv.contacts.setForDialogue(dialogue.id, [contact.id], as(w.advisor))).map((c) => c.name)).toEqual(["Anna Berg"]);
    await expect(w.sv.contacts.erase(contact.id, as(w.advisor))).rejects.toBeInstanceOf(ForbiddenError);
    await w.sv.contacts.erase(contact.id, as(w.unitHead));
    expect(await w.sv.contacts.forDialogue(dialogue.id, as(w.advisor))).toEqual([]);
    expect(await w.sv.contacts.list(w.organizerId, as(w.advisor))).toEqual([]);
    const rows = await w.store.db.selectFrom("organizer_contacts").selectAll().where("name", "=", "Anna Berg").execute();
    expect(rows).toEqual([]);
    const audit = await w.sv.audit.list({ limit: 1000 });
    expect(audit.find((a) => a.action === "contact.erase")).toMatchObject({
      entityId: contact.id,
      actorStaffId: w.unitHead.staffId,
      details: { organizerId: w.organizerId, dialogueLinksRemoved: 1 },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Anna|Berg|Föredrar|508 000/);
  });

  it("records minutes once: topics, agreed actions as assignments U-n in the organizer's plan, and the next date", async () => {
    const dialogue = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-23T10:00", durationMinutes: 60 }, as(w.unitHead));
    w.setNow("2026-11-23T12:00:00+01:00");
    const recorded = await w.sv.minutes.record(
      dialogue.id,
      {
        topics: ["Elevhälsa", "närvaro"],
        notes: "Bra samtal om frånvaron.",
        actions: [
          {
            title: "Kartlägg frånvaron i åk 7–9",
            createAssignment: true,
            responsibleStaffId: w.advisor.staffId,
            dueDate: "2027-03-31",
            focusArea: "attendance",
          },
          { title: "Skicka rapporten Att vända frånvaro till närvaro" },
        ],
        nextDialogueDate: "2027-03-15",
      },
      as(w.unitHead),
    );
    expect(recorded.followUp).toEqual({ organizerId: w.organizerId, followsUpId: dialogue.id, date: "2027-03-15" });
    expect(recorded.minutes).toMatchObject({ topics: ["elevhälsa", "närvaro"], notes: "Bra samtal om frånvaron.", nextDialogueDate: "2027-03-15" });
    const [first, second] = recorded.minutes.actions;
    expect(first).toMatchObject({ assignmentRef: "U-1", responsibleStaffId: w.advisor.staffId, dueDate: "2027-03-31" });
    expect(second).toMatchObject({ assignmentRef: null, assignmentId: null });
    const assignment = await w.sv.assignments.get("U-1");
    const plan = (await w.sv.assignments.listPlans()).find((p) => p.id === assignment.planId);
    expect(plan).toMatchObject({ title: "Plan Stockholms kommun", organizerId: w.organizerId, schoolUnitCode: null });
    expect(assignment).toMatchObject({ title: "Kartlägg frånvaron i åk 7–9", focusArea: "attendance", responsibleStaffId: w.advisor.staffId });
    expect((await w.sv.dialogues.get(dialogue.id)).status).toBe("held");

    const again = await w.sv.minutes.record(dialogue.id, { notes: "Nytt försök" }, as(w.unitHead)).catch((e: unknown) => e);
    expect((again as ValidationError).localized("sv")).toContain("Protokoll skrivs inte om");
    await expect(sql`update dialogue_minutes set notes = 'ändrat'`.execute(w.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from dialogue_actions`.execute(w.store.db)).rejects.toThrow(/append-only/);
    expect((await w.sv.minutes.get(dialogue.id))?.notes).toBe("Bra samtal om frånvaron.");

    const followUp = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2027-03-15T10:00", durationMinutes: 60, followsUpId: dialogue.id },
      as(w.unitHead),
    );
    expect(followUp.followsUpId).toBe(dialogue.id);
  });

  it("refuses minutes before the dialogue, unknown topics, and assignments from an advisor", async () => {
    const dialogue = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-24T10:00", durationMinutes: 60 }, as(w.advisor));
    await expect(w.sv.minutes.record(dialogue.id, { notes: "x" }, as(w.advisor))).rejects.toThrow(/not started yet/);
    w.setNow("2026-11-24T12:00:00+01:00");
    await expect(w.sv.minutes.record(dialogue.id, { topics: ["golf"] }, as(w.advisor))).rejects.toThrow(/Unknown topic: golf/);
    await expect(w.sv.minutes.record(dialogue.id, { actions: [{ title: "Gör något", createAssignment: true }] }, as(w.advisor))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(w.sv.minutes.record(dialogue.id, { notes: "x" }, as(w.advisor2))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await w.sv.minutes.get(dialogue.id)).toBeUndefined();
    expect((await w.sv.counts()).assignments).toBe(0);
    const ok = await w.sv.minutes.record(dialogue.id, { topics: ["ledarskap"], actions: [{ title: "Gör något" }] }, as(w.advisor));
    expect(ok.minutes.actions).toHaveLength(1);
  });

  it("does not book dialogues on Swedish public holidays, and offers no slots on them", async () => {
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, digital: true, start: "2026-12-24T10:00", durationMinutes: 60 }, as(w.advisor))
      .catch((e: unknown) => e);
    expect((error as ValidationError).localized("sv")).toBe("2026-12-24 är julafton, en helgdag. Dialoger bokas på arbetsdagar.");
    const slots = await w.sv.dialogues.availability({
      staffIds: [w.advisor.staffId],
      from: "2026-12-23T17:00",
      to: "2026-12-29T00:00",
      stepMinutes: 60,
      durationMinutes: 60,
      limit: 200,
    });
    expect([...new Set(slots.map((s) => s.start.slice(0, 10)))]).toEqual(["2026-12-28"]);
  });
});

describeEachStore("dialogue briefing", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  const result = (code: string, year: string, metric: string, value: number | null, kind = "number") => ({
    school_unit_code: code,
    school_year: year,
    metric,
    kind: value === null ? "hidden" : kind,
    value,
    raw: value === null ? ".." : String(value),
    value_type: null,
    source: "test",
  });

  it("brings results against the national figure with trend, flags, minutes, assignments and contacts together", async () => {
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await w.sv.schools.upsert(
      { code: "12345678", name: "Annan skola", municipalityCode: "1480", organizerId: w.organizer2Id, typesOfSchooling: ["gr"] },
      system,
    );
    await w.store.db
      .insertInto("school_results")
      .values([
        result("39907811", "2023/24", "meritValue", 190),
        result("39907811", "2024/25", "meritValue", 182.5),
        result("39907811", "2024/25", "pupils", 100),
        result("39907811", "2024/25", "shareAllSubjects", null),
        result("12345678", "2024/25", "meritValue", 250),
        result("12345678", "2024/25", "pupils", 300),
      ])
      .execute();
    await w.sv.contacts.add({ organizerId: w.organizerId, name: "Anna Berg", role: "förvaltningschef" }, as(w.advisor));
    const held = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-23T08:00", durationMinutes: 60 }, as(w.unitHead));
    const next = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.unitHead));
    w.setNow("2026-11-23T10:00:00+01:00");
    await w.sv.minutes.record(
      held.id,
      {
        topics: ["närvaro"],
        notes: "Fokus på frånvaro.",
        actions: [{ title: "Kartlägg frånvaron", createAssignment: true, responsibleStaffId: w.advisor.staffId }],
      },
      as(w.unitHead),
    );
    await w.sv.assignments.logProgress("U-1", { note: "Enkät skickad", percent: 20 }, as(w.advisor));

    const b = await w.sv.briefing.forOrganizer(w.organizerId, as(w.viewer));
    expect(b.organizer).toMatchObject({ name: "Stockholms kommun", municipalityName: "Stockholm" });
    expect(b.upcoming?.id).toBe(next.id);
    expect(b.units).toHaveLength(1);
    const [unit] = b.units;
    expect(unit).toMatchObject({ code: "39907811", flaggedFor: ["meritValue"] });
    // National 2024/25: (182.5·100 + 250·300) / 400 = 233.1
    expect(unit!.results.find((r) => r.metric === "meritValue")).toEqual({
      metric: "meritValue",
      latest: { schoolYear: "2024/25", value: 182.5, national: 233.1 },
      history: [
        { schoolYear: "2023/24", value: 190 },
        { schoolYear: "2024/25", value: 182.5 },
      ],
      change: -7.5,
      threshold: 190,
    });
    // An import moves the national figure at once, on every instance: (182.5·100 + 250·300 + 150·100) / 500 = 216.5.
    const otherInstance = createSamverkan({ store: w.store, clock: () => new Date("2026-11-23T10:00:00+01:00") });
    await otherInstance.briefing.forOrganizer(w.organizerId, as(w.viewer));
    await w.sv.schools.upsert(
      { code: "23456789", name: "Tredje skolan", municipalityCode: "1480", organizerId: w.organizer2Id, typesOfSchooling: ["gr"] },
      system,
    );
    await w.store.db
      .insertInto("school_results")
      .values([result("23456789", "2024/25", "meritValue", 150), result("23456789", "2024/25", "pupils", 100)])
      .execute();
    for (const instance of [w.sv, otherInstance]) {
      const again = await instance.briefing.forOrganizer(w.organizerId, as(w.viewer));
      expect(again.units[0]!.results.find((r) => r.metric === "meritValue")?.latest).toEqual({ schoolYear: "2024/25", value: 182.5, national: 216.5 });
    }
    expect(unit!.results.find((r) => r.metric === "shareAllSubjects")).toMatchObject({ latest: null, history: [] });
    expect(b.pastDialogues.map((d) => [d.dialogue.id, d.minutes?.notes, d.actions.map((a) => [a.assignmentRef, a.phase])])).toEqual([
      [held.id, "Fokus på frånvaro.", [["U-1", "startUp"]]],
    ]);
    expect(b.assignments.map((a) => [a.assignment.ref, a.planTitle, a.assignment.percent, a.latestNote])).toEqual([
      ["U-1", "Plan Stockholms kommun", 20, "Enkät skickad"],
    ]);
    expect(b.contacts.map((c) => c.name)).toEqual(["Anna Berg"]);
    await expect(w.sv.briefing.forOrganizer(w.organizerId, as({ staffId: "nobody" }))).rejects.toThrow(/not registered/);
  });

  it("lists open assignments from the organizer's own plans and its units' plans, newest note each, not other organizers'", async () => {
    await w.sv.schools.upsert(
      { code: "12345678", name: "Annan skola", municipalityCode: "1480", organizerId: w.organizer2Id, typesOfSchooling: ["gr"] },
      { actor: { system: "test" }, channel: "system" },
    );
    const own = await w.sv.assignments.createPlan({ title: "Huvudmannens plan", organizerId: w.organizerId }, as(w.unitHead));
    const unitPlan = await w.sv.assignments.createPlan({ title: "Skolans plan", schoolUnitCode: "39907811" }, as(w.unitHead));
    const other = await w.sv.assignments.createPlan({ title: "Annans plan", schoolUnitCode: "12345678" }, as(w.unitHead));
    const a = await w.sv.assignments.create(
      { planId: own.id, title: "Elevhälsa", focusArea: "pupilHealth", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    const b = await w.sv.assignments.create(
      { planId: unitPlan.id, title: "Närvaro", focusArea: "attendance", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    await w.sv.assignments.create({ planId: other.id, title: "Inte vår", focusArea: "other" }, as(w.unitHead));
    await w.sv.assignments.logProgress(b.ref, { note: "Första", percent: 10 }, as(w.advisor));
    await w.sv.assignments.logProgress(b.ref, { note: "Andra", percent: 30 }, as(w.advisor));

    const briefing = await w.sv.briefing.forOrganizer(w.organizerId, as(w.viewer));
    expect(briefing.assignments.map((x) => [x.assignment.ref, x.planTitle, x.latestNote])).toEqual([
      [a.ref, "Huvudmannens plan", null],
      [b.ref, "Skolans plan", "Andra"],
    ]);
  });
});
