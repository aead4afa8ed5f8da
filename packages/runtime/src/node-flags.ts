/**
 * V8 flags the Slack and Teams apps run with: `node --max-semi-space-size=2 --expose-gc dist/main.js`.
 *
 * V8 sizes the young generation for throughput (semi-spaces up to 16 MiB on 64-bit), and a
 * chat app's short-lived turn garbage then grows the reserved heap far past what is live:
 * measured on the Slack app, 1,000 turns left 86–93 MiB used of 196–198 MiB reserved
 * (286–288 MiB resident) while a heap snapshot showed 46 MiB live. With 2 MiB semi-spaces
 * the same run ends at 68–80 MiB reserved and 168–182 MiB resident, and acks no slower
 * (docs/benchmarks.md).
 * `--expose-gc` lets the app give that heap back after a burst, with one full collection once it
 * is quiet (idle-collector.ts: V8's own memory reducer did not, in Node).
 * The Dockerfile, `samverkan start` and the benchmarks start the apps with exactly these
 * (a test keeps them in step).
 */
export const APP_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=2", "--expose-gc"];
