import { beforeEach, describe, expect, it } from "vitest";
import { createSamverkan, ForbiddenError, ValidationError, type DigestTarget, type Samverkan, type Staff } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { renderText, type Action, type Message } from "../../src/index";
import type { FlowContext } from "../../src/engine/context";
import type { EngineReply } from "../../src/engine/types";
import { handleDigestAction, handleDigestCommand } from "../../src/engine/flows/digest";
import { DIGEST_ACTIONS, digestCommandOf, parseDigestCommand, type DigestCommand } from "../../src/digest/index";
import { parseUtterance } from "../../src/nlu/index";
import { expectPostable } from "./support";

describe("parseDigestCommand", () => {
  it.each([
    ["digest varje måndag 08:00 län 22", { kind: "create", cron: "0 8 * * 1", scope: { kind: "counties", counties: ["22"] }, postWhenEmpty: false }],
    [
      "/samverkan digest varje fredag 14:00 kontor Göteborg",
      { kind: "create", cron: "0 14 * * 5", scope: { kind: "office", officeId: "göteborg" }, postWhenEmpty: false },
    ],
    ["digest varje dag 07:30 hela landet", { kind: "create", cron: "30 7 * * *", scope: { kind: "country" }, postWhenEmpty: false }],
    [
      "Digest varje vardag kl 7 län 1, 3 och Västernorrlands län även tom",
      { kind: "create", cron: "0 7 * * 1-5", scope: { kind: "counties", counties: ["01", "03", "22"] }, postWhenEmpty: true },
    ],
    ["digest every monday 08:00 county 22", { kind: "create", cron: "0 8 * * 1", scope: { kind: "counties", counties: ["22"] }, postWhenEmpty: false }],
    [
      "digest every friday at 14.15 office Göteborg in english",
      { kind: "create", cron: "15 14 * * 5", scope: { kind: "office", officeId: "göteborg" }, locale: "en", postWhenEmpty: false },
    ],
    [
      "digest varje tisdag län västra götaland på engelska",
      { kind: "create", cron: "0 8 * * 2", scope: { kind: "counties", counties: ["14"] }, locale: "en", postWhenEmpty: false },
    ],
    ["digest lista", { kind: "list" }],
    ["/samverkan digest list", { kind: "list" }],
    ["digest pausa D-3", { kind: "pause", ref: "D-3" }],
    ["digest återuppta d3", { kind: "resume", ref: "D3" }],
    ["digest ta bort D-3", { kind: "remove", ref: "D-3" }],
    ["digest remove 3", { kind: "remove", ref: "3" }],
    ["digest förhandsvisa D-1", { kind: "preview", ref: "D-1" }],
    ["digest pause", { kind: "pause" }],
    ["digest", { kind: "help" }],
  ])("%s", (text, expected) => {
    expect(parseDigestCommand(text)).toEqual(expected);
  });

  it("leaves other text to the engine", () => {
    for (const text of ["boka dialog med Borås kommun", "digestion", "visa digest", ""]) expect(parseDigestCommand(text)).toBeUndefined();
  });

  it("explains what is missing in both languages", () => {
    const noScope = parseDigestCommand("digest varje måndag 08:00");
    expect(noScope).toMatchObject({ kind: "help", problem: { sv: expect.stringContaining("Vilket område"), en: expect.stringContaining("Which area") } });
    expect(parseDigestCommand("digest varje blåmåndag 08:00 län 22")).toMatchObject({ kind: "help", problem: { sv: expect.stringContaining("när digesten") } });
    expect(parseDigestCommand("digest varje måndag 25:00 län 22")).toMatchObject({ kind: "help", problem: { sv: "25:00 är ingen tid på dygnet." } });
    expect(parseDigestCommand("digest varje måndag län Atlantis")).toMatchObject({ kind: "help", problem: { en: expect.stringContaining('"atlantis"') } });
  });
});

describe("digest commands in a channel", () => {
  let sv: Samverkan;
  let karin: Staff;
  let vera: Staff;
  const channel: DigestTarget = { platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" };

  beforeEach(async () => {
    sv = createSamverkan({ store: await createSqliteStore({ file: ":memory:" }), clock: () => new Date("2026-11-23T09:00:00+01:00") });
    const system = { actor: { system: "test" }, channel: "system" } as const;
    karin = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor", homeOfficeId: "goteborg" }, system);
    vera = await sv.staff.create({ name: "Vera Viewer", agency: "skolverket", role: "viewer", locale: "en" }, system);
  });

  /** `target: null` is a conversation without a channel (a DM, the terminal). */
  function ctx(staff: Staff = karin, target: DigestTarget | null = channel): FlowContext {
    return {
      sv,
      staff,
      locale: staff.locale,
      now: sv.clock(),
      channel: "slack",
      user: { platform: "slack", teamId: "T0SAMVERK", userId: "U0KARIN" },
      conversationId: "C0DIGEST",
      write: { actor: { staffId: staff.id }, channel: "slack", ...(target ? { conversation: target } : {}) },
      logger: { warn: () => undefined, error: () => undefined },
      pending: undefined,
      setPending: () => undefined,
      ...(target ? { target } : {}),
    };
  }

  function messages(result: EngineReply | undefined): Message[] {
    expect(result).toBeDefined();
    for (const m of result!.messages) expectPostable(m);
    return result!.messages;
  }

  /** What the engine hands the flow: the digest command of the turn's one parse. */
  const command = (line: string): DigestCommand => {
    const read = digestCommandOf(parseUtterance(line));
    expect(read).toBeDefined();
    return read!;
  };
  const text = (result: EngineReply | undefined) => messages(result).map(renderText).join("\n");
  const actionsOf = (message: Message): Action[] =>
    message.blocks.flatMap((b) => (b.type === "actions" ? b.actions : b.type === "list" ? b.items.flatMap((i) => (i.action ? [i.action] : [])) : []));

  it("asks before creating, then creates the digest for this channel on confirm", async () => {
    const asked = messages(await handleDigestCommand(ctx(), command("digest varje måndag 08:00 län 22")));
    const card = renderText(asked[0]!);
    expect(card).toContain("Ny digest för kanalen");
    expect(card).toContain("Västernorrlands län");
    expect(card).toContain("varje måndag 08:00 (svensk tid)");
    expect(card).toContain("mån 30 nov 08:00");
    expect(await sv.digests.list()).toEqual([]);
    const confirm = actionsOf(asked[0]!).find((a) => a.id === DIGEST_ACTIONS.createConfirm)!;
    expect(confirm.value).toEqual({
      platform: "slack",
      teamId: "T0SAMVERK",
      channelId: "C0DIGEST",
      scope: "county:22",
      cron: "0 8 * * 1",
      locale: "sv",
      postWhenEmpty: false,
    });

    const answer = await handleDigestAction(ctx(), { id: confirm.id, value: confirm.value });
    // The confirmation's answer takes the place of the question.
    expect(answer?.replaceOriginal).toBe(true);
    const created = messages(answer);
    expect(renderText(created[0]!)).toContain("Klart! Digesten är skapad.");
    expect(actionsOf(created[0]!).map((a) => [a.id, a.label])).toEqual([
      ["digest.preview", "Förhandsvisa"],
      ["digest.pause", "Pausa"],
      ["digest.remove", "Ta bort"],
    ]);
    const [sub] = await sv.digests.list({ target: channel });
    expect(sub).toMatchObject({ ref: "D-1", cron: "0 8 * * 1", scope: { kind: "counties", counties: ["22"] }, locale: "sv", createdBy: karin.id });
  });

  it("understands offices, the whole country and English", async () => {
    const office = messages(await handleDigestCommand(ctx(), command("/samverkan digest varje fredag 14:00 kontor Göteborg")))[0]!;
    expect(renderText(office)).toContain("Regionkontoret i Göteborg");
    expect(actionsOf(office)[0]?.value).toMatchObject({ scope: "office:goteborg", cron: "0 14 * * 5" });
    const country = messages(await handleDigestCommand(ctx(), command("digest varje dag 07:30 hela landet")))[0]!;
    expect(actionsOf(country)[0]?.value).toMatchObject({ scope: "country", cron: "30 7 * * *" });
    const english = messages(await handleDigestCommand(ctx(vera), command("digest every monday 08:00 county 22")))[0]!;
    expect(renderText(english)).toContain("New digest for this channel");
    expect(actionsOf(english)[0]?.value).toMatchObject({ locale: "en" });
  });

  it("lists, pauses, resumes, previews and removes (removal confirmed)", async () => {
    await sv.digests.create(
      { target: channel, scope: { kind: "counties", counties: ["22"] } },
      { actor: { staffId: karin.id }, channel: "slack", conversation: channel },
    );
    const other = { ...channel, channelId: "C0OTHER" };
    await sv.digests.create({ target: other, scope: { kind: "country" } }, { actor: { staffId: karin.id }, channel: "slack", conversation: other });
    const listed = text(await handleDigestCommand(ctx(), command("digest lista")));
    expect(listed).toContain("D-1 · Västernorrlands län");
    expect(listed).not.toContain("D-2");
    expect(text(await handleDigestCommand(ctx(), command("digest pausa D-1")))).toContain("Pausad: Pausad av Karin Lind");
    expect((await sv.digests.get("D-1")).status).toBe("paused");
    const resumed = await handleDigestAction(ctx(), { id: DIGEST_ACTIONS.resume, value: { id: (await sv.digests.get("D-1")).id } });
    expect(text(resumed)).toContain("Digesten är igång igen.");
    expect(resumed?.replaceOriginal).toBe(false);
    const preview = messages(await handleDigestCommand(ctx(), command("digest förhandsvisa D-1")));
    expect(renderText(preview[0]!)).toContain("Förhandsvisning av D-1");
    expect(renderText(preview[1]!)).toContain("Samverkan: Västernorrlands län");
    const ask = messages(await handleDigestCommand(ctx(), command("digest ta bort D-1")))[0]!;
    expect(renderText(ask)).toContain("Ta bort digest D-1");
    expect((await sv.digests.list()).length).toBe(2);
    const removeConfirm = actionsOf(ask).find((a) => a.id === DIGEST_ACTIONS.removeConfirm)!;
    const removed = await handleDigestAction(ctx(), removeConfirm);
    expect(text(removed)).toContain("Digest D-1 är borttagen.");
    expect(removed?.replaceOriginal).toBe(true);
    expect((await sv.digests.list()).map((s) => s.ref)).toEqual(["D-2"]);
    expect(text(await handleDigestCommand(ctx(karin, null), command("digest lista")))).toContain("Alla digests");
  });

  it("declines text that is not a digest command, and says where digests can be set up", async () => {
    expect(digestCommandOf(parseUtterance("boka dialog med Borås kommun imorgon kl 10"))).toBeUndefined();
    expect(await handleDigestAction(ctx(), { id: "book.confirm", value: {} })).toBeUndefined();
    expect(text(await handleDigestCommand(ctx(karin, null), command("digest varje måndag 08:00 län 22")))).toContain(
      "Digests skickas till en Slack- eller Teams-kanal",
    );
    expect(text(await handleDigestCommand(ctx(), command("digest varje måndag 08:00")))).toContain("Vilket område");
  });

  it("leaves refusals to the SDK: unknown offices, viewers, and confirms from another channel", async () => {
    const unknown = await handleDigestCommand(ctx(), command("digest varje måndag 08:00 kontor Kiruna")).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect((unknown as ValidationError).localized("sv")).toContain("Okänt regionkontor");
    const asked = messages(await handleDigestCommand(ctx(vera), command("digest every monday 08:00 county 22")))[0]!;
    const confirm = actionsOf(asked)[0]!;
    await expect(handleDigestAction(ctx(vera), confirm)).rejects.toBeInstanceOf(ForbiddenError);
    expect(text(await handleDigestAction(ctx(karin, { ...channel, channelId: "C0ELSEWHERE" }), confirm))).toContain(
      "Bekräfta digesten i kanalen där du skapade den.",
    );
    expect(text(await handleDigestAction(ctx(), { id: confirm.id, value: { ...confirm.value, scope: "galaxy:far" } }))).toContain(
      "Den här knappen har gått ut.",
    );
    expect(await sv.digests.list()).toEqual([]);
  });

  it("never trusts a forged button: create goes to this channel only, and other channels' digests stay untouched", async () => {
    const other: DigestTarget = { ...channel, channelId: "C0OTHER" };
    const theirs = await sv.digests.create({ target: other, scope: { kind: "country" } }, { actor: { system: "test" }, channel: "system" });
    // A confirm value naming another channel, pressed here, or pressed where there is no channel at all (a DM).
    const forged = { platform: "slack", teamId: "T0SAMVERK", channelId: "C0OTHER", scope: "county:22", cron: "0 8 * * 1", locale: "sv", postWhenEmpty: false };
    expect(text(await handleDigestAction(ctx(), { id: DIGEST_ACTIONS.createConfirm, value: forged }))).toContain(
      "Bekräfta digesten i kanalen där du skapade den.",
    );
    expect(text(await handleDigestAction(ctx(karin, null), { id: DIGEST_ACTIONS.createConfirm, value: forged }))).toContain(
      "Digests skickas till en Slack- eller Teams-kanal",
    );
    expect((await sv.digests.list()).map((s) => s.ref)).toEqual([theirs.ref]);
    // Pause, resume and remove buttons carrying another channel's digest id are refused with the SDK's reason.
    for (const id of [DIGEST_ACTIONS.pause, DIGEST_ACTIONS.resume, DIGEST_ACTIONS.remove, DIGEST_ACTIONS.removeConfirm]) {
      const refused = await handleDigestAction(ctx(), { id, value: { id: theirs.id } }).catch((e: unknown) => e);
      expect(refused, id).toBeInstanceOf(ForbiddenError);
      expect((refused as ForbiddenError).localized("sv")).toBe("Digest D-1 hör till en annan kanal. Ändra den i sin egen kanal, eller be en enhetschef.");
    }
    const typed = await handleDigestCommand(ctx(), command("digest pausa D-1")).catch((e: unknown) => e);
    expect(typed).toBeInstanceOf(ForbiddenError);
    expect(await sv.digests.get(theirs.id)).toMatchObject({ status: "active" });
  });
});
