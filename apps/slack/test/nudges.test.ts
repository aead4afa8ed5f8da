import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NudgeScheduler } from "@samverkan/chat";
import { createSamverkan, type Samverkan, type Staff, type Store } from "@samverkan/sdk";
import { createPostgresStore } from "@samverkan/sdk/postgres";
import { postgresAvailability, postgresTestUrl, uniqueSchemaName } from "@samverkan/vitest-config/helpers";
import { createSlackApp, type SlackApp } from "../src/app";
import { createLogger } from "../src/logging";
import { startSlackNudges } from "../src/nudges";
import { button } from "./support/clicks";
import { startFakeSlack, type FakeSlack, type JsonObject, type RecordedCall } from "./support/fake-slack";
import { BOT_TOKEN, limitViolations, startHarness, testConfig, visibleText, type Harness } from "./support/harness";
import { blockAction, fixturesAvailable } from "./support/slack-payloads";
import { BOT_ID, BOT_USER_ID, CALENDAR, KARIN, TEAM_ID } from "./support/world";

const SYSTEM = { actor: { system: "test" }, channel: "system" } as const;
const PER = { teamId: TEAM_ID, userId: "U0PER" };

/** Log lines as the app writes them (pino JSON), for checking what a warning says. */
function captureLogs() {
  const lines: JsonObject[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as JsonObject);
      done();
    },
  });
  return { lines, logger: createLogger("debug", sink) };
}

const dmsTo = (fake: FakeSlack, channel: string): RecordedCall[] => fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);

describe.skipIf(!fixturesAvailable)("personal nudges as Slack direct messages, through the real Bolt app", () => {
  let h: Harness;
  let now: number;
  let sv: Samverkan;
  let nudges: NudgeScheduler;
  let logs: JsonObject[];
  let perId: string;
  let nilsId: string;
  let borasDialogueId: string;
  const at = (iso: string) => (now = new Date(iso).getTime());

  beforeAll(async () => {
    h = await startHarness();
    // This instance's SDK over the app's store, on a clock the test moves (the harness's own is fixed).
    sv = createSamverkan({ store: h.world.store, clock: () => new Date(now), calendar: CALENDAR });
    at("2026-11-23T09:00:00+01:00");
    const per = await sv.staff.create(
      { name: "Per Holm", email: "per.holm@spsm.se", agency: "spsm", role: "advisor", identities: [{ platform: "slack", ...PER }] },
      SYSTEM,
    );
    const nils = await sv.staff.create({ name: "Nils Utan Chatt", email: "nils@spsm.se", agency: "spsm", role: "advisor" }, SYSTEM);
    perId = per.id;
    nilsId = nils.id;
    borasDialogueId = (
      await sv.dialogues.book(
        { organizerId: h.world.borasId, digital: true, start: "2026-12-03T13:00", durationMinutes: 60, staffIds: [per.id, nils.id] },
        SYSTEM,
      )
    ).id;
    // Per has switched his briefings off (`mina påminnelser`).
    await sv.nudges.setEnabled("briefing", false, { actor: { staffId: per.id }, channel: "slack" });
    const captured = captureLogs();
    logs = captured.lines;
    nudges = startSlackNudges({
      samverkan: sv,
      client: h.app.bolt.client,
      teamIds: new Set([TEAM_ID]),
      logger: captured.logger,
      timer: false,
      instanceId: "slack-a",
    });
  });
  afterAll(async () => {
    await nudges?.stop();
    await h?.close();
  });
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  it("sends nothing before 08:00 on the working day before the dialogue", async () => {
    at("2026-12-01T08:00:00+01:00");
    await nudges.tick();
    at("2026-12-02T07:59:00+01:00");
    const report = await nudges.tick();
    expect(report.sent).toEqual([]);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("at 08:00 Europe/Stockholm on the working day before, DMs Karin the briefing card in her 1:1 conversation with the bot", async () => {
    at("2026-12-02T08:00:00+01:00");
    const report = await nudges.tick();
    expect(report.sent.map((n) => [n.kind, n.staffId])).toEqual([["briefing", h.world.karinId]]);
    expect(h.fake.callsTo("conversations.open").map((c) => c.args.users)).toEqual([KARIN.userId]);
    const [dm] = h.fake.callsTo("chat.postMessage");
    expect(dm!.token).toBe(BOT_TOKEN);
    expect(dm!.args.channel).toBe(`D${KARIN.userId.slice(1)}`);
    const text = visibleText(dm!.args.blocks);
    expect(text).toContain("Påminnelse: dialog tor 3 dec 10:00–11:00. Här är förberedelsen.");
    expect(text).toContain("Inför dialogen med Stockholms kommun");
    expect(text).toContain("Skolenheter");
    // Summary first, the rest behind "Visa mer".
    expect(button(dm!.args.blocks, "dialogue.prepare.more").text).toBe("Visa mer");
  });

  it("sends Per nothing (briefings off), and logs Nils, who has no Slack user, as not deliverable without personal data", async () => {
    expect(h.fake.callsTo("conversations.open").some((c) => c.args.users === PER.userId)).toBe(false);
    const warning = logs.find((l) => l.msg === "nudge not deliverable: the staff member cannot be reached in chat; not retried");
    expect(warning).toMatchObject({ level: 40, staffId: nilsId, reason: "no-slack-user", key: `briefing|${nilsId}|${borasDialogueId}` });
    expect(JSON.stringify(logs)).not.toContain("Nils Utan Chatt");
    expect(JSON.stringify(logs)).not.toContain("nils@spsm.se");
  });

  it("a later tick the same morning sends nothing again and does not retry Nils", async () => {
    const calls = h.fake.calls.length;
    at("2026-12-02T08:05:00+01:00");
    const report = await nudges.tick();
    expect(report).toMatchObject({ sent: [], lost: [], failed: [], undeliverable: [] });
    expect(h.fake.calls.length).toBe(calls);
  });

  it("the working day after a dialogue without minutes, the DM's button opens the minutes form through the app", async () => {
    at("2026-12-04T09:00:00+01:00");
    const report = await nudges.tick();
    expect(report.sent.map((n) => [n.kind, n.staffId]).sort()).toEqual(
      [
        ["minutes", h.world.karinId],
        ["minutes", perId],
      ].sort(),
    );
    const channel = `D${KARIN.userId.slice(1)}`;
    const nudge = dmsTo(h.fake, channel).at(-1)!;
    expect(visibleText(nudge.args.blocks)).toContain("har inget protokoll än");
    const click = blockAction(KARIN, button(nudge.args.blocks, "dialogue.record.form"), {
      channel,
      messageTs: "1764835200.000100",
      responseUrl: h.fake.responseUrl("actions"),
    });
    const ack = await h.sendAndSettle({ kind: "interaction", payload: click });
    expect(ack.status).toBe(200);
    const opened = h.fake.callsTo("views.open").at(-1)!;
    expect(opened.args.trigger_id).toBe(click.trigger_id);
    expect(opened.args.view).toMatchObject({ type: "modal", callback_id: "minutes", title: { text: "Protokoll Stockholms kom" } });
  });

  it("sends nothing on a Swedish public holiday: the briefing for Thursday 7 January comes on Tuesday 5 January, not on trettondedag jul", async () => {
    at("2026-12-10T09:00:00+01:00");
    await sv.dialogues.book(
      { organizerId: h.world.stockholmId, digital: true, start: "2027-01-07T10:00", durationMinutes: 60, staffIds: [h.world.karinId] },
      SYSTEM,
    );
    const channel = `D${KARIN.userId.slice(1)}`;
    const before = dmsTo(h.fake, channel).length;
    at("2027-01-05T08:00:00+01:00");
    expect((await nudges.tick()).sent.map((n) => n.kind)).toEqual(["briefing"]);
    expect(dmsTo(h.fake, channel)).toHaveLength(before + 1);
    const calls = h.fake.calls.length;
    for (const time of ["08:00", "09:00", "10:30"]) {
      at(`2027-01-06T${time}:00+01:00`);
      expect(await nudges.tick()).toMatchObject({ sent: [], lost: [], failed: [], undeliverable: [] });
    }
    expect(h.fake.calls.length).toBe(calls);
  });
});

/** Two Slack app instances (each its own Bolt app, SDK, pool and nudge timer) on one PostgreSQL schema. */
const pg = await postgresAvailability();
describe.skipIf(!pg.available)(`two Slack app instances on one PostgreSQL store${pg.available ? "" : ` (skipped: ${pg.reason})`}`, () => {
  const schema = uniqueSchemaName("slack_nudges");
  let fake: FakeSlack;
  let now: number;
  const instances: Array<{ store: Store; sv: Samverkan; app: SlackApp; nudges: NudgeScheduler }> = [];
  const at = (iso: string) => (now = new Date(iso).getTime());

  beforeAll(async () => {
    fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
    at("2026-11-23T09:00:00+01:00");
    for (const name of ["slack-a", "slack-b"]) {
      const store = await createPostgresStore({ connectionString: postgresTestUrl, schema, max: 4 });
      const sv = createSamverkan({ store, clock: () => new Date(now), calendar: CALENDAR });
      const { logger } = captureLogs();
      const app = createSlackApp({
        config: testConfig(fake.apiUrl),
        samverkan: sv,
        logger,
      });
      await app.start();
      instances.push({ store, sv, app, nudges: startSlackNudges({ samverkan: sv, client: app.bolt.client, logger, timer: false, instanceId: name }) });
    }
    const sv = instances[0]!.sv;
    await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], SYSTEM);
    const boras = await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, SYSTEM);
    const staff: Staff[] = [];
    for (const [name, userId] of [
      ["Karin Lind", KARIN.userId],
      ["Per Holm", PER.userId],
      ["Eva Ek", "U0EVA"],
    ] as const) {
      staff.push(await sv.staff.create({ name, agency: "spsm", role: "advisor", identities: [{ platform: "slack", teamId: TEAM_ID, userId }] }, SYSTEM));
    }
    // Monday 30 November to Friday 4 December: a dialogue a day, two people each.
    for (const [day, who] of [
      ["2026-12-01", [0, 1]],
      ["2026-12-02", [1, 2]],
      ["2026-12-03", [0, 2]],
      ["2026-12-04", [0, 1]],
    ] as const) {
      await sv.dialogues.book(
        { organizerId: boras.id, digital: true, start: `${day}T10:00`, durationMinutes: 60, staffIds: who.map((i) => staff[i]!.id) },
        SYSTEM,
      );
    }
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.nudges.stop();
      await i.app.stop(1000);
    }
    await instances[0]?.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    for (const i of instances) await i.store.close();
    await fake?.close();
  });

  it("both tick at the same moments every few minutes for a week: each nudge reaches its person exactly once", async () => {
    const ticks: string[] = [];
    for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07"]) {
      for (const time of ["07:55", "08:00", "08:05", "09:00", "09:05", "12:00"]) ticks.push(`${day}T${time}:00+01:00`);
    }
    for (const tick of ticks) {
      at(tick);
      const reports = await Promise.all(instances.map((i) => i.nudges.tick()));
      for (const r of reports) expect(r.failed).toEqual([]);
    }
    const dms = fake.callsTo("chat.postMessage").map((c) => `${String(c.args.channel)} ${visibleText(c.args.blocks).split("\n")[0]!.slice(0, 40)}`);
    // Briefings: 8 (two people × four dialogues, each the working day before at 08:00);
    // minutes: 8 (the working day after at 09:00, none were written). No duplicates.
    expect(dms).toHaveLength(16);
    expect(new Set(fake.callsTo("chat.postMessage").map((c) => JSON.stringify([c.args.channel, c.args.text])))).toHaveProperty("size", 16);
    const sent = await instances[0]!.store.db.selectFrom("nudge_claims").select(["key", "status"]).execute();
    expect(sent).toHaveLength(16);
    expect(sent.every((s) => s.status === "sent")).toBe(true);
  });
});
