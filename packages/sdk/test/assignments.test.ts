import { sql } from "kysely";
import { afterAll, beforeEach, expect, it } from "vitest";
import { ForbiddenError, ValidationError } from "../src/index";
import { as, buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

describeEachStore("assignments and progress", (factory) => {
  let w: World;
  let planId: string;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
    planId = (await w.sv.assignments.createPlan({ title: "Plan Rinkebyskolan 2026", schoolUnitCode: "39907811" }, as(w.unitHead))).id;
  });
  afterAll(() => factory.cleanup());

  it("numbers assignments U-1, U-2 … and finds them by any spelling of the reference", async () => {
    const a = await w.sv.assignments.create(
      { planId, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    const b = await w.sv.assignments.create({ planId, title: "Tillgänglig lärmiljö", focusArea: "accessibility" }, as(w.unitHead));
    expect([a.ref, b.ref]).toEqual(["U-1", "U-2"]);
    expect((await w.sv.assignments.get("u2")).id).toBe(b.id);
    expect((await w.sv.assignments.get("U-1")).phase).toBe("startUp");
  });

  it("appends progress, moves the phase, and never rewrites history", async () => {
    const a = await w.sv.assignments.create(
      { planId, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: w.advisor.staffId },
      as(w.unitHead),
    );
    const first = await w.sv.assignments.logProgress("U-1", { note: "Första träffen med elevhälsoteamet", percent: 10, phase: "planning" }, as(w.advisor));
    await w.sv.assignments.logProgress(a.id, { note: "Rättelse: 15 procent", percent: 15, correctsEntryId: first.id }, as(w.advisor));
    const history = await w.sv.assignments.history("U-1");
    expect(history.map((h) => [h.note, h.percent, h.phaseChange, h.correctsEntryId])).toEqual([
      ["Första träffen med elevhälsoteamet", 10, "planning", null],
      ["Rättelse: 15 procent", 15, null, first.id],
    ]);
    expect(await w.sv.assignments.get("U-1")).toMatchObject({ phase: "planning", percent: 15 });
    // The database itself refuses to rewrite an entry.
    await expect(sql`update progress_entries set note = 'ändrad'`.execute(w.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from progress_entries`.execute(w.store.db)).rejects.toThrow(/append-only/);
    expect((await w.sv.assignments.history("U-1")).map((h) => h.note)).toEqual(["Första träffen med elevhälsoteamet", "Rättelse: 15 procent"]);
  });

  it("rejects a percent of 140 with a clear message and writes nothing", async () => {
    await w.sv.assignments.create({ planId, title: "Kartlägg frånvaron", focusArea: "attendance" }, as(w.unitHead));
    const error = await w.sv.assignments.logProgress("U-1", { note: "klart", percent: 140 }, as(w.advisor)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).localized("sv")).toBe("percent: Procent måste vara mellan 0 och 100.");
    expect((error as ValidationError).localized("en")).toBe("percent: Percent must be from 0 to 100.");
    expect(await w.sv.assignments.history("U-1")).toEqual([]);
    expect(await w.sv.audit.list({ entityType: "assignment", limit: 10 })).toHaveLength(1); // only the creation
  });

  it("lets only the responsible advisor, a unit head or an admin log progress, change the phase or complete", async () => {
    await w.sv.assignments.create({ planId, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: w.advisor.staffId }, as(w.unitHead));
    for (const input of [
      { note: "Jag tar över" },
      { note: "Ny fas", phase: "implementation" as const },
      { note: "Klart", phase: "completed" as const, percent: 100 },
    ]) {
      const error = await w.sv.assignments.logProgress("U-1", input, as(w.advisor2, "slack")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).localized("sv")).toBe(
        "Du är inte ansvarig för U-1 och kan inte logga framsteg eller ändra fas där. Be den ansvariga eller en enhetschef.",
      );
      expect((error as ForbiddenError).localized("en")).toBe(
        "You are not responsible for U-1 and cannot log progress or change its phase. Ask the responsible staff member or a unit head.",
      );
    }
    await expect(w.sv.assignments.checkMayLogProgress("U-1", as(w.advisor2))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await w.sv.assignments.history("U-1")).toEqual([]);
    expect(await w.sv.assignments.get("U-1")).toMatchObject({ phase: "startUp" });
    await expect(w.sv.assignments.checkMayLogProgress("U-1", as(w.advisor))).resolves.toBeUndefined();
    await w.sv.assignments.logProgress("U-1", { note: "Igång", phase: "planning" }, as(w.advisor));
    await w.sv.assignments.logProgress("U-1", { note: "Chefen kliver in", phase: "implementation" }, as(w.unitHead));
    await w.sv.assignments.logProgress("U-1", { note: "Avslutat", phase: "completed" }, as(w.admin));
    expect((await w.sv.assignments.history("U-1")).map((h) => h.authorStaffId)).toEqual([w.advisor.staffId, w.unitHead.staffId, w.admin.staffId]);
    expect(await w.sv.assignments.get("U-1")).toMatchObject({ phase: "completed" });
    // An assignment nobody is responsible for is a unit head's to start.
    await w.sv.assignments.create({ planId, title: "Utan ansvarig", focusArea: "other" }, as(w.unitHead));
    await expect(w.sv.assignments.logProgress("U-2", { note: "x" }, as(w.advisor))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("needs at least the advisor role to log progress, even on an assignment one is responsible for", async () => {
    await w.sv.assignments.create({ planId, title: "Läsbehörig ansvarig", focusArea: "other", responsibleStaffId: w.viewer.staffId }, as(w.unitHead));
    const error = await w.sv.assignments.logProgress("U-1", { note: "x" }, as(w.viewer)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).localized("en")).toBe("You (Vera Viewer, viewer) may not log progress. That needs at least the advisor role.");
    await expect(w.sv.assignments.checkMayLogProgress("U-1", as(w.viewer))).rejects.toThrow(/advisor role/);
    expect(await w.sv.assignments.history("U-1")).toEqual([]);
  });

  it("lets only unit heads create assignments", async () => {
    await expect(w.sv.assignments.create({ planId, title: "X", focusArea: "other" }, as(w.advisor))).rejects.toThrow(/unit head/);
  });

  it("lists stale assignments with the days since their last entry", async () => {
    w.setNow("2026-11-01T09:00:00+01:00");
    await w.sv.assignments.create({ planId, title: "Tyst uppdrag", focusArea: "pupilHealth", responsibleStaffId: w.advisor.staffId }, as(w.unitHead));
    await w.sv.assignments.create({ planId, title: "Aktivt uppdrag", focusArea: "attendance", responsibleStaffId: w.advisor.staffId }, as(w.unitHead));
    w.setNow("2026-11-20T09:00:00+01:00");
    await w.sv.assignments.logProgress("U-2", { note: "Workshop hållen" }, as(w.advisor));
    w.setNow("2026-11-23T09:00:00+01:00");
    const stale = await w.sv.assignments.stale("2026-11-09T09:00:00+01:00");
    expect(stale.map((s) => [s.assignment.ref, s.daysSilent])).toEqual([["U-1", 22]]);
  });
});
