/**
 * How long a staff member waits for an answer in Teams, measured from the moment an
 * activity is POSTed to /api/messages until the (fake) Bot Connector receives the reply,
 * with 50 activities in flight at once.
 *
 * Two apps run in the same process, one after the other in alternating rounds, each with
 * the same kind of loopback connector:
 * - samverkan: the real Teams app (Teams SDK behind our node:http transport) answering "sök Rinkebyskolan" (tenant check, event
 *   de-duplication in SQLite, staff lookup, engine search, Adaptive Card rendering) on a
 *   SQLite file store with a small directory;
 * - echo: a bare Teams SDK App (its own default Express transport, no authentication)
 *   whose only route echoes the text back as a reply.
 *
 * `pnpm --filter @samverkan/teams bench` (BENCH_ACTIVITIES, BENCH_CONCURRENCY, BENCH_ROUNDS
 * override the defaults). Prints a markdown table and writes it into docs/benchmarks-teams.md
 * between the `bench:latest` markers (earlier results in that file are kept).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "@microsoft/teams.apps";
import { PUBLIC } from "@microsoft/teams.api";
import { createEngine } from "@samverkan/chat";
import { createTeamsApp } from "../src/app";
import { createLogger } from "../src/log";
import { sdkLogger } from "../src/sdk";
import { fixturesAvailable, fixturesMissingReason, message } from "../test/support/activities";
import { startFakeConnector, type FakeConnector } from "../test/support/fake-connector";
import { buildWorld, TENANT_ID } from "../test/support/world";

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = 200;
const QUERY = "sök Rinkebyskolan";

interface Contender {
  name: string;
  description: string;
  url: string;
  connector: FakeConnector;
  latencies: number[];
  elapsedMs: number;
  close(): Promise<void>;
}

/** A port nothing listens on right now (the SDK's own transport takes a port, not 0). */
function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

async function samverkanContender(dir: string): Promise<Contender> {
  const connector = await startFakeConnector();
  const world = await buildWorld(join(dir, "samverkan.db"));
  const logger = createLogger({ level: "warn" });
  const engine = createEngine({ samverkan: world.samverkan, logger });
  const app = createTeamsApp({ config: { allowedTenantIds: [TENANT_ID], port: 0 }, samverkan: world.samverkan, engine, logger });
  const port = await app.listen(0, "127.0.0.1");
  return {
    name: "samverkan",
    description: `Samverkan Teams app answering "${QUERY}" (search card)`,
    url: `http://127.0.0.1:${port}/api/messages`,
    connector,
    latencies: [],
    elapsedMs: 0,
    async close() {
      await app.close();
      await connector.close();
      await world.store.close();
    },
  };
}

async function echoContender(): Promise<Contender> {
  const connector = await startFakeConnector();
  const logger = createLogger({ level: "warn" });
  const app = new App({
    clientId: "",
    tenantId: "",
    cloud: PUBLIC,
    dangerouslyAllowUnauthenticatedRequests: true,
    logger: sdkLogger(logger),
    telemetry: { agent365: false },
  });
  app.on("message", async (ctx) => {
    await ctx.send({ type: "message", text: ctx.activity.text, replyToId: ctx.activity.id });
  });
  const port = await freePort();
  await app.start(port);
  return {
    name: "echo",
    description: "bare Teams SDK App (default Express transport) that echoes the text",
    url: `http://127.0.0.1:${port}/api/messages`,
    connector,
    latencies: [],
    elapsedMs: 0,
    async close() {
      await app.stop();
      await connector.close();
    },
  };
}

/** Sends `count` search messages, `concurrency` at a time; returns POST → reply-received latencies. */
async function run(contender: Contender, count: number): Promise<{ latencies: number[]; elapsedMs: number }> {
  const started = new Map<string, number>();
  const latencies: number[] = [];
  const replies = new Map<string, () => void>();
  contender.connector.onCall((call) => {
    const start = call.activityId ? started.get(call.activityId) : undefined;
    if (start === undefined || call.body.type !== "message") return;
    latencies.push(call.at - start);
    started.delete(call.activityId!);
    replies.get(call.activityId!)?.();
  });
  const activities = Array.from({ length: count }, () => message("personal", QUERY, { serviceUrl: contender.connector.serviceUrl }));
  let next = 0;
  const begin = performance.now();
  async function worker(): Promise<void> {
    while (next < activities.length) {
      const activity = activities[next++]!;
      const id = String(activity.id);
      const replied = new Promise<void>((resolve) => replies.set(id, resolve));
      started.set(id, performance.now());
      const response = await fetch(contender.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${contender.name}: HTTP ${response.status}`);
      await replied;
      replies.delete(id);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = performance.now() - begin;
  contender.connector.reset();
  return { latencies, elapsedMs };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const ms = (value: number) => value.toFixed(1);

/** The installed @microsoft/teams.apps version, for the record. */
function sdkVersion(): string {
  const manifest = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "@microsoft", "teams.apps", "package.json");
  return `@microsoft/teams.apps ${(JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version}`;
}

async function main(): Promise<void> {
  if (!fixturesAvailable) throw new Error(`the benchmark builds its activities from the recorded Teams fixtures: ${fixturesMissingReason}`);
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), "samverkan-teams-bench-"));
  const contenders = [await samverkanContender(dir), await echoContender()];
  try {
    for (const contender of contenders) await run(contender, WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of round % 2 === 0 ? contenders : [...contenders].reverse()) {
        const result = await run(contender, ACTIVITIES);
        contender.latencies.push(...result.latencies);
        contender.elapsedMs += result.elapsedMs;
        console.error(`round ${round + 1}/${ROUNDS} ${contender.name}: ${result.latencies.length} replies in ${ms(result.elapsedMs)} ms`);
      }
    }
  } finally {
    for (const contender of contenders) await contender.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const rows = contenders.map((contender) => {
    const sorted = [...contender.latencies].sort((a, b) => a - b);
    return `| ${contender.name} | ${contender.description} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 90))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${Math.round((sorted.length / contender.elapsedMs) * 1000)} |`;
  });
  const table = [
    `| app | what it does | replies | p50 ms | p90 ms | p99 ms | max ms | replies/s |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows,
  ].join("\n");
  console.log(table);

  const machine = `${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${process.platform}/${process.arch}`;
  const section = `<!-- bench:latest -->
## Latest run: Teams SDK (${sdkVersion()})

Time from POSTing a Teams message activity to \`/api/messages\` until the Bot Connector
receives the bot's reply, with ${CONCURRENCY} activities in flight at once
(${ROUNDS} alternating rounds of ${ACTIVITIES} activities per app after ${WARMUP} warm-up
activities). Both apps run in one process, each with its own fake Bot Connector on
loopback; the load generator runs in the same process.

- **samverkan**: the real Teams app (\`createTeamsApp\`) answering "${QUERY}" from a personal
  chat: tenant allow-list, activity de-duplication (\`claimEvent\`) and staff lookup in a
  SQLite file store (WAL), the engine's school search, and an Adaptive Card reply.
- **echo**: a bare Teams SDK \`App\` on its own default transport (Express) whose only route
  echoes the text back as a reply.

${table}

Machine: ${machine}; 1-minute load average ${loadAtStart.toFixed(2)} when the run started
(other work on the machine shows up in the tails).
Date: ${new Date().toISOString()}.

Run it again with \`pnpm --filter @samverkan/teams bench\` (\`BENCH_ACTIVITIES\`,
\`BENCH_CONCURRENCY\`, \`BENCH_ROUNDS\` change the load).
<!-- /bench:latest -->`;
  const docPath = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "docs", "benchmarks-teams.md");
  const current = readFileSync(docPath, "utf8");
  const marked = /<!-- bench:latest -->[\s\S]*<!-- \/bench:latest -->/;
  writeFileSync(docPath, marked.test(current) ? current.replace(marked, () => section) : `${current.trimEnd()}\n\n${section}\n`);
  console.error(`wrote ${docPath}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
