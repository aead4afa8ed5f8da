// Runtime benchmark (issue 15), all side by side in one run on this machine, written to
// docs/benchmarks.md: the built CLI's cold `status --json` against `node -e 0`, and how soon
// the built Slack and Teams apps answer /healthz after spawn, with their resident memory.
// Needs the build (`pnpm build`); run with `pnpm bench:runtime`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { appEnv, fakeSlackApi, freePort, startApp, stopApp, treeRss } from "./app-process.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = new URL("..", import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-"));

function timed(args, env) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return performance.now() - started;
}

// CLI: one warm-up run (creates the SQLite file, fills the compile cache), then interleaved runs.
const cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SAMVERKAN_DB: join(dataDir, "cli.db") };
const cli = [join(root, "apps/cli/bin/samverkan.js"), "status", "--json"];
timed(cli, cliEnv);
const bare = [];
const status = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timed(["-e", "0"], cliEnv));
  status.push(timed(cli, cliEnv));
}

// Apps: spawn `node dist/main.js`, first 200 on /healthz, then the resident memory.
const slackApi = await fakeSlackApi();
const apps = {};
for (const app of ["slack", "teams"]) {
  const ready = [];
  const rss = [];
  for (let i = 0; i < 5; i++) {
    const port = await freePort();
    const { child, readyMs } = await startApp(join(root, `apps/${app}/dist/main.js`), appEnv(app, { port, dataDir, slackApiUrl: slackApi.url }), port);
    await new Promise((done) => setTimeout(done, 500)); // idle
    rss.push(treeRss(child.pid));
    ready.push(readyMs);
    await stopApp(child);
  }
  apps[app] = { ready: median(ready), rss: median(rss) };
}
await slackApi.close();

const cpu = cpus()[0]?.model ?? "unknown CPU";
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
const ms = (x) => `${Math.round(x)} ms`;
const mib = (x) => `${(x / 1024 / 1024).toFixed(0)} MiB`;
const section = `## Runtime: built apps and CLI on plain node (issue 15)

Measured by \`pnpm bench:runtime\` (scripts/bench-runtime.mjs) at ${commit}, one run, side by
side: ${cpus().length} × ${cpu}, Node.js ${process.version}, load average ${load} (the machine
is shared, so absolute times are noisy; the ratios are what to read).

| measurement | result |
| --- | --- |
| \`node -e 0\`, median of ${RUNS} | ${ms(median(bare))} |
| \`samverkan status --json\` (built CLI, one process, compile cache), median of ${RUNS} | ${ms(median(status))} (${(median(status) / median(bare)).toFixed(1)}× \`node -e 0\`; target ≤ 4×) |
| Slack app: spawn → first 200 on /healthz, median of 5 | ${ms(apps.slack.ready)} (target ≤ 1 s) |
| Slack app: resident memory of the process tree, idle | ${mib(apps.slack.rss)} (target < 120 MiB) |
| Teams app: spawn → first 200 on /healthz, median of 5 | ${ms(apps.teams.ready)} (target ≤ 1 s) |
| Teams app: resident memory of the process tree, idle | ${mib(apps.teams.rss)} (target < 120 MiB) |

The process tree is one \`node\` process per app now (no pnpm or tsx in front of it).
`;
const docPath = join(root, "docs/benchmarks.md");
const doc = readFileSync(docPath, "utf8");
const start = doc.indexOf("## Runtime: built apps and CLI on plain node (issue 15)");
const next = start < 0 ? -1 : doc.indexOf("\n## ", start + 10);
const updated = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next < 0 ? "" : `\n${doc.slice(next + 1)}`}`;
writeFileSync(docPath, updated);
process.stdout.write(section);
