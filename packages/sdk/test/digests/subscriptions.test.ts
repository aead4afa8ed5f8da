import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, ValidationError } from "../../src/index";
import { as, asIn, buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

const channel = { platform: "slack", teamId: "T0001", channelId: "C0DIGEST" } as const;
const otherChannel = { platform: "slack", teamId: "T0001", channelId: "C0OTHER" } as const;
const teamsChat = { platform: "teams", conversationId: "19:abc@thread.tacv2" } as const;

describeEachStore("digest subscriptions", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  it("subscribes a channel with Monday 08:00 by default and a short reference", async () => {
    const sub = await w.sv.digests.create({ target: channel, scope: { kind: "office", officeId: "Göteborg" } }, asIn(w.advisor, channel));
    expect(sub).toMatchObject({
      ref: "D-1",
      target: channel,
      scope: { kind: "office", officeId: "goteborg" },
      cron: "0 8 * * 1",
      timeZone: "Europe/Stockholm",
      locale: "sv",
      postWhenEmpty: false,
      status: "active",
      pausedReason: null,
      createdBy: w.advisor.staffId,
      activeSince: "2026-11-23T09:00:00+01:00",
    });
    const second = await w.sv.digests.create(
      { target: channel, scope: { kind: "counties", counties: ["22", "14", "22"] }, cron: "30  7 * * *", locale: "en" },
      asIn(w.advisor, channel),
    );
    expect(second).toMatchObject({ ref: "D-2", scope: { kind: "counties", counties: ["14", "22"] }, cron: "30 7 * * *", locale: "en" });
    expect((await w.sv.digests.get("d2")).id).toBe(second.id);
    expect((await w.sv.digests.get(second.id)).ref).toBe("D-2");
    const audit = await w.sv.audit.list({ entityType: "digestSubscription", entityId: sub.id });
    expect(audit[0]).toMatchObject({ action: "digest.subscribe", actorStaffId: w.advisor.staffId, channel: "slack" });
  });

  it("needs at least the advisor role to subscribe, pause, resume or remove", async () => {
    await expect(w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.viewer, channel))).rejects.toBeInstanceOf(ForbiddenError);
    const sub = await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, channel));
    await expect(w.sv.digests.pause(sub.ref, null, asIn(w.viewer, channel))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.sv.digests.resume(sub.ref, asIn(w.viewer, channel))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.sv.digests.remove(sub.ref, asIn(w.viewer, channel))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.sv.digests.checkMayManage(sub.ref, asIn(w.viewer, channel))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.sv.digests.checkMayManage(sub.ref, asIn(w.advisor2, channel))).resolves.toBeUndefined();
  });

  it("lets an advisor create a digest only for the conversation they ask in", async () => {
    const elsewhere = await w.sv.digests.create({ target: otherChannel, scope: { kind: "country" } }, asIn(w.advisor, channel)).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(ForbiddenError);
    expect((elsewhere as ForbiddenError).localized("sv")).toBe("En digest skapas i kanalen som ska få den. Skriv kommandot där, eller be en enhetschef.");
    expect((elsewhere as ForbiddenError).localized("en")).toBe(
      "A digest is created in the channel that should get it. Write the command there, or ask a unit head.",
    );
    // Without a conversation (API, CLI) an advisor cannot create one at all; same ids on another platform do not count.
    await expect(w.sv.digests.create({ target: channel, scope: { kind: "country" } }, as(w.advisor, "cli"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      w.sv.digests.create({ target: teamsChat, scope: { kind: "country" } }, asIn(w.advisor, { platform: "teams", conversationId: "19:other@thread.tacv2" })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, { ...channel, teamId: "T0OTHER" })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await w.sv.digests.list()).toEqual([]);
    // Unit heads, admins and system jobs may set one up for any channel.
    await w.sv.digests.create({ target: otherChannel, scope: { kind: "country" } }, as(w.unitHead, "cli"));
    await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.admin, teamsChat));
    await w.sv.digests.create({ target: teamsChat, scope: { kind: "country" } }, { actor: { system: "import" }, channel: "system" });
    expect((await w.sv.digests.list()).map((s) => s.ref)).toEqual(["D-1", "D-2", "D-3"]);
  });

  it("lets an advisor pause, resume or remove a digest only from its own conversation", async () => {
    const sub = await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, channel));
    for (const attempt of [
      () => w.sv.digests.pause(sub.ref, "nej", asIn(w.advisor, otherChannel)),
      () => w.sv.digests.resume(sub.ref, asIn(w.advisor2, teamsChat)),
      () => w.sv.digests.remove(sub.id, asIn(w.advisor, otherChannel)),
      () => w.sv.digests.pause(sub.ref, null, as(w.advisor, "cli")),
      () => w.sv.digests.checkMayManage(sub.ref, asIn(w.advisor, otherChannel)),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).localized("sv")).toBe("Digest D-1 hör till en annan kanal. Ändra den i sin egen kanal, eller be en enhetschef.");
      expect((error as ForbiddenError).localized("en")).toBe("Digest D-1 belongs to another channel. Change it from its own channel, or ask a unit head.");
    }
    expect(await w.sv.digests.get(sub.id)).toMatchObject({ status: "active" });
    // Anyone with the advisor role in the channel itself may; a unit head from anywhere.
    expect(await w.sv.digests.pause(sub.ref, null, asIn(w.advisor2, channel))).toMatchObject({ status: "paused" });
    expect(await w.sv.digests.resume(sub.ref, as(w.unitHead, "cli"))).toMatchObject({ status: "active" });
    await w.sv.digests.remove(sub.ref, asIn(w.admin, otherChannel));
    expect(await w.sv.digests.list()).toEqual([]);
  });

  it("rejects bad schedules, scopes and targets with field messages in Swedish and English", async () => {
    const attempt = (input: Parameters<World["sv"]["digests"]["create"]>[0]) => w.sv.digests.create(input, as(w.unitHead)).catch((e: unknown) => e);
    const everyMinute = await attempt({ target: channel, scope: { kind: "country" }, cron: "* 8 * * 1" });
    expect(everyMinute).toBeInstanceOf(ValidationError);
    expect((everyMinute as ValidationError).issues[0]).toMatchObject({ field: "cron" });
    expect((await attempt({ target: channel, scope: { kind: "country" }, cron: "0 8 * *" })) as ValidationError).toBeInstanceOf(ValidationError);
    expect(await attempt({ target: channel, scope: { kind: "country" }, cron: "0 8 * * MON-FRI" })).not.toBeInstanceOf(Error);
    const office = (await attempt({ target: { ...channel, channelId: "C2" }, scope: { kind: "office", officeId: "Kiruna" } })) as ValidationError;
    expect(office.localized("sv")).toContain("Okänt regionkontor");
    const county = (await attempt({ target: channel, scope: { kind: "counties", counties: ["02"] } })) as ValidationError;
    expect(county.issues[0]?.field).toBe("scope.counties");
    const target = (await attempt({ target: { platform: "slack", teamId: "", channelId: "C1" }, scope: { kind: "country" } })) as ValidationError;
    expect(target.issues[0]?.field).toBe("target.teamId");
  });

  it("refuses a duplicate of a channel's subscription", async () => {
    await w.sv.digests.create({ target: channel, scope: { kind: "counties", counties: ["22"] } }, asIn(w.advisor, channel));
    const twin = await w.sv.digests
      .create({ target: channel, scope: { kind: "counties", counties: ["22"] } }, asIn(w.advisor2, channel))
      .catch((e: unknown) => e);
    expect(twin).toBeInstanceOf(ConflictError);
    expect((twin as ConflictError).localized("sv")).toContain("D-1");
  });

  it("lists a channel's subscriptions, pauses with a reason and resumes afresh", async () => {
    const a = await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, channel));
    await w.sv.digests.create({ target: teamsChat, scope: { kind: "country" } }, asIn(w.advisor, teamsChat));
    expect((await w.sv.digests.list({ target: channel })).map((s) => s.ref)).toEqual(["D-1"]);
    expect((await w.sv.digests.list({ platform: "teams" })).map((s) => s.ref)).toEqual(["D-2"]);
    const paused = await w.sv.digests.pause(a.ref, "Semester i juli", asIn(w.advisor, channel));
    expect(paused).toMatchObject({ status: "paused", pausedReason: "Semester i juli" });
    expect((await w.sv.digests.list({ status: "active" })).map((s) => s.ref)).toEqual(["D-2"]);
    w.setNow("2026-11-30T12:00:00+01:00");
    const resumed = await w.sv.digests.resume("D-1", asIn(w.advisor, channel));
    expect(resumed).toMatchObject({ status: "active", pausedReason: null, activeSince: "2026-11-30T12:00:00+01:00" });
    expect((await w.sv.audit.list({ entityId: a.id })).map((e) => e.action)).toEqual(["digest.resume", "digest.pause", "digest.subscribe"]);
  });

  it("removes a subscription together with its runs", async () => {
    const sub = await w.sv.digests.create({ target: channel, scope: { kind: "country" } }, asIn(w.advisor, channel));
    const at = new Date("2026-11-23T07:00:00Z");
    await w.sv.digests.claimRun({ subscriptionId: sub.id, scheduledFor: at, periodStart: at, late: false, claimedBy: "test" });
    await w.sv.digests.remove("D-1", asIn(w.advisor, channel));
    await expect(w.sv.digests.get(sub.id)).rejects.toThrow(/no digest/i);
    expect(await w.sv.digests.runs({ subscription: sub.id })).toEqual([]);
  });
});

describe("digest subscription schema", () => {
  it("is exported for callers that validate before calling", async () => {
    const { digestSubscriptionInputSchema } = await import("../../src/index");
    expect(digestSubscriptionInputSchema.parse({ target: channel, scope: { kind: "country" } })).toMatchObject({
      cron: "0 8 * * 1",
      locale: "sv",
      postWhenEmpty: false,
    });
  });
});
