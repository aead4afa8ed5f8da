import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import type { Logger } from "pino";

/**
 * Gives the heap a burst of turns grew back to the system once the app is quiet again.
 *
 * V8 keeps the pages it reserved for a burst: its memory reducer shrinks the heap only for an
 * isolate the embedder reports as in the background or with a low allocation rate, and in Node
 * it kept answering "high alloc, foreground" (`--trace-memory-reducer`) long after the last turn.
 * Measured on the Slack app, 1,000 turns left 66–130 MiB of heap reserved with 45–60 MiB used;
 * one full collection when the event loop has been idle for a moment brings the reserve back
 * near what is live (docs/benchmarks.md).
 *
 * The collection is V8's "last resort" one, the collection it runs before giving up on memory:
 * it compacts the heap and unmaps the pages it empties. A plain major collection frees the same
 * objects but keeps the pages their survivors are scattered over (a test heap: 45 MiB reserved
 * after it, 13 MiB after this one).
 * It needs V8's `gc`, which node exposes with `--expose-gc` (in APP_NODE_FLAGS).
 */

/** One look at the process: the heap, and how busy the event loop was since the last look. */
export interface HeapSample {
  usedBytes: number;
  committedBytes: number;
  /** Event loop utilisation over the last interval, 0 (idle) to 1 (busy). */
  utilization: number;
}

export interface IdleCollectorThresholds {
  /** A quiet interval: the event loop busy less than this share of it. */
  quietUtilization: number;
  /** Heap reserved beyond what was live at the last collection, worth giving back. */
  minSlackBytes: number;
  /** Heap used since the last collection; an app idle for hours is not collected again and again. */
  minGrowthBytes: number;
}

export const IDLE_COLLECTOR_DEFAULTS: IdleCollectorThresholds & { intervalMs: number } = {
  intervalMs: 1_000,
  quietUtilization: 0.05,
  minSlackBytes: 16 * 1024 * 1024,
  minGrowthBytes: 4 * 1024 * 1024,
};

/**
 * Whether to collect now. `liveBytes` is the heap used right after the previous collection (0
 * before the first): garbage counts as used until V8 marks it, so the reserve is measured
 * against what was last known to be live.
 */
export function shouldCollect(sample: HeapSample, liveBytes: number, thresholds: IdleCollectorThresholds): boolean {
  return (
    sample.utilization < thresholds.quietUtilization &&
    sample.committedBytes - liveBytes >= thresholds.minSlackBytes &&
    sample.usedBytes - liveBytes >= thresholds.minGrowthBytes
  );
}

/** V8's full collection, as `--expose-gc` exposes it. */
export type FullCollection = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

export interface IdleCollectorOptions extends Partial<IdleCollectorThresholds> {
  logger: Logger;
  intervalMs?: number;
  /** Defaults to the `gc` node exposes with --expose-gc. */
  gc?: FullCollection;
  /** Each collection, with the heap reserved before and after (for metrics). */
  onCollect?: (before: HeapSample, after: { usedBytes: number; committedBytes: number }) => void;
}

export interface IdleCollector {
  stop(): void;
}

/** Starts looking every `intervalMs`; without `gc` (node started without --expose-gc) it says so and does nothing. */
export function startIdleCollector(options: IdleCollectorOptions): IdleCollector {
  const gc = options.gc ?? exposedGc();
  if (!gc) {
    options.logger.info("idle heap collection is off: node was started without --expose-gc (APP_NODE_FLAGS)");
    return { stop: () => undefined };
  }
  const { intervalMs, ...thresholds } = { ...IDLE_COLLECTOR_DEFAULTS, ...withoutUndefined(options) };
  let liveBytes = 0;
  let lastUtilization: EventLoopUtilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const sample = { ...heap(), utilization: performance.eventLoopUtilization(now, lastUtilization).utilization };
    lastUtilization = now;
    if (!shouldCollect(sample, liveBytes, thresholds)) return;
    const started = performance.now();
    gc({ type: "major", execution: "sync", flavor: "last-resort" });
    const after = heap();
    liveBytes = after.usedBytes;
    options.logger.debug({ before: sample, after, ms: Math.round(performance.now() - started) }, "collected the heap while idle");
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

function withoutUndefined(options: IdleCollectorOptions): Partial<IdleCollectorThresholds & { intervalMs: number }> {
  const picked: Partial<IdleCollectorThresholds & { intervalMs: number }> = {};
  for (const key of ["intervalMs", "quietUtilization", "minSlackBytes", "minGrowthBytes"] as const) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked;
}
