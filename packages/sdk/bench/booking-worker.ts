/**
 * One booking process for the multi-process benchmark: books `count` dialogues on the
 * SQLite file argv[2], starting at slot index argv[3], and prints its latencies as JSON.
 */
import { createSamverkan } from "../src/index";
import { createSqliteStore } from "../src/sqlite";
import { BENCH_NOW, bookOne } from "./booking";
import { timeEach } from "./stats";

const [file, first, count] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const store = await createSqliteStore({ file });
const sv = createSamverkan({ store, clock: () => BENCH_NOW });
const staffIds = (await store.db.selectFrom("staff").select("id").orderBy("id").execute()).map((r) => r.id);
const organizerIds = (await store.db.selectFrom("organizers").select("id").orderBy("id").execute()).map((r) => r.id);
// Wait for the parent's signal so that all processes book at the same time.
await new Promise<void>((resolve) => {
  process.stdout.write("ready\n");
  process.stdin.once("data", () => resolve());
});
let conflicts = 0;
const started = performance.now();
const latencies = await timeEach(count, async (i) => {
  if (await bookOne(sv, staffIds, organizerIds, first + i)) conflicts++;
});
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ latencies, conflicts, wallMs })}\n`);
await store.close();
process.stdin.destroy();
