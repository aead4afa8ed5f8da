// Second half of scripts/deploy-smoke.sh: start each deployed app with `node dist/main.js`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appEnv, fakeSlackApi, freePort, METRICS_TOKEN, startApp, stopApp } from "./app-process.mjs";

const [root, ...apps] = process.argv.slice(2);
const slackApi = await fakeSlackApi();
let failed = false;
try {
  for (const app of apps) {
    const port = await freePort();
    const env = appEnv(app, { port, dataDir: mkdtempSync(join(tmpdir(), "samverkan-smoke-")), slackApiUrl: slackApi.url });
    const { child, readyMs, output } = await startApp(join(root, app, "dist/main.js"), env, port);
    try {
      const open = await fetch(`http://127.0.0.1:${port}/metrics`);
      const authorized = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const metrics = await authorized.text();
      const ok = open.status === 401 && authorized.status === 200 && metrics.includes("samverkan_turns_total");
      const code = await stopApp(child);
      if (!ok || code !== 0) {
        failed = true;
        console.error(`deploy-smoke: ${app} FAILED (metrics without token ${open.status}, with token ${authorized.status}, exit ${code})\n${output()}`);
      } else {
        console.log(`deploy-smoke: ${app} ok: /healthz 200 after ${Math.round(readyMs)} ms, /metrics behind its token, clean exit on SIGTERM`);
      }
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }
} finally {
  await slackApi.close();
}
process.exit(failed ? 1 : 0);
