/**
 * Resident memory of the built Slack app, idle and after 1,000 turns: `node
 * apps/slack/dist/main.js` on a SQLite file (Skolverket's real statistics export loaded),
 * against the fake Slack Web API, receiving 1,000 signed requests shaped like Slack's own
 * (slash commands and direct messages, mixed intents) over HTTP, 10 at a time. Memory is
 * the whole process tree's resident set (Linux /proc), sampled once the app is idle.
 *
 *   pnpm build && pnpm --filter @samverkan/slack bench:memory
 *
 * Prints a markdown section and writes it into docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeSlack } from "../test/support/fake-slack";
import { SIGNING_SECRET } from "../test/support/harness";
import { directMessage, newTriggerId, slashCommand } from "../test/support/slack-payloads";
import { signRequest, type SlackBody } from "../test/support/signer";
import { BOT_ID, BOT_USER_ID, KARIN, TEAM_ID } from "../test/support/world";
import { seedBenchFile } from "./bench-world";
import { APP_NODE_FLAGS, benchNodeFlags, startBuiltSlack } from "./built-app";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const IN_FLIGHT = 10;
/** The first turns warm the app up (search index, compiled code, connections); growth is measured from there. */
const WARMUP_TURNS = Math.min(100, TURNS);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);
const TARGET_MIB = 120;
const TARGET_GROWTH = 0.1;

/** What staff type, in Swedish and English: searches, help, their dialogues, coverage, a booking that asks back. */
const UTTERANCES = [
  "sök rinkeby",
  "hjälp",
  "mina dialoger",
  "sök sandgärd",
  "hur går det med täckningen?",
  "boka dialog med Borås kommun imorgon kl 10",
  "search engelbrekt",
  "help",
  "sök kunskapsskolan",
  "vilka skolor finns i Malmö?",
];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
  const databaseFile = join(mkdtempSync(join(tmpdir(), "samverkan-slack-memory-")), "samverkan.db");
  await seedBenchFile(databaseFile);
  // Heap figures come from the app's own /metrics; BENCH_HEAP_SNAPSHOTS=<dir> also writes a V8 heap snapshot at each idle point.
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOTS;
  // BENCH_V8_DEFAULTS=1 starts the app without production's V8 flags, to compare.
  // BENCH_NODE_FLAGS adds V8 flags to try (NODE_OPTIONS refuses most of them).
  const nodeFlags: readonly string[] = [...(process.env.BENCH_V8_DEFAULTS === "1" ? [] : APP_NODE_FLAGS), ...benchNodeFlags()];
  const app = await startBuiltSlack({
    slackApiUrl: fake.apiUrl,
    databaseFile,
    nodeFlags,
    env: {
      METRICS_TOKEN: "memory-benchmark-token",
      // Allocator and V8 settings to compare, passed through as an operator would set them.
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
      ...(process.env.BENCH_NODE_OPTIONS || snapshotDir
        ? {
            NODE_OPTIONS: [process.env.BENCH_NODE_OPTIONS ?? "", snapshotDir ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}` : ""]
              .join(" ")
              .trim(),
          }
        : {}),
    },
  });
  /** V8's view at an idle point: heap in use and reserved, and memory held outside the heap (buffers, SQLite's cache is not counted). */
  const heapFigures = async (label: string) => {
    if (snapshotDir) {
      app.child.kill("SIGUSR2");
      await sleep(4_000);
    }
    const text = await (await fetch(`${app.origin}/metrics`, { headers: { authorization: "Bearer memory-benchmark-token" } })).text();
    const figure = (name: string) =>
      Number(
        /^(\S+) (\S+)$/m.exec(
          text
            .split("\n")
            .filter((l) => l.startsWith(name))
            .join("\n"),
        )?.[2] ?? Number.NaN,
      );
    const status = readFileSync(`/proc/${app.child.pid}/status`, "utf8");
    // BENCH_SMAPS=<dir> keeps the process's memory map at each idle point, to see what the resident set is made of.
    if (process.env.BENCH_SMAPS)
      writeFileSync(join(process.env.BENCH_SMAPS, `${label.replace(/\W+/g, "-")}.smaps`), readFileSync(`/proc/${app.child.pid}/smaps`, "utf8"));
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) / 1024;
    const heap = {
      file: kib("RssFile"),
      anon: kib("RssAnon"),
      used: mib(figure("samverkan_nodejs_heap_size_used_bytes")),
      total: mib(figure("samverkan_nodejs_heap_size_total_bytes")),
      external: mib(figure("samverkan_nodejs_external_memory_bytes")),
    };
    process.stderr.write(
      `${label}: heap used ${heap.used.toFixed(1)} MiB of ${heap.total.toFixed(1)} MiB; external ${heap.external.toFixed(1)} MiB; resident file-backed ${heap.file.toFixed(1)}, anonymous ${heap.anon.toFixed(1)} MiB\n`,
    );
    return heap;
  };
  /** Answers so far: response_url posts (commands), chat.postMessage (DMs), chat.postEphemeral (a DM's "busy" note). */
  const answers = () => fake.hookCount + fake.callsTo("chat.postMessage").length + fake.callsTo("chat.postEphemeral").length;
  /** Three samples of the idle process tree, a second apart. */
  const idleRss = async () => {
    await sleep(IDLE_MS);
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      samples.push(app.rss());
      await sleep(1_000);
    }
    return median(samples);
  };
  const loadBefore = loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
  try {
    const before = await idleRss();
    const heapBefore = await heapFigures("idle");
    process.stderr.write(`idle: ${mib(before).toFixed(1)} MiB; sending ${TURNS} turns…\n`);

    let next = 0;
    let refused = 0;
    const kinds = { command: 0, dm: 0 };
    const started = performance.now();
    /**
     * Sends turns up to `upTo`, at most 10 unanswered at a time (people wait for an answer before
     * they write again; a bare flood would only fill the answer queue and get "busy" notes),
     * then waits until every one is answered or answers stop coming.
     */
    const sendUpTo = async (upTo: number) => {
      const worker = async () => {
        for (;;) {
          while (next - refused - answers() >= IN_FLIGHT) await sleep(5);
          if (next >= upTo) return;
          const i = next++;
          const text = UTTERANCES[i % UTTERANCES.length]!;
          let body: SlackBody;
          if (i % 2 === 0) {
            kinds.command++;
            body = { kind: "command", fields: slashCommand(KARIN, text, { responseUrl: fake.responseUrl(), triggerId: newTriggerId() }) };
          } else {
            kinds.dm++;
            body = { kind: "event", envelope: directMessage(KARIN, BOT_USER_ID, text) };
          }
          const signed = signRequest(SIGNING_SECRET, body);
          const response = await fetch(app.url, { method: "POST", headers: signed.headers, body: signed.body });
          const acked = await response.text();
          // A refused request, or a command turned away in its ack ("busy"), gets no answer later.
          if (response.status !== 200 || (body.kind === "command" && acked.includes("busy"))) refused++;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      // Every turn answers (response_url for commands, chat.postMessage for DMs); the queue drains after the acks.
      let last = -1;
      let quietSince = Date.now();
      while (answers() < upTo - refused) {
        if (answers() !== last) [last, quietSince] = [answers(), Date.now()];
        if (Date.now() - quietSince > 10_000) break;
        await sleep(200);
      }
    };
    await sendUpTo(WARMUP_TURNS);
    const warm = await idleRss();
    const heapWarm = await heapFigures("warmed up");
    process.stderr.write(`after ${WARMUP_TURNS} turns: ${mib(warm).toFixed(1)} MiB; sending the rest…\n`);
    await sendUpTo(TURNS);
    const seconds = (performance.now() - started) / 1000;
    const answered = answers();
    const methods = new Map<string, number>();
    for (const call of fake.calls) methods.set(call.method, (methods.get(call.method) ?? 0) + 1);
    process.stderr.write(`Web API calls: ${[...methods].map(([m, n]) => `${m} ${n}`).join(", ")}; response_url posts: ${fake.hookCount}\n`);
    const after = await idleRss();
    const heapAfter = await heapFigures(`after ${TURNS} turns`);
    const growth = (after - warm) / warm;
    const loadAfter = loadavg()
      .map((n) => n.toFixed(2))
      .join(" / ");
    process.stderr.write(`after: ${mib(after).toFixed(1)} MiB (${(growth * 100).toFixed(1)} %)\n`);

    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    const meets = (ok: boolean) => (ok ? "meets" : "**misses**");
    const section = `## Slack app memory: idle and after ${TURNS.toLocaleString("en")} turns (issue 15)

Measured by \`pnpm --filter @samverkan/slack bench:memory\` (apps/slack/bench/memory.ts) at ${commit}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, one run:
${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node.js ${process.version}; load average (1/5/15 min) ${loadBefore} before and ${loadAfter} after
(the machine is shared with other work).

The built app (\`node apps/slack/dist/main.js\`, one process, nothing in front of it) on a SQLite file holding Skolverket's real
statistics export, against the fake Slack Web API on loopback. ${TURNS.toLocaleString("en")} signed requests shaped like Slack's
(${kinds.command} \`/samverkan\` slash commands, ${kinds.dm} direct messages as Events API \`message.im\`), ${UTTERANCES.length} different
utterances (searches, help, own dialogues, coverage, a booking that asks back; Swedish and English), at most ${IN_FLIGHT} unanswered at a time, over HTTP.
Memory is the resident set of the app's whole process tree, the median of three samples a second apart after ${IDLE_MS / 1000} s idle.

| measurement | result |
| --- | --- |
| idle, before any turn | ${mib(before).toFixed(1)} MiB (${meets(mib(before) < TARGET_MIB)} the < ${TARGET_MIB} MiB target) |
| idle, after the first ${WARMUP_TURNS} turns (warmed up) | ${mib(warm).toFixed(1)} MiB (${meets(mib(warm) < TARGET_MIB)} the < ${TARGET_MIB} MiB target) |
| idle, after ${TURNS.toLocaleString("en")} turns | ${mib(after).toFixed(1)} MiB (${meets(mib(after) < TARGET_MIB)} the < ${TARGET_MIB} MiB target) |
| growth from warmed up to ${TURNS.toLocaleString("en")} turns | ${(growth * 100).toFixed(1)} % (${meets(growth <= TARGET_GROWTH)} the ≤ ${TARGET_GROWTH * 100} % target) |
| growth from before any turn | ${(((after - before) / before) * 100).toFixed(1)} % |
| requests refused (not 200) | ${refused} |
| answers posted (response_url + chat.postMessage + chat.postEphemeral) | ${answered} of ${TURNS}, of which ${fake.callsTo("chat.postEphemeral").length} "busy" notes |
| time to send and answer all turns | ${seconds.toFixed(1)} s |
| V8 heap used / reserved: idle, warmed up, after | ${[heapBefore, heapWarm, heapAfter].map((h) => `${h.used.toFixed(1)} / ${h.total.toFixed(1)}`).join(", ")} MiB |
| resident file-backed (the node binary with its ICU data, native addons) / anonymous (V8 heap, malloc): idle, warmed up, after | ${[heapBefore, heapWarm, heapAfter].map((h) => `${h.file.toFixed(1)} / ${h.anon.toFixed(1)}`).join(", ")} MiB |
| memory outside the V8 heap counted by Node (external): idle, warmed up, after | ${[heapBefore, heapWarm, heapAfter].map((h) => h.external.toFixed(1)).join(", ")} MiB |

${nodeFlags.length > 0 ? `The app runs with the V8 flags \`${nodeFlags.join(" ")}\` (production's are in packages/runtime/src/node-flags.ts${benchNodeFlags().length > 0 ? "; the rest came from BENCH_NODE_FLAGS" : ""})` : "The app runs with V8's defaults (`BENCH_V8_DEFAULTS=1`), not production's flags"}${process.env.BENCH_NODE_OPTIONS ? ` plus NODE_OPTIONS \`${process.env.BENCH_NODE_OPTIONS}\`` : ""}.
Most of the rise comes with the first turns (the search indexes over the statistics export, the
date parser, compiled code, V8 growing its heap), so growth is measured from the warmed-up state.
${
  snapshotDir
    ? "In this run a V8 heap snapshot was written at each idle point (`BENCH_HEAP_SNAPSHOTS`); a snapshot collects garbage first, so the heap used shown is what is live, and the snapshot's own work inflates the resident figures."
    : "The heap used shown includes garbage not yet collected; `BENCH_HEAP_SNAPSHOTS=<dir>` writes heap snapshots instead, whose collection shows what is live."
}
`;

    process.stdout.write(section);
    const docPath = join(repoRoot, "docs/benchmarks.md");
    const doc = readFileSync(docPath, "utf8");
    const heading = section.slice(0, section.indexOf("\n"));
    const start = doc.indexOf(heading.slice(0, heading.indexOf(":")));
    const end = start < 0 ? -1 : doc.indexOf("\n## ", start + 10);
    writeFileSync(docPath, start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${end < 0 ? "" : `\n${doc.slice(end + 1)}`}`);
    process.stderr.write(`written to ${docPath}\n`);
  } finally {
    await app.stop();
    await fake.close();
  }
}

await main();
