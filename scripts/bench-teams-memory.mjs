// Resident memory of the built Teams app (`node apps/teams/dist/main.js`, nothing in front of
// it): the whole process tree, idle after start, and again after 1,000 turns answered through
// a fake Bot Connector on loopback. `node scripts/bench-teams-memory.mjs [entry]` (build first);
// the entry defaults to apps/teams/dist/main.js, so an older build can be measured the same way.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { appEnv, freePort, METRICS_TOKEN, startApp, stopApp, treeRss } from "./app-process.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = resolve(process.argv[2] ?? join(root, "apps/teams/dist/main.js"));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const TENANT = "11111111-2222-3333-4444-555555555555";
// BENCH_IDLE_MS: how long the app idles before each sample (35000 lets the idle collector, which waits for 30 s of quiet, act first).
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 3000);

/** Answers every Bot Connector call with a new activity id. */
async function fakeConnector() {
  let sequence = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: String(++sequence) })));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}/`, calls: () => sequence, close: () => new Promise((done) => server.close(done)) };
}

function activity(n, serviceUrl) {
  return {
    type: "message",
    id: `bench-${n}`,
    text: "hjälp",
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:bench-user-${n % 7}`, aadObjectId: `00000000-0000-0000-0000-00000000000${n % 7}` },
    recipient: { id: "28:bench-bot", name: "Samverkan" },
    conversation: { id: `a:bench-${n % 7}`, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

const idle = [];
const busy = [];
const heap = [];

/** The app's own view of its V8 heap (prom-client's default metrics on /metrics), in bytes. */
async function heapUsed(port) {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith("samverkan_nodejs_heap_size_used_bytes"));
  return line ? Number(line.split(" ").pop()) : Number.NaN;
}
for (let run = 0; run < RUNS; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), "samverkan-teams-mem-"));
  const connector = await fakeConnector();
  const port = await freePort();
  const { child } = await startApp(
    entry,
    {
      ...appEnv("teams", { port, dataDir }),
      TEAMS_ALLOWED_TENANT_IDS: TENANT,
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    },
    port,
  );
  await new Promise((done) => setTimeout(done, IDLE_MS));
  idle.push(treeRss(child.pid));
  let next = 0;
  const worker = async () => {
    while (next < TURNS) {
      const body = JSON.stringify(activity(next++, connector.url));
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  await new Promise((done) => setTimeout(done, IDLE_MS));
  busy.push(treeRss(child.pid));
  heap.push(await heapUsed(port));
  if (connector.calls() < TURNS) throw new Error(`only ${connector.calls()} replies for ${TURNS} turns`);
  await stopApp(child);
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  JSON.stringify({
    entry,
    runs: RUNS,
    turns: TURNS,
    idleMiB: idle.map(mib),
    afterTurnsMiB: busy.map(mib),
    medianIdleMiB: mib(median(idle)),
    medianAfterTurnsMiB: mib(median(busy)),
    heapUsedAfterTurnsMiB: heap.map(mib),
  }),
);
