import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { botConnectorCalls, countPlatformCalls, createMetrics, handleMetricsRequest, observeTurns, serveMetricsOnLoopback, slackApiCalls } from "../src/index";

const TOKEN = "a-metrics-token-of-some-length";

/** The value of one sample in Prometheus text, whatever order its labels come in. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v) && Object.keys(pairs).length === Object.keys(labels).length) return Number(match[3]);
  }
  return undefined;
}
const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => (server as Server).close(done));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function appServer(token: string | undefined) {
  const metrics = createMetrics("slack");
  const server = createServer((req, res) => {
    if (handleMetricsRequest(metrics, token, req, res)) return;
    res.writeHead(200).end("app");
  });
  return { metrics, server };
}

describe("GET /metrics on the app's port", () => {
  it("answers only with the bearer token, in Prometheus text format", async () => {
    const { metrics, server } = appServer(TOKEN);
    const url = await listen(server);
    observeTurns(metrics)({ intent: "dialogue.book", outcome: "ok", durationMs: 42 });
    metrics.acks.inc({ kind: "event" });

    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await ok.text();
    expect(sample(text, "samverkan_turns_total", { intent: "dialogue.book", outcome: "ok", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_turn_duration_seconds_bucket", { le: "0.025", intent: "dialogue.book", app: "slack" })).toBe(0);
    expect(sample(text, "samverkan_turn_duration_seconds_bucket", { le: "0.05", intent: "dialogue.book", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_acks_total", { kind: "event", app: "slack" })).toBe(1);
    expect(text).toContain("samverkan_process_resident_memory_bytes");
    expect((await fetch(`${url}/other`)).status).toBe(200);
  });

  it("is not served on the app's port without a token", async () => {
    const { server } = appServer(undefined);
    const url = await listen(server);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });
});

describe("nudges and the mail outbox", () => {
  it("counts nudges by outcome and reads the outbox from its source at each scrape, keeping the last values when that fails", async () => {
    const { metrics, server } = appServer(TOKEN);
    const url = await listen(server);
    metrics.nudges.inc({ outcome: "sent" });
    metrics.nudges.inc({ outcome: "sent" });
    metrics.nudges.inc({ outcome: "lost" });
    let outbox: Record<string, number> | Error = { pending: 3, sent: 10, failed: 1 };
    metrics.observeMailOutbox(async () => {
      if (outbox instanceof Error) throw outbox;
      return outbox;
    });
    const scrape = async () => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    let text = await scrape();
    expect(sample(text, "samverkan_nudges_total", { outcome: "sent", app: "slack" })).toBe(2);
    expect(sample(text, "samverkan_nudges_total", { outcome: "lost", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "pending", app: "slack" })).toBe(3);
    outbox = { pending: 0, sent: 13, failed: 1 };
    text = await scrape();
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "pending", app: "slack" })).toBe(0);
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "sent", app: "slack" })).toBe(13);
    outbox = new Error("store unreachable");
    text = await scrape();
    expect(sample(text, "samverkan_mail_outbox_messages", { status: "sent", app: "slack" })).toBe(13);
  });
});

describe("METRICS_PORT", () => {
  it("serves /metrics without a token on 127.0.0.1 only", async () => {
    const metrics = createMetrics("teams");
    const served = await serveMetricsOnLoopback(metrics, 0);
    servers.push(served.server);
    expect(served.server.address()).toMatchObject({ address: "127.0.0.1" });
    const response = await fetch(`http://127.0.0.1:${served.port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('app="teams"');
    expect((await fetch(`http://127.0.0.1:${served.port}/`)).status).toBe(404);
  });
});

describe("platform API calls", () => {
  it("counts calls and 429s made with fetch and with node:http, by method", async () => {
    const fake = createServer((req, res) => {
      if (req.url === "/api/chat.postMessage") res.writeHead(429, { "retry-after": "1" }).end('{"ok":false}');
      else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    const base = await listen(fake);
    const metrics = createMetrics("slack");
    const stop = countPlatformCalls(metrics, slackApiCalls(`${base}/api/`));
    try {
      await (await fetch(`${base}/api/chat.postMessage`, { method: "POST" })).text();
      await (await fetch(`${base}/api/views.open`, { method: "POST" })).text();
      await new Promise<void>((done, fail) => {
        request(`${base}/api/chat.postMessage`, { method: "POST" }, (res) => res.resume().on("end", done))
          .on("error", fail)
          .end();
      });
      await (await fetch(`${base}/not-slack`)).text();
    } finally {
      stop();
    }
    await (await fetch(`${base}/api/views.open`)).text(); // after stop: not counted
    const text = await metrics.registry.metrics();
    expect(sample(text, "samverkan_platform_api_calls_total", { method: "chat.postMessage", result: "rate_limited", app: "slack" })).toBe(2);
    expect(sample(text, "samverkan_platform_api_calls_total", { method: "views.open", result: "ok", app: "slack" })).toBe(1);
    expect(sample(text, "samverkan_platform_api_rate_limited_total", { method: "chat.postMessage", app: "slack" })).toBe(2);
    expect(text).not.toContain("not-slack");
  });

  it("names Bot Connector calls", () => {
    const classify = botConnectorCalls();
    expect(classify(new URL("https://smba.trafficmanager.net/emea/v3/conversations/a:1/activities/x"))).toBe("connector.activities");
    expect(classify(new URL("https://login.microsoftonline.com/t/oauth2/v2.0/token"))).toBe("token");
    expect(classify(new URL("https://api.skolverket.se/planned-educations/v4/school-units"))).toBeUndefined();
  });
});
