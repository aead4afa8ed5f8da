// Shared by the deploy smoke test and the runtime benchmark: start a built app with plain
// node, with just enough configuration to serve, and wait for its first 200 on /healthz.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

export const METRICS_TOKEN = "smoke-test-metrics-token";
const TENANT = "11111111-2222-3333-4444-555555555555";

/** A stand-in for Slack's Web API on loopback: every method answers ok (auth.test included). */
export async function fakeSlackApi() {
  const server = createServer((req, res) => {
    req.resume();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ ok: true, user_id: "U0SMOKE", team_id: "T0SMOKE", bot_id: "B0SMOKE", url: "https://smoke.slack.com/" }));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${server.address().port}/api/`, close: () => new Promise((done) => server.close(done)) };
}

export async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Environment for one app: local development settings, a throwaway SQLite file, no real platform. */
export function appEnv(app, { port, dataDir, slackApiUrl }) {
  const common = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    SAMVERKAN_DB: join(dataDir, `${app}.db`),
    LOG_LEVEL: "warn",
    METRICS_TOKEN,
  };
  if (app === "slack")
    return {
      ...common,
      HOST: "127.0.0.1",
      SLACK_BOT_TOKEN: "xoxb-smoke-test",
      SLACK_SIGNING_SECRET: "smoke-signing-secret",
      SLACK_ALLOWED_TEAM_IDS: "T0SMOKE",
      SLACK_API_URL: slackApiUrl,
    };
  return { ...common, TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT };
}

/** The apps' V8 flags, as production runs them: APP_NODE_FLAGS in packages/runtime/src/node-flags.ts. */
export const APP_NODE_FLAGS = ["--max-semi-space-size=2", "--expose-gc"];

/** Spawns `node <flags> <entry>` and resolves with the child and the milliseconds until /healthz first answered 200. */
export async function startApp(entry, env, port, { timeoutMs = 120_000, nodeFlags = APP_NODE_FLAGS } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let exited = false;
  child.once("exit", () => (exited = true));
  while (performance.now() - started < timeoutMs) {
    if (exited) throw new Error(`${entry} exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return { child, readyMs: performance.now() - started, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  child.kill("SIGKILL");
  throw new Error(`${entry} did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}

/** Resident memory of a process and all its descendants (Linux /proc), in bytes. */
export function treeRss(pid) {
  const children = () => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let rss = 0;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    rss = pages * 4096;
  } catch {
    return 0;
  }
  return rss + children().reduce((sum, child) => sum + treeRss(child), 0);
}

/** SIGTERM, and the exit code once the app has shut down. */
export function stopApp(child, timeoutMs = 15_000) {
  return new Promise((done, fail) => {
    if (child.exitCode !== null) return done(child.exitCode);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error("app did not stop within 15 s of SIGTERM"));
    }, timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      done(code ?? (signal ? 128 : 1));
    });
    child.kill("SIGTERM");
  });
}
