import { afterEach, describe, expect, it } from "vitest";
import { IDLE_COLLECTOR_DEFAULTS, shouldCollect, type HeapSample } from "../src/index";
import { runFixture, type FixtureProcess, type LogLine } from "./support/child";

const MiB = 1024 * 1024;
const sample = (over: Partial<HeapSample>): HeapSample => ({ usedBytes: 60 * MiB, committedBytes: 80 * MiB, quietMs: 31_000, ...over });

describe("shouldCollect", () => {
  const live = 40 * MiB;

  it("collects when the loop has been quiet for 30 s and the heap has grown well past what was live", () => {
    expect(shouldCollect(sample({}), live, IDLE_COLLECTOR_DEFAULTS)).toBe(true);
  });

  it("never while the loop is busy (V8 collects on its own then), nor in a pause within a conversation", () => {
    expect(shouldCollect(sample({ quietMs: 0 }), live, IDLE_COLLECTOR_DEFAULTS)).toBe(false);
    expect(shouldCollect(sample({ quietMs: 20_000 }), live, IDLE_COLLECTOR_DEFAULTS)).toBe(false);
  });

  it("not when the reserve beyond the live heap is too small to be worth a collection", () => {
    expect(shouldCollect(sample({ usedBytes: 50 * MiB, committedBytes: 50 * MiB }), live, IDLE_COLLECTOR_DEFAULTS)).toBe(false);
  });

  it("measures the reserve against what was live, also when V8 has since collected the garbage itself and kept the pages", () => {
    expect(shouldCollect(sample({ usedBytes: live + 1 * MiB, committedBytes: 120 * MiB }), live, IDLE_COLLECTOR_DEFAULTS)).toBe(true);
  });

  it("the first time, measures against nothing known to be live", () => {
    expect(shouldCollect(sample({ usedBytes: 30 * MiB, committedBytes: 34 * MiB }), 0, IDLE_COLLECTOR_DEFAULTS)).toBe(true);
  });
});

describe("startIdleCollector in a real process", () => {
  let app: FixtureProcess | undefined;
  afterEach(async () => {
    app?.child.kill("SIGTERM");
    await app?.exited;
    app = undefined;
  });

  const collections = (lines: LogLine[]) => lines.filter((line) => line.msg === "collected the heap while idle");
  const burst = async (port: number) => expect(await (await fetch(`http://127.0.0.1:${String(port)}/burst`)).text()).toBe("done");
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("gives a burst's heap back once the process is quiet, once per burst", async () => {
    app = runFixture("idle-collector-process.ts", [], { nodeFlags: ["--expose-gc", "--max-semi-space-size=2"] });
    const { port } = (await app.waitForLine((line) => line.msg === "listening")) as { port: number };
    await sleep(500);
    expect(collections(app.lines)).toEqual([]); // start-up leaves less than the fixture's 24 MiB reserve
    const before = 0;

    await burst(port);
    const done = (await app.waitForLine((line) => line.msg === "burst done")) as { heap: { committedBytes: number } };
    await app.waitForLine(() => collections(app!.lines).length > before);
    const collected = collections(app.lines)[before] as { before: HeapSample; after: { usedBytes: number; committedBytes: number } };
    expect(collected.before.quietMs).toBeGreaterThanOrEqual(300);
    expect(collected.after.committedBytes).toBeLessThan(done.heap.committedBytes - 16 * MiB);
    // Compacted, and the emptied pages unmapped: what stays reserved is close to what is live.
    expect(collected.after.committedBytes - collected.after.usedBytes).toBeLessThan(8 * MiB);

    // Quiet for ten more intervals: the reserve left is not collected over and over.
    await sleep(1_000);
    expect(collections(app.lines).length).toBe(before + 1);

    await burst(port);
    await app.waitForLine(() => collections(app!.lines).length === before + 2);
    expect(app.lines.filter((line) => Number(line.level) >= 40)).toEqual([]);
  }, 30_000);

  it("says it is off, and collects nothing, when node runs without --expose-gc", async () => {
    app = runFixture("idle-collector-process.ts", [], { nodeFlags: ["--max-semi-space-size=2"] });
    const { port } = (await app.waitForLine((line) => line.msg === "listening")) as { port: number };
    expect(app.lines.some((line) => String(line.msg).startsWith("idle heap collection is off"))).toBe(true);
    await burst(port);
    await sleep(500);
    expect(collections(app.lines)).toEqual([]);
  }, 30_000);
});
