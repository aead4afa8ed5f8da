import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, handleMetricsRequest } from "@samverkan/runtime";
import { createSamverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { createSlackApp, type SlackApp } from "../src/app";
import { createLogger } from "../src/logging";
import { startSlackNudges } from "../src/nudges";
import { startFakeSlack, type FakeSlack } from "./support/fake-slack";
import { BOT_TOKEN, SIGNING_SECRET, testConfig } from "./support/harness";
import { killStrayProcesses, slackAppEnv, startAppProcess } from "./support/process";
import { BOT_ID, BOT_USER_ID, CALENDAR, KARIN, TEAM_ID } from "./support/world";

const METRICS_TOKEN = "slack-metrics-token-for-tests";
const SYSTEM = { actor: { system: "test" }, channel: "system" } as const;

/** One sample's value from Prometheus text, whatever the order of its labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v) && Object.keys(pairs).length === Object.keys(labels).length) return Number(match[3]);
  }
  return undefined;
}

const scrape = async (url: string) => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

describe("nudge and mail outbox metrics on the Slack app's /metrics", () => {
  let fake: FakeSlack;
  let app: SlackApp;
  let url: string;
  let now = new Date("2026-11-23T09:00:00+01:00").getTime();
  const metrics = createMetrics("slack");
  const store = createSqliteStore({ file: ":memory:" });

  beforeAll(async () => {
    fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
    // Invitations are queued (SMTP configured) but never sent here: the outbox holds them.
    const sv = createSamverkan({
      store: await store,
      clock: () => new Date(now),
      calendar: { ...CALENDAR, mail: { smtpUrl: "smtp://127.0.0.1:9", from: "Samverkan <samverkan@spsm.se>" } },
    });
    const logger = createLogger("silent");
    app = createSlackApp({
      config: testConfig(fake.apiUrl),
      samverkan: sv,
      logger,
      http: { routes: (req, res) => handleMetricsRequest(metrics, METRICS_TOKEN, req, res) },
    });
    const started = await app.start();
    if (started.mode !== "http") throw new Error("expected HTTP mode");
    url = `${new URL(started.url).origin}/metrics`;
    // As main.ts wires them.
    metrics.observeMailOutbox(() => sv.mail.outboxSize());
    const nudges = startSlackNudges({
      samverkan: sv,
      client: app.bolt.client,
      logger,
      timer: false,
      instanceId: "metrics",
      onNudge: (outcome) => metrics.nudges.inc({ outcome }),
    });

    await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], SYSTEM);
    const boras = await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, SYSTEM);
    const karin = await sv.staff.create(
      { name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "advisor", identities: [{ platform: "slack", ...KARIN }] },
      SYSTEM,
    );
    const nils = await sv.staff.create({ name: "Nils Ek", email: "nils.ek@spsm.se", agency: "spsm", role: "advisor" }, SYSTEM);
    await sv.dialogues.book({ organizerId: boras.id, digital: true, start: "2026-12-03T10:00", durationMinutes: 60, staffIds: [karin.id, nils.id] }, SYSTEM);
    now = new Date("2026-12-02T08:00:00+01:00").getTime();
    await nudges.tick();
    await nudges.stop();
  });
  afterAll(async () => {
    await app?.stop(1000);
    await fake?.close();
    await (await store).close();
  });

  it("counts nudges by outcome and reads the outbox size from the store at each scrape", async () => {
    const text = await scrape(url);
    expect(sample(text, "samverkan_nudges_total", { outcome: "sent", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_nudges_total", { outcome: "undeliverable", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_nudges_total", { outcome: "failed", app: "slack" })).toBeUndefined();
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "pending", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "sent", app: "slack" })).toBe(0);
    // Read again at the next scrape: the outbox is the store's, not a counter of this instance.
    await (await store).db.updateTable("mail_outbox").set({ status: "failed" }).execute();
    const again = await scrape(url);
    expect(sample(again, "samverkan_mail_outbox_messages", { status: "pending", app: "slack" })).toBe(0);
    expect(sample(again, "samverkan_mail_outbox_messages", { status: "failed", app: "slack" })).toBe(1);
  });
});

describe("the Slack app process (main.ts)", () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    killStrayProcesses();
    await fake?.close();
  });

  it("exposes the nudge counter and the outbox size on /metrics", async () => {
    fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
    const proc = startAppProcess(slackAppEnv({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, teamId: TEAM_ID, apiUrl: fake.apiUrl }, { METRICS_TOKEN }));
    const listening = await proc.waitForLine((line) => typeof line.url === "string");
    const text = await scrape(`${new URL(String(listening.url)).origin}/metrics`);
    expect(text).toContain("# TYPE samverkan_nudges_total counter");
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "pending", app: "slack" })).toBe(0);
    proc.child.kill("SIGTERM");
    expect(await proc.exitWithin(30_000)).toBe(0);
  }, 120_000);
});
