import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import type { Logger } from "pino";

/**
 * Gives the heap a burst of turns grew back to the system once the app is quiet again.
 *
 * V8 keeps the pages it reserved for a burst: its memory reducer shrinks the heap only for an
 * isolate the embedder reports as in the background or with a low allocation rate, and in Node
 * it kept answering "high alloc, foreground" (`--trace-memory-reducer`) long after the last turn.
 * Measured on the Slack app, 1,000 turns left 66–130 MiB of heap reserved with 45–60 MiB used;
 * one full collection once the event loop has been quiet for a while brings the reserve back
 * near what is live (docs/benchmarks.md).
 *
 * The collection is V8's "last resort" one, the collection it runs before giving up on memory:
 * it compacts the heap and unmaps the pages it empties. A plain major collection frees the same
 * objects but keeps the pages their survivors are scattered over (a test heap: 45 MiB reserved
 * after it, 13 MiB after this one).
 * It needs V8's `gc`, which node exposes with `--expose-gc` (in APP_NODE_FLAGS).
 */

/** One look at the process: the heap, and for how long the event loop has been quiet. */
export interface HeapSample {
  usedBytes: number;
  committedBytes: number;
  /** Time since the event loop was last busy (0 while it is). */
  quietMs: number;
}

export interface IdleCollectorThresholds {
  /**
   * Quiet this long first. The collection costs 50–150 ms of main thread and drops compiled code,
   * which the next turn compiles again, so it waits for the end of a conversation, not a pause in one.
   */
  quietForMs: number;
  /** Heap reserved beyond what was live at the last collection, worth giving back. */
  minSlackBytes: number;
}

export const IDLE_COLLECTOR_DEFAULTS: IdleCollectorThresholds & { intervalMs: number; quietUtilization: number } = {
  intervalMs: 1_000,
  /** An interval counts as quiet when the event loop was busy less than this share of it. */
  quietUtilization: 0.05,
  quietForMs: 30_000,
  minSlackBytes: 16 * 1024 * 1024,
};

/**
 * Whether to collect now. `liveBytes` is the heap used right after the previous collection (0
 * before the first): garbage counts as used until V8 marks it, and V8 may have collected it on
 * its own and kept the pages, so the reserve is measured against what was last known to be live.
 * (The collector also waits for the loop to have been busy since its last collection, so an app
 * idle for hours is collected once, not again and again.)
 */
export function shouldCollect(sample: HeapSample, liveBytes: number, thresholds: IdleCollectorThresholds): boolean {
  return sample.quietMs >= thresholds.quietForMs && sample.committedBytes - liveBytes >= thresholds.minSlackBytes;
}

/** V8's full collection, as `--expose-gc` exposes it. */
export type FullCollection = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

export interface IdleCollectorOptions extends Partial<IdleCollectorThresholds> {
  logger: Logger;
  intervalMs?: number;
  quietUtilization?: number;
  /** Defaults to the `gc` node exposes with --expose-gc. */
  gc?: FullCollection;
  /** Each collection, with the heap reserved before and after (for metrics). */
  onCollect?: (before: HeapSample, after: { usedBytes: number; committedBytes: number }) => void;
}

export interface IdleCollector {
  stop(): void;
}

/** Looks every `intervalMs`; without `gc` (node started without --expose-gc) it says so and does nothing. */
export function startIdleCollector(options: IdleCollectorOptions): IdleCollector {
  const gc = options.gc ?? exposedGc();
  if (!gc) {
    options.logger.info("idle heap collection is off: node was started without --expose-gc (APP_NODE_FLAGS)");
    return { stop: () => undefined };
  }
  const { intervalMs, quietUtilization, ...thresholds } = { ...IDLE_COLLECTOR_DEFAULTS, ...withoutUndefined(options) };
  let liveBytes = 0;
  let lastLook = { at: performance.now(), loop: performance.eventLoopUtilization() };
  let quietSince: number | undefined;
  let busySinceCollection = true; // starting up was work
  const timer = setInterval(() => {
    const look = { at: performance.now(), loop: performance.eventLoopUtilization() };
    const busy = performance.eventLoopUtilization(look.loop, lastLook.loop).utilization >= quietUtilization;
    quietSince = busy ? undefined : (quietSince ?? lastLook.at);
    busySinceCollection ||= busy;
    lastLook = look;
    const sample = { ...heap(), quietMs: quietSince === undefined ? 0 : look.at - quietSince };
    if (!busySinceCollection || !shouldCollect(sample, liveBytes, thresholds)) return;
    busySinceCollection = false;
    gc({ type: "major", execution: "sync", flavor: "last-resort" });
    const after = heap();
    liveBytes = after.usedBytes;
    options.logger.debug({ before: sample, after, ms: Math.round(performance.now() - look.at) }, "collected the heap while idle");
    options.onCollect?.(sample, after);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

function heap(): { usedBytes: number; committedBytes: number } {
  const stats = getHeapStatistics();
  return { usedBytes: stats.used_heap_size, committedBytes: stats.total_heap_size };
}

function exposedGc(): FullCollection | undefined {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof gc === "function" ? (gc as FullCollection) : undefined;
}

function withoutUndefined(options: IdleCollectorOptions): Partial<typeof IDLE_COLLECTOR_DEFAULTS> {
  const picked: Partial<typeof IDLE_COLLECTOR_DEFAULTS> = {};
  for (const key of ["intervalMs", "quietUtilization", "quietForMs", "minSlackBytes"] as const) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked;
}
