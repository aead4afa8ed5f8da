import { afterAll, beforeEach, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../src/index";
import { as, buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

describeEachStore("dialogues", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  it("books a dialogue at an office and reads it back in Swedish time", async () => {
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, officeId: "Solna", start: "2026-12-03T14:00", durationMinutes: 90, topics: ["elevhälsa"] },
      as(w.advisor),
    );
    expect(d).toMatchObject({
      start: "2026-12-03T14:00:00+01:00",
      end: "2026-12-03T15:30:00+01:00",
      officeId: "solna",
      status: "booked",
      staffIds: [w.advisor.staffId],
    });
    const audit = await w.sv.audit.list({ entityType: "dialogue", entityId: d.id });
    expect(audit.map((a) => a.action)).toEqual(["dialogue.book"]);
    expect(audit[0]).toMatchObject({ actorStaffId: w.advisor.staffId, channel: "api" });
  });

  it("lets exactly one of 100 concurrent overlapping bookings of the same advisor win", async () => {
    const attempts = Array.from({ length: 100 }, (_, i) =>
      w.sv.dialogues.book(
        {
          organizerId: i % 2 ? w.organizerId : w.organizer2Id,
          digital: true,
          start: `2026-12-07T10:${String((i % 6) * 10).padStart(2, "0")}`,
          durationMinutes: 120,
        },
        as(w.advisor),
      ),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError);
    const other = results.filter((r) => r.status === "rejected" && !(r.reason instanceof ConflictError));
    expect(other.map((r) => (r as PromiseRejectedResult).reason)).toEqual([]);
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(99);
    expect((await w.sv.dialogues.listUpcoming({ staffId: w.advisor.staffId })).length).toBe(1);
  });

  it("refuses an overlapping booking for the same staff member with a Swedish explanation", async () => {
    await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", end: "2026-12-03T11:00" }, as(w.advisor));
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T10:30", end: "2026-12-03T11:30" }, as(w.advisor))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).localized("sv")).toContain("Karin Lind är upptagen 2026-12-03 10:00–11:00");
    expect((error as ConflictError).code).toBe("conflict");
  });

  it("treats back-to-back meetings as no overlap", async () => {
    await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", end: "2026-12-03T11:00" }, as(w.advisor));
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T11:00", end: "2026-12-03T12:00" }, as(w.advisor)),
    ).resolves.toBeDefined();
  });

  it("never double-books an office, even for different staff", async () => {
    await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "goteborg", start: "2026-12-04T09:00", durationMinutes: 60 }, as(w.advisor));
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizer2Id, officeId: "Göteborg", start: "2026-12-04T09:30", durationMinutes: 60 }, as(w.advisor2))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflicts[0]?.resource).toMatchObject({ kind: "office", id: "goteborg" });
  });

  it("keeps the local wall-clock time for a booking across the last Sunday of October", async () => {
    w.setNow("2026-10-20T08:00:00+02:00");
    const before = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-10-23T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(before.start).toBe("2026-10-23T10:00:00+02:00");
    const moved = await w.sv.dialogues.reschedule(before.id, { start: "2026-10-30T10:00" }, as(w.advisor));
    expect(moved.start).toBe("2026-10-30T10:00:00+01:00");
    expect(moved.end).toBe("2026-10-30T11:00:00+01:00");
    const after = await w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-10-26T09:00", durationMinutes: 480 }, as(w.advisor2));
    expect([after.start, after.end]).toEqual(["2026-10-26T09:00:00+01:00", "2026-10-26T17:00:00+01:00"]);
  });

  it("rejects an end before the start, and writes nothing", async () => {
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T14:00", end: "2026-12-03T13:00" }, as(w.advisor))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).localized("sv")).toBe("Sluttiden måste vara efter starttiden.");
    expect((error as ValidationError).issues[0]?.field).toBe("end");
    expect((await w.sv.counts()).dialogues).toBe(0);
    expect(await w.sv.audit.list({ entityType: "dialogue" })).toEqual([]);
  });

  it("keeps dialogues inside working hours on weekdays", async () => {
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T16:30", durationMinutes: 60 }, as(w.advisor)),
    ).rejects.toThrow(/working hours, 08:00–17:00/);
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-05T10:00", durationMinutes: 60 }, as(w.advisor)),
    ).rejects.toThrow(/working days/);
  });

  it("refuses a dialogue at an office before it opens", async () => {
    w.setNow("2023-03-01T09:00:00+01:00");
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, officeId: "goteborg", start: "2023-03-08T10:00", durationMinutes: 60 }, as(w.advisor))
      .catch((e: unknown) => e);
    expect((error as ValidationError).localized("sv")).toContain("Regionkontoret i Göteborg öppnar 2024-01-01");
  });

  it("does not let a viewer book", async () => {
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.viewer))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).localized("sv")).toBe(
      "Du (Vera Viewer, läsbehörighet) får inte boka kvalitetsdialoger. Det kräver minst rollen rådgivare.",
    );
    expect((error as ForbiddenError).localized("en")).toBe("You (Vera Viewer, viewer) may not book quality dialogues. That needs at least the advisor role.");
    expect((await w.sv.counts()).dialogues).toBe(0);
  });

  it("lets a system job book for named staff, recorded as the job, but never a dialogue without participants", async () => {
    const job = { actor: { system: "test" }, channel: "system" } as const;
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [w.advisor.staffId] },
      job,
    );
    expect(d.staffIds).toEqual([w.advisor.staffId]);
    expect((await w.sv.audit.list({ entityType: "dialogue", entityId: d.id }))[0]).toMatchObject({ actorStaffId: null, actorLabel: "system:test" });
    // A job has no staff id of its own to fall back on.
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, digital: true, start: "2026-12-04T10:00", durationMinutes: 60 }, job)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).localized("sv")).toBe("Ange minst en deltagande medarbetare.");
    expect((error as ValidationError).localized("en")).toBe("Name at least one participating staff member.");
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(["staffIds"]);
    expect((await w.sv.counts()).dialogues).toBe(1);
  });

  it("reports a clash with a staff member's dialogue elsewhere, or a digital one, as the staff member's and not the office's", async () => {
    const elsewhere = await w.sv.dialogues.book(
      { organizerId: w.organizerId, officeId: "goteborg", start: "2026-12-03T10:00", durationMinutes: 60 },
      as(w.advisor),
    );
    const digital = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, officeId: "solna", start: "2026-12-04T10:00", durationMinutes: 60 },
      as(w.advisor),
    );
    for (const [d, day] of [
      [elsewhere, "2026-12-03"],
      [digital, "2026-12-04"],
    ] as const) {
      const conflicts = await w.sv.dialogues.conflicts({ start: `${day}T10:00`, end: `${day}T11:00`, staffIds: [w.advisor.staffId], officeId: "solna" });
      expect(conflicts.map((c) => [c.dialogueId, c.resource.kind, c.resource.id])).toEqual([[d.id, "staff", w.advisor.staffId]]);
    }
  });

  it("cancels, frees the slot and records who did it", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await expect(w.sv.dialogues.cancel(d.id, { reason: "sjukdom" }, as(w.advisor2))).rejects.toBeInstanceOf(ForbiddenError);
    const cancelled = await w.sv.dialogues.cancel(d.id, { reason: "sjukdom" }, as(w.advisor, "slack"));
    expect(cancelled.status).toBe("cancelled");
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor)),
    ).resolves.toBeDefined();
    const audit = await w.sv.audit.list({ entityId: d.id });
    expect(audit[0]).toMatchObject({ action: "dialogue.cancel", channel: "slack", details: { reason: "sjukdom" } });
  });

  it("suggests free slots around existing bookings", async () => {
    await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-24T08:00", end: "2026-11-24T12:00" }, as(w.advisor));
    const slots = await w.sv.dialogues.availability({ staffIds: [w.advisor.staffId], from: "2026-11-24T08:00", durationMinutes: 60, limit: 3 });
    expect(slots.map((s) => s.start)).toEqual(["2026-11-24T12:00:00+01:00", "2026-11-24T12:30:00+01:00", "2026-11-24T13:00:00+01:00"]);
  });

  it("lets an advisor book only dialogues they take part in; unit heads and admins book for others", async () => {
    const forOthers = await w.sv.dialogues
      .book(
        { organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [w.advisor2.staffId] },
        as(w.advisor, "teams"),
      )
      .catch((e: unknown) => e);
    expect(forOthers).toBeInstanceOf(ForbiddenError);
    expect((forOthers as ForbiddenError).localized("sv")).toBe(
      "Du kan bara boka dialoger som du själv deltar i. Lägg till dig som deltagare, eller be en enhetschef boka.",
    );
    expect((forOthers as ForbiddenError).localized("en")).toBe(
      "You can only book dialogues you take part in yourself. Add yourself as a participant, or ask a unit head to book.",
    );
    expect((await w.sv.counts()).dialogues).toBe(0);
    const together = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [w.advisor2.staffId, w.advisor.staffId] },
      as(w.advisor),
    );
    expect(together.staffIds).toHaveLength(2);
    const byHead = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-12-04T10:00", durationMinutes: 60, staffIds: [w.advisor2.staffId] },
      as(w.unitHead),
    );
    expect(byHead.staffIds).toEqual([w.advisor2.staffId]);
    await expect(
      w.sv.dialogues.book(
        { organizerId: w.organizerId, digital: true, start: "2026-12-07T10:00", durationMinutes: 60, staffIds: [w.advisor.staffId] },
        as(w.admin),
      ),
    ).resolves.toBeDefined();
  });

  it("lets only the booker, a participant, a unit head or an admin reschedule, cancel or mark held", async () => {
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-11-24T10:00", durationMinutes: 60, staffIds: [w.advisor.staffId] },
      as(w.unitHead),
    );
    for (const attempt of [
      () => w.sv.dialogues.reschedule(d.id, { start: "2026-11-25T10:00" }, as(w.advisor2)),
      () => w.sv.dialogues.cancel(d.id, {}, as(w.advisor2)),
      () => w.sv.dialogues.markHeld(d.id, {}, as(w.advisor2)),
      () => w.sv.dialogues.checkMayChange(d.id, as(w.advisor2)),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).localized("sv")).toBe("Du kan bara ändra dialoger som du bokat eller deltar i. Be en enhetschef om hjälp.");
      expect((error as ForbiddenError).localized("en")).toBe("You can only change dialogues you booked or take part in. Ask a unit head for help.");
    }
    await expect(w.sv.dialogues.checkMayChange(d.id, as(w.viewer))).rejects.toThrow(/advisor role/);
    expect(await w.sv.dialogues.get(d.id)).toMatchObject({ start: "2026-11-24T10:00:00+01:00", status: "booked" });
    // The participant (not the booker) may.
    await expect(w.sv.dialogues.checkMayChange(d.id, as(w.advisor))).resolves.toBeUndefined();
    expect((await w.sv.dialogues.reschedule(d.id, { start: "2026-11-25T10:00" }, as(w.advisor))).start).toBe("2026-11-25T10:00:00+01:00");
    // So may an admin.
    expect((await w.sv.dialogues.cancel(d.id, {}, as(w.admin))).status).toBe("cancelled");
  });

  it("moves a dialogue onto part of its own old slot (it does not conflict with itself)", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "solna", start: "2026-12-03T10:00", end: "2026-12-03T11:00" }, as(w.advisor));
    const moved = await w.sv.dialogues.reschedule(d.id, { start: "2026-12-03T10:30" }, as(w.advisor));
    expect([moved.start, moved.end]).toEqual(["2026-12-03T10:30:00+01:00", "2026-12-03T11:30:00+01:00"]);
    expect(
      await w.sv.dialogues.conflicts({ start: "2026-12-03T10:00", end: "2026-12-03T11:00", staffIds: [w.advisor.staffId], officeId: "solna", excludeId: d.id }),
    ).toEqual([]);
    // Someone else's dialogue in the old slot still conflicts.
    const other = await w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T13:00", end: "2026-12-03T14:00" }, as(w.advisor));
    await expect(w.sv.dialogues.reschedule(other.id, { start: "2026-12-03T11:00" }, as(w.advisor))).rejects.toBeInstanceOf(ConflictError);
  });

  it("treats a new dialogue ending exactly when another starts as no overlap, and one minute more as a clash", async () => {
    await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "solna", start: "2026-12-03T11:00", end: "2026-12-03T12:00" }, as(w.advisor));
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T10:00", end: "2026-12-03T11:00" }, as(w.advisor)),
    ).resolves.toBeDefined();
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, officeId: "solna", start: "2026-12-03T12:00", end: "2026-12-03T13:00" }, as(w.advisor2)),
    ).resolves.toBeDefined();
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T13:30", end: "2026-12-03T14:31" }, as(w.advisor)),
    ).resolves.toBeDefined();
    const clash = await w.sv.dialogues
      .book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T14:30", end: "2026-12-03T15:00" }, as(w.advisor))
      .catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ConflictError);
  });

  it("finds a long dialogue that started hours before the new one, and reports each clash once", async () => {
    const long = await w.sv.dialogues.book(
      { organizerId: w.organizerId, officeId: "solna", start: "2026-12-03T08:00", end: "2026-12-03T16:00", staffIds: [w.advisor.staffId, w.advisor2.staffId] },
      as(w.unitHead),
    );
    const conflicts = await w.sv.dialogues.conflicts({
      start: "2026-12-03T15:00",
      end: "2026-12-03T15:30",
      staffIds: [w.advisor.staffId, w.advisor2.staffId],
      officeId: "solna",
    });
    expect(conflicts.map((c) => [c.dialogueId, c.resource.kind, c.resource.id]).sort()).toEqual(
      [
        [long.id, "office", "solna"],
        [long.id, "staff", w.advisor.staffId],
        [long.id, "staff", w.advisor2.staffId],
      ].sort(),
    );
    // Only the resources asked about: the office alone, or one of the two participants.
    expect(
      (await w.sv.dialogues.conflicts({ start: "2026-12-03T15:00", end: "2026-12-03T15:30", staffIds: [], officeId: "solna" })).map((c) => c.resource.kind),
    ).toEqual(["office"]);
    expect(
      (await w.sv.dialogues.conflicts({ start: "2026-12-03T15:00", end: "2026-12-03T15:30", staffIds: [w.advisor2.staffId] })).map((c) => c.resource.id),
    ).toEqual([w.advisor2.staffId]);
    expect(await w.sv.dialogues.conflicts({ start: "2026-12-03T15:00", end: "2026-12-03T15:30", staffIds: [w.unitHead.staffId] })).toEqual([]);
    expect(await w.sv.dialogues.conflicts({ start: "2026-12-03T16:00", end: "2026-12-03T16:30", staffIds: [w.advisor.staffId], officeId: "solna" })).toEqual(
      [],
    );
  });

  it("does not let a digital dialogue block the office it names", async () => {
    await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, officeId: "goteborg", start: "2026-12-04T09:00", durationMinutes: 60 },
      as(w.advisor),
    );
    await expect(
      w.sv.dialogues.book({ organizerId: w.organizer2Id, officeId: "goteborg", start: "2026-12-04T09:00", durationMinutes: 60 }, as(w.advisor2)),
    ).resolves.toBeDefined();
  });

  it("lets the booker change a dialogue they do not take part in, even after losing the unit head role", async () => {
    const d = await w.sv.dialogues.book(
      { organizerId: w.organizerId, digital: true, start: "2026-11-24T10:00", durationMinutes: 60, staffIds: [w.advisor.staffId] },
      as(w.unitHead),
    );
    await w.sv.staff.setRole(w.unitHead.staffId, "advisor", as(w.admin));
    expect((await w.sv.dialogues.cancel(d.id, {}, as(w.unitHead))).status).toBe("cancelled");
  });

  it("tells a staff member who is not registered to ask an administrator", async () => {
    const error = await w.sv.dialogues
      .book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as({ staffId: "nobody" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ entity: "staff", id: "nobody" });
    expect((error as NotFoundError).localized("sv")).toBe("Medarbetaren nobody finns inte i Samverkan. Be en administratör lägga till dig.");
    expect((error as NotFoundError).localized("en")).toBe("Staff member nobody is not registered in Samverkan. Ask an administrator to add you.");
  });

  it("marks a dialogue held only after it started", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-11-24T10:00", durationMinutes: 60 }, as(w.advisor));
    await expect(w.sv.dialogues.markHeld(d.id, {}, as(w.advisor))).rejects.toThrow(/not started/);
    w.setNow("2026-11-24T11:00:00+01:00");
    expect((await w.sv.dialogues.markHeld(d.id, { notes: "Bra samtal" }, as(w.advisor))).status).toBe("held");
  });
});
