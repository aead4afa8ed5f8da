/**
 * Personal nudges in Teams: proactive messages into each person's stored personal chat
 * with the bot, against the fake Bot Connector over real HTTP, on a clock the test moves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type NudgeScheduler } from "@samverkan/chat";
import { createMetrics, handleMetricsRequest } from "@samverkan/runtime";
import { createSamverkan, type Samverkan, type Store } from "@samverkan/sdk";
import { createPostgresStore } from "@samverkan/sdk/postgres";
import { postgresAvailability, postgresTestUrl, uniqueSchemaName } from "@samverkan/vitest-config/helpers";
import { createTeamsApp, type TeamsApp } from "../src/app";
import { PERSONAL_CONVERSATIONS_NAMESPACE } from "../src/proactive/references";
import { startTeamsNudges } from "../src/proactive/nudge-poster";
import { actionExecute, fixturesAvailable, fixturesMissingReason, installationUpdate, message, taskFetch, type Json } from "./support/activities";
import { actionsOf, cardsIn, cardsSent, cardText, expectValidCards } from "./support/cards";
import { startFakeConnector, type FakeConnector } from "./support/fake-connector";
import { captureLogger, startHarness, type Harness } from "./support/harness";
import { killStrayProcesses, startAppProcess, tempDatabase } from "./support/process";
import { ADVISOR_AAD_ID, CALENDAR, TENANT_ID } from "./support/world";

const SYSTEM = { actor: { system: "test" }, channel: "system" } as const;
const PER_AAD_ID = "55555555-1111-2222-3333-444444444444";
const NILS_AAD_ID = "66666666-1111-2222-3333-444444444444";
const EVA_AAD_ID = "88888888-1111-2222-3333-444444444444";
const PER_CHAT = "a:1PerHolmsPersonalChatWithTheBot";

/** A personal-chat message from someone, in their own 1:1 conversation. */
function personalMessage(text: string, serviceUrl: string, who?: { aadObjectId: string; conversationId: string }): Json {
  const activity = message("personal", text, { serviceUrl, ...(who ? { aadObjectId: who.aadObjectId } : {}) });
  if (who) (activity.conversation as Json).id = who.conversationId;
  return activity;
}

const obj = (value: unknown): Json => value as Json;
const stringOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);

describe.skipIf(!fixturesAvailable)(`personal nudges in Teams${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  let sv: Samverkan;
  let now: number;
  let nudges: NudgeScheduler;
  let karinChat: string;
  let nilsId: string;
  const at = (iso: string) => (now = new Date(iso).getTime());
  const sentTo = (conversationId: string) => h.connector.messages(conversationId).filter((c) => c.kind === "send");

  beforeAll(async () => {
    h = await startHarness();
    at("2026-11-23T09:00:00+01:00");
    sv = createSamverkan({ store: h.world.store, clock: () => new Date(now), calendar: CALENDAR });
    const per = await sv.staff.create(
      { name: "Per Holm", agency: "spsm", role: "advisor", identities: [{ platform: "teams", tenantId: TENANT_ID, aadObjectId: PER_AAD_ID }] },
      SYSTEM,
    );
    const nils = await sv.staff.create(
      {
        name: "Nils Tyst",
        email: "nils.tyst@spsm.se",
        agency: "spsm",
        role: "advisor",
        identities: [{ platform: "teams", tenantId: TENANT_ID, aadObjectId: NILS_AAD_ID }],
      },
      SYSTEM,
    );
    nilsId = nils.id;
    await sv.dialogues.book(
      { organizerId: h.world.stockholmId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [h.world.advisorId, per.id, nils.id] },
      SYSTEM,
    );
    await sv.nudges.setEnabled("briefing", false, { actor: { staffId: per.id }, channel: "teams" });
    nudges = startTeamsNudges({
      samverkan: sv,
      references: h.app.conversations,
      sendProactive: h.app.sendProactive,
      logger: captureLogger().logger,
      timer: false,
      instanceId: "teams-a",
    });
  });
  afterAll(async () => {
    expectValidCards([...cardsSent(h.connector.calls), ...h.invokeResponses.flatMap(cardsIn)]);
    await nudges?.stop();
    await h?.close();
  });

  it("keeps each person's personal chat on record once they have written to the bot", async () => {
    const karinSays = personalMessage("hjälp", h.connector.serviceUrl);
    karinChat = obj(karinSays.conversation).id as string;
    await h.post(karinSays);
    await h.post(personalMessage("hjälp", h.connector.serviceUrl, { aadObjectId: PER_AAD_ID, conversationId: PER_CHAT }));
    expect(await h.world.samverkan.state.get(PERSONAL_CONVERSATIONS_NAMESPACE, `${TENANT_ID}:${ADVISOR_AAD_ID}`)).toEqual({ conversationId: karinChat });
    expect(await h.app.conversations.personalConversation(TENANT_ID, PER_AAD_ID)).toBe(PER_CHAT);
    expect(await h.app.conversations.personalConversation(TENANT_ID, NILS_AAD_ID)).toBeUndefined();
    // Installing the app personally is enough too (Teams sends installationUpdate from the user).
    const install = installationUpdate("personal", "add", { serviceUrl: h.connector.serviceUrl, aadObjectId: EVA_AAD_ID });
    (install.conversation as Json).id = "a:1EvasPersonalChat";
    expect((await h.post(install)).status).toBe(200);
    expect(await h.app.conversations.personalConversation(TENANT_ID, EVA_AAD_ID)).toBe("a:1EvasPersonalChat");
  });

  it("at 08:00 on the working day before, Karin gets the briefing card as a new message in her personal chat; Per (off) and Nils (never wrote) do not", async () => {
    at("2026-12-02T07:59:00+01:00");
    expect((await nudges.tick()).sent).toEqual([]);
    const before = sentTo(karinChat).length;
    at("2026-12-02T08:00:00+01:00");
    const report = await nudges.tick();
    expect(report.sent.map((n) => [n.kind, n.staffId])).toEqual([["briefing", h.world.advisorId]]);
    expect(report.undeliverable).toEqual([expect.objectContaining({ staffId: nilsId, reason: "no-personal-conversation" })]);
    const [nudge, ...more] = sentTo(karinChat).slice(before);
    expect(more).toEqual([]);
    expect(nudge!.body.replyToId).toBeUndefined();
    const text = cardText(cardsIn(nudge!.body)[0]);
    expect(text).toContain("Påminnelse: dialog tor 3 dec 10:00–11:00. Här är förberedelsen.");
    expect(text).toContain("Inför dialogen med Stockholms kommun");
    expect(sentTo(PER_CHAT).length).toBe(0);
    // Not retried: the next tick sends nothing to anyone.
    const calls = h.connector.calls.length;
    at("2026-12-02T08:05:00+01:00");
    expect(await nudges.tick()).toMatchObject({ sent: [], undeliverable: [], failed: [] });
    expect(h.connector.calls.length).toBe(calls);
  });

  it("the minutes nudge's button opens the minutes form through the app (Action.Execute, then the dialog)", async () => {
    at("2026-12-04T09:00:00+01:00");
    const report = await nudges.tick();
    expect(report.sent.map((n) => n.kind)).toEqual(["minutes", "minutes"]);
    const card = cardsIn(sentTo(karinChat).at(-1)!.body)[0];
    expect(cardText(card)).toContain("har inget protokoll än");
    const record = actionsOf(card).find((a) => a.verb === "dialogue.record.form");
    expect(record).toMatchObject({ type: "Action.Execute", title: "Skriv protokoll" });
    const serviceUrl = h.connector.serviceUrl;
    const before = h.connector.messages().length;
    const opened = await h.post(
      actionExecute("personal", "dialogue.record.form", obj(record!.data), { serviceUrl, replyToId: stringOr(sentTo(karinChat).at(-1)?.body.id, "1:nudge") }),
    );
    expect(opened.status).toBe(200);
    // The nudge stays; the card that opens the dialog is a new message.
    const opener = actionsOf(cardsIn(h.connector.messages().slice(before).at(-1)!.body)[0]).find((a) => a.type === "Action.Submit");
    expect(opener?.data).toMatchObject({ msteams: { type: "task/fetch" } });
    const fetched = await h.post(taskFetch("personal", obj(opener!.data), { serviceUrl }));
    expect(obj(obj(fetched.body).task)).toMatchObject({ type: "continue", value: { title: "Protokoll Stockholms kom" } });
  });

  it("sends nothing on a Swedish public holiday (trettondedag jul); the briefing came the working day before", async () => {
    at("2026-12-10T09:00:00+01:00");
    await sv.dialogues.book(
      { organizerId: h.world.goteborgId, digital: true, start: "2027-01-07T10:00", durationMinutes: 60, staffIds: [h.world.advisorId] },
      SYSTEM,
    );
    at("2027-01-05T08:00:00+01:00");
    expect((await nudges.tick()).sent.map((n) => n.kind)).toEqual(["briefing"]);
    const calls = h.connector.calls.length;
    for (const time of ["08:00", "09:00", "11:00"]) {
      at(`2027-01-06T${time}:00+01:00`);
      expect(await nudges.tick()).toMatchObject({ sent: [], undeliverable: [], failed: [] });
    }
    expect(h.connector.calls.length).toBe(calls);
  });
});

const pg = await postgresAvailability();
describe.skipIf(!pg.available || !fixturesAvailable)(`two Teams app instances on one PostgreSQL store${pg.available ? "" : ` (skipped: ${pg.reason})`}`, () => {
  const schema = uniqueSchemaName("teams_nudges");
  let connector: FakeConnector;
  let now: number;
  const instances: Array<{ store: Store; sv: Samverkan; app: TeamsApp; nudges: NudgeScheduler; url: string }> = [];
  const metrics = [createMetrics("teams"), createMetrics("teams")];
  const TOKEN = "teams-metrics-token-for-tests";
  const at = (iso: string) => (now = new Date(iso).getTime());

  beforeAll(async () => {
    connector = await startFakeConnector();
    at("2026-11-23T09:00:00+01:00");
    for (const [index, name] of ["teams-a", "teams-b"].entries()) {
      const store = await createPostgresStore({ connectionString: postgresTestUrl, schema, max: 4 });
      const sv = createSamverkan({ store, clock: () => new Date(now), calendar: CALENDAR });
      const { logger } = captureLogger("silent");
      const m = metrics[index]!;
      const app = createTeamsApp({
        config: { allowedTenantIds: [TENANT_ID], port: 0 },
        samverkan: sv,
        engine: createEngine({ samverkan: sv, logger }),
        logger,
        http: { routes: (req, res) => handleMetricsRequest(m, TOKEN, req, res) },
      });
      const port = await app.listen(0, "127.0.0.1");
      m.observeMailOutbox(() => sv.mail.outboxSize());
      const nudges = startTeamsNudges({
        samverkan: sv,
        references: app.conversations,
        sendProactive: app.sendProactive,
        logger,
        timer: false,
        instanceId: name,
        onNudge: (outcome) => m.nudges.inc({ outcome }),
      });
      instances.push({ store, sv, app, nudges, url: `http://127.0.0.1:${port}` });
    }
    const sv = instances[0]!.sv;
    await sv.municipalities.upsert([{ code: "0180", name: "Stockholm", countyCode: "01" }], SYSTEM);
    const stockholm = await sv.organizers.upsert(
      { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
      SYSTEM,
    );
    const karin = await sv.staff.create(
      { name: "Karin Lind", agency: "spsm", role: "advisor", identities: [{ platform: "teams", tenantId: TENANT_ID, aadObjectId: ADVISOR_AAD_ID }] },
      SYSTEM,
    );
    const per = await sv.staff.create(
      { name: "Per Holm", agency: "spsm", role: "advisor", identities: [{ platform: "teams", tenantId: TENANT_ID, aadObjectId: PER_AAD_ID }] },
      SYSTEM,
    );
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"]) {
      await sv.dialogues.book({ organizerId: stockholm.id, digital: true, start: `${day}T10:00`, durationMinutes: 60, staffIds: [karin.id, per.id] }, SYSTEM);
    }
    // Karin writes to instance A, Per to instance B: either instance can reach either afterwards.
    const post = (url: string, activity: Json) =>
      fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect((await post(instances[0]!.url, personalMessage("hjälp", connector.serviceUrl))).status).toBe(200);
    expect((await post(instances[1]!.url, personalMessage("hjälp", connector.serviceUrl, { aadObjectId: PER_AAD_ID, conversationId: PER_CHAT }))).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.nudges.stop();
      await i.app.close();
    }
    await instances[0]?.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    for (const i of instances) await i.store.close();
    await connector?.close();
  });

  it("both tick at the same moments: each nudge reaches its person exactly once, and /metrics counts what each instance did", async () => {
    const karinChat = obj(personalMessage("x", connector.serviceUrl).conversation).id as string;
    const before = { karin: connector.messages(karinChat).length, per: connector.messages(PER_CHAT).length };
    const totals = { sent: [0, 0], lost: [0, 0] };
    for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]) {
      for (const time of ["07:55", "08:00", "08:05", "09:00", "09:05"]) {
        at(`${day}T${time}:00+01:00`);
        const reports = await Promise.all(instances.map((i) => i.nudges.tick()));
        reports.forEach((r, i) => {
          expect(r.failed).toEqual([]);
          totals.sent[i]! += r.sent.length;
          totals.lost[i]! += r.lost.length;
        });
      }
    }
    // Three dialogues × two people: a briefing and a minutes nudge each.
    const karin = connector
      .messages(karinChat)
      .slice(before.karin)
      .filter((c) => c.kind === "send");
    const per = connector
      .messages(PER_CHAT)
      .slice(before.per)
      .filter((c) => c.kind === "send");
    expect(karin).toHaveLength(6);
    expect(per).toHaveLength(6);
    expect(new Set([...karin, ...per].map((c) => `${c.conversationId} ${cardText(cardsIn(c.body)[0])}`)).size).toBe(12);
    expect(totals.sent[0]! + totals.sent[1]!).toBe(12);
    let scraped = 0;

    for (const [i, instance] of instances.entries()) {
      const res = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const text = await res.text();
      const value = (outcome: string) => Number(new RegExp(`samverkan_nudges_total\\{outcome="${outcome}",app="teams"\\} (\\S+)`).exec(text)?.[1] ?? 0);
      expect(value("sent")).toBe(totals.sent[i]);
      scraped += value("sent");
      expect(value("lost")).toBe(totals.lost[i]);
      expect(text).toMatch(/samverkan_mail_outbox_messages\{status="pending",app="teams"\} 0/);
    }
    expect(scraped).toBe(12);
  });
});

describe("the Teams app process (main.ts)", () => {
  afterAll(() => killStrayProcesses());

  it("exposes the nudge counter and the mail outbox size on /metrics", async () => {
    const token = "teams-process-metrics-token";
    const proc = startAppProcess({
      TEAMS_DEV_NO_AUTH: "1",
      TEAMS_ALLOWED_TENANT_IDS: TENANT_ID,
      PORT: "0",
      SAMVERKAN_DB: tempDatabase(),
      METRICS_TOKEN: token,
    });
    const listening = await proc.waitForLine((line) => typeof line.port === "number");
    const res = await fetch(`http://127.0.0.1:${String(listening.port)}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("# TYPE samverkan_nudges_total counter");
    expect(text).toMatch(/samverkan_mail_outbox_messages\{status="pending",app="teams"\} 0/);
    proc.child.kill("SIGTERM");
    expect(await proc.exitWithin(30_000)).toBe(0);
  }, 120_000);
});
