import { afterAll, beforeAll, expect, it } from "vitest";
import { as, asIn, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";
import { syntheticExport } from "../data/support";

await storesReady;

const system = { actor: { system: "test" }, channel: "system" } as const;
const channel = { platform: "slack", teamId: "T0001", channelId: "C0WRITES" } as const;

/**
 * Every write the SDK offers, in order, on a SQLite file and on PostgreSQL. A service that
 * reads through the store's `db` while its own transaction is open hangs on SQLite (the
 * transaction holds the only connection) and reads stale data on PostgreSQL; the store
 * now refuses such a query at once, so any such path fails here by name.
 */
describeEachStore(
  "every write path",
  (factory) => {
    let w: World;
    let dialogueId = "";
    let assignmentRef = "";
    let subscriptionRef = "";

    beforeAll(async () => {
      // staff.create, municipalities.upsert, organizers.upsert and schools.upsert run here.
      w = await buildWorld(await factory.open());
    });
    afterAll(async () => {
      await w.store.close();
      await factory.cleanup();
    });

    it("staff: link a chat account and change a role", async () => {
      const linked = await w.sv.staff.linkIdentity(w.advisor2.staffId, { platform: "teams", tenantId: "tenant-1", aadObjectId: "aad-omar" }, as(w.admin));
      expect(linked.identities).toEqual([{ platform: "teams", tenantId: "tenant-1", aadObjectId: "aad-omar" }]);
      expect((await w.sv.staff.setRole(w.viewer.staffId, "advisor", as(w.admin))).role).toBe("advisor");
    });

    it("directory: upserts that change and that change nothing", async () => {
      expect(await w.sv.municipalities.upsert([{ code: "0180", name: "Stockholm", countyCode: "01" }], system)).toEqual({ added: 0, updated: 0, unchanged: 1 });
      const organizer = await w.sv.organizers.upsert(
        { organizationNumber: "2120000142", name: "Stockholms stad", type: "municipal", municipalityCode: "0180" },
        system,
      );
      expect(organizer.name).toBe("Stockholms stad");
      const school = await w.sv.schools.upsert(
        { code: "39907811", name: "Rinkebyskolan F-9", municipalityCode: "0180", organizerId: organizer.id, typesOfSchooling: ["gr"] },
        system,
      );
      expect(school.name).toBe("Rinkebyskolan F-9");
    });

    it("dialogues: book, reschedule, cancel, and mark one held", async () => {
      const booked = await w.sv.dialogues.book(
        { organizerId: w.organizerId, start: "2026-12-01T10:00", durationMinutes: 60, officeId: "solna" },
        as(w.advisor),
      );
      dialogueId = booked.id;
      const moved = await w.sv.dialogues.reschedule(booked.id, { start: "2026-12-02T13:00" }, as(w.advisor));
      expect(moved.start).toBe("2026-12-02T13:00:00+01:00");
      expect((await w.sv.dialogues.cancel(booked.id, { reason: "Sjukdom" }, as(w.advisor))).status).toBe("cancelled");
      const held = await w.sv.dialogues.book({ organizerId: w.organizer2Id, start: "2026-11-24T09:00", durationMinutes: 60, digital: true }, as(w.advisor));
      w.setNow("2026-11-24T11:00:00+01:00");
      expect((await w.sv.dialogues.markHeld(held.id, { notes: "Bra samtal" }, as(w.advisor))).status).toBe("held");
    });

    it("assignments: plan, create, assign, log progress and a correction", async () => {
      const plan = await w.sv.assignments.createPlan({ title: "Plan Rinkeby", organizerId: w.organizerId, schoolUnitCode: "39907811" }, as(w.unitHead));
      const created = await w.sv.assignments.create({ planId: plan.id, title: "Närvaro", agency: "spsm", focusArea: "attendance" }, as(w.unitHead));
      assignmentRef = created.ref;
      expect((await w.sv.assignments.assign(created.ref, w.advisor.staffId, as(w.unitHead))).responsibleStaffId).toBe(w.advisor.staffId);
      const entry = await w.sv.assignments.logProgress(created.ref, { note: "Kartläggning klar", percent: 20, phase: "planning" }, as(w.advisor));
      expect(entry.assignmentId).toBe(created.id);
      const correction = await w.sv.assignments.logProgress(created.ref, { note: "Rättelse: 25 %", percent: 25, correctsEntryId: entry.id }, as(w.advisor));
      expect(correction.correctsEntryId).toBe(entry.id);
      expect((await w.sv.assignments.get(created.ref)).phase).toBe("planning");
    });

    it("contacts: add, update, link to a dialogue, remove and erase", async () => {
      const anna = await w.sv.contacts.add({ organizerId: w.organizerId, name: "Anna Berg", role: "rektor", email: "anna.berg@stockholm.se" }, as(w.advisor));
      const bo = await w.sv.contacts.add({ organizerId: w.organizerId, name: "Bo Ek", role: "skolchef" }, as(w.advisor));
      expect((await w.sv.contacts.update(anna.id, { role: "förvaltningschef" }, as(w.advisor))).role).toBe("förvaltningschef");
      const dialogue = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-04T10:00", durationMinutes: 60 }, as(w.advisor));
      expect((await w.sv.contacts.setForDialogue(dialogue.id, [anna.id, bo.id], as(w.advisor))).map((c) => c.name)).toEqual(["Anna Berg", "Bo Ek"]);
      await w.sv.contacts.remove(bo.id, as(w.advisor));
      await w.sv.contacts.erase(anna.id, as(w.unitHead));
      expect(await w.sv.contacts.list(w.organizerId, as(w.advisor))).toEqual([]);
    });

    it("minutes: recorded once, with an agreed action that becomes an assignment", async () => {
      const dialogue = await w.sv.dialogues.book(
        { organizerId: w.organizer2Id, digital: true, start: "2026-11-24T13:00", durationMinutes: 60 },
        as(w.unitHead),
      );
      w.setNow("2026-11-24T15:00:00+01:00");
      const recorded = await w.sv.minutes.record(
        dialogue.id,
        {
          topics: ["närvaro"],
          notes: "Bra samtal.",
          actions: [{ title: "Kartlägg frånvaron", createAssignment: true, responsibleStaffId: w.advisor.staffId, focusArea: "attendance" }],
        },
        as(w.unitHead),
      );
      expect(recorded.minutes.actions[0]!.assignmentRef).toMatch(/^U-\d+$/);
    });

    it("digests: subscribe, pause, resume, snapshot, claim and finish a run, remove", async () => {
      const sub = await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, channel));
      subscriptionRef = sub.ref;
      expect((await w.sv.digests.pause(sub.ref, "semester", asIn(w.advisor, channel))).status).toBe("paused");
      expect((await w.sv.digests.resume(sub.ref, asIn(w.advisor, channel))).status).toBe("active");
      await w.sv.digests.saveFlaggedSnapshot(sub.id, ["39907811"]);
      expect(await w.sv.digests.flaggedSnapshot(sub.id)).toEqual(["39907811"]);
      const run = await w.sv.digests.claimRun({
        subscriptionId: sub.id,
        scheduledFor: new Date("2026-11-30T08:00:00+01:00"),
        periodStart: new Date("2026-11-23T08:00:00+01:00"),
        late: false,
        claimedBy: "test",
      });
      expect(run).toBeDefined();
      await w.sv.digests.recordAttempt(run!.id, 1, "timeout");
      await w.sv.digests.recordDelivery(run!.id, "1764489600.000100");
      expect((await w.sv.digests.finishRun(run!.id, { status: "posted", attempts: 2 }))?.status).toBe("posted");
      await w.sv.digests.expireAbandonedRuns(60_000);
      expect((await w.sv.digests.remove(sub.ref, asIn(w.advisor, channel))).ref).toBe(subscriptionRef);
    });

    it("state: set, delete, sweep, claim and prune events", async () => {
      await w.sv.state.set("conv", "k1", { step: 1 }, 1000);
      await w.sv.state.set("conv", "k2", { step: 2 });
      await w.sv.state.delete("conv", "k2");
      w.setNow("2026-11-25T12:00:00+01:00");
      expect(await w.sv.state.sweep()).toBe(1);
      expect(await w.sv.state.claimEvent("evt-1")).toBe(true);
      expect(await w.sv.state.claimEvent("evt-1")).toBe(false);
      expect(await w.sv.state.pruneEvents(0)).toBe(0);
    });

    it("data: imports a statistics export", async () => {
      const summary = await w.sv.data.importStatisticsExport(
        syntheticExport(["Alfaskolan;12345678;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;50;55,0;70,0;180,0;"]),
        system,
        { source: "write-paths.csv" },
      );
      expect(summary.imported).toBe(1);
      expect(summary.errors).toEqual([]);
    });

    it("left an audit trail for every write", async () => {
      const actions = new Set((await w.sv.audit.list({ limit: 1000 })).map((e) => e.action));
      for (const action of [
        "staff.create",
        "staff.link_identity",
        "staff.set_role",
        "organizer.upsert",
        "schoolUnit.upsert",
        "dialogue.book",
        "dialogue.reschedule",
        "dialogue.cancel",
        "dialogue.held",
        "plan.create",
        "assignment.create",
        "assignment.assign",
        "assignment.progress",
        "digest.subscribe",
        "digest.pause",
        "digest.resume",
        "digest.remove",
        "contact.add",
        "contact.update",
        "contact.remove",
        "contact.erase",
      ]) {
        expect(actions, action).toContain(action);
      }
      expect(assignmentRef).toMatch(/^U-\d+$/);
      expect(dialogueId).not.toBe("");
    });
  },
  { sqlite: "file" },
);
