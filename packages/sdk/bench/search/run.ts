import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { fuseContender, miniSearchContender, samverkanContender, type SearchContender } from "./contenders";
import { benchmarkSchoolDocs, BENCHMARK_UNITS } from "./dataset";
import { loadLabelledQueries, measureAccuracy, type AccuracyReport, type LabelledQuery } from "./labelled-queries";

export interface ContenderResult {
  name: string;
  config: string;
  /** Median of the index builds, milliseconds. */
  buildMs: number;
  /** Per-query latency over every timed run of every query, milliseconds. */
  p50Ms: number;
  p95Ms: number;
  /**
   * 95th percentile over the queries of each query's median latency: the same measure
   * with most scheduler noise of a busy machine filtered out.
   */
  p95OfMediansMs: number;
  rounds: number;
  top1: number;
  top3: number;
  /** Top-1 on the queries written after tuning (see `LabelledQuery.heldOut`). */
  heldOutTop1: number;
  top1ByKind: AccuracyReport["top1ByKind"];
  misses: AccuracyReport["misses"];
}

export interface SearchBenchmarkResult {
  units: number;
  realUnits: number;
  queries: number;
  contenders: ContenderResult[];
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  date: string;
  /** The main table: build, latency, accuracy per engine. */
  markdown: string;
  /** Top-1 accuracy per kind of query. */
  markdownByKind: string;
}

export interface SearchBenchmarkOptions {
  /** Units to index, real plus synthetic (default 12,000). */
  units?: number;
  /** Timed runs of the whole query set per contender (fewer for slow ones, at least 1). */
  maxRounds?: number;
  /** Rough time budget per contender for the timed runs, milliseconds. */
  budgetMs?: number;
  /** Index builds to take the median of. */
  builds?: number;
  /** Leave out the Fuse.js rows (each takes about a minute: Fuse scans every document per query). */
  skipFuse?: boolean;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs every query once; `samples[i]` collects the latencies of query i. */
function runAll(contender: SearchContender, queries: readonly LabelledQuery[], samples?: number[][]): void {
  queries.forEach(({ query }, index) => {
    const start = process.hrtime.bigint();
    contender.search(query);
    samples?.[index]?.push(elapsedMs(start));
  });
}

function measure(
  contender: SearchContender,
  docs: Parameters<SearchContender["build"]>[0],
  queries: readonly LabelledQuery[],
  options: Required<SearchBenchmarkOptions>,
): ContenderResult {
  const builds: number[] = [];
  for (let build = 0; build < options.builds; build += 1) {
    const start = process.hrtime.bigint();
    contender.build(docs);
    builds.push(elapsedMs(start));
  }
  // Warm up (JIT, lazy structures) with a first pass that also gives the accuracy
  // (search is deterministic), then size the timed runs to the budget. A contender so
  // slow that one pass exceeds the budget is timed on that first pass alone.
  const firstPass: number[][] = queries.map(() => []);
  const answers = new Map<string, string[]>();
  queries.forEach(({ query }, index) => {
    const start = process.hrtime.bigint();
    answers.set(query, contender.search(query));
    firstPass[index]?.push(elapsedMs(start));
  });
  const perRound = Math.max(
    0.001,
    firstPass.flat().reduce((sum, ms) => sum + ms, 0),
  );
  let rounds = 1;
  let perQuery = firstPass;
  if (perRound < options.budgetMs) {
    runAll(contender, queries);
    rounds = Math.max(1, Math.min(options.maxRounds, Math.floor(options.budgetMs / perRound)));
    perQuery = queries.map(() => []);
    for (let round = 0; round < rounds; round += 1) runAll(contender, queries, perQuery);
  }
  const samples = perQuery.flat().sort((a, b) => a - b);
  const medians = perQuery
    .map((latencies) =>
      percentile(
        [...latencies].sort((a, b) => a - b),
        0.5,
      ),
    )
    .sort((a, b) => a - b);
  const accuracy = measureAccuracy(queries, (query) => answers.get(query) ?? []);
  return {
    name: contender.name,
    config: contender.config,
    buildMs: percentile(
      [...builds].sort((a, b) => a - b),
      0.5,
    ),
    p50Ms: percentile(samples, 0.5),
    p95Ms: percentile(samples, 0.95),
    p95OfMediansMs: percentile(medians, 0.95),
    rounds,
    top1: accuracy.top1,
    top3: accuracy.top3,
    heldOutTop1: accuracy.heldOutTop1,
    top1ByKind: accuracy.top1ByKind,
    misses: accuracy.misses,
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
const millis = (value: number): string => (value >= 10 ? value.toFixed(1) : value.toFixed(3));

export function markdownTable(result: Pick<SearchBenchmarkResult, "contenders">): string {
  const lines = [
    "| Engine | Build (ms) | p50 query (ms) | p95 query (ms) | p95 of per-query medians (ms) | Top-1 | Top-3 | Top-1 held-out |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of result.contenders) {
    lines.push(
      `| ${row.name} | ${millis(row.buildMs)} | ${millis(row.p50Ms)} | ${millis(row.p95Ms)} | ${millis(row.p95OfMediansMs)} | ` +
        `${percent(row.top1)} | ${percent(row.top3)} | ${percent(row.heldOutTop1)} |`,
    );
  }
  return lines.join("\n");
}

/** Top-1 accuracy per kind of query, one column per engine. */
export function markdownKindTable(result: Pick<SearchBenchmarkResult, "contenders">, queries: readonly LabelledQuery[]): string {
  const kinds = [...new Set(queries.map((query) => query.kind))];
  const count = (kind: string): number => queries.filter((query) => query.kind === kind).length;
  const lines = [
    `| Query kind (count) | ${result.contenders.map((row) => row.name).join(" | ")} |`,
    `| --- | ${result.contenders.map(() => "---:").join(" | ")} |`,
  ];
  for (const kind of kinds) {
    const cells = result.contenders.map((row) => percent(row.top1ByKind[kind] ?? 0));
    lines.push(`| ${kind} (${count(kind)}) | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * Builds our index, Fuse.js and MiniSearch over the same 12,000 units (the real
 * 1,714 plus synthetic ones), runs the labelled queries against each, and reports
 * build time, p50/p95 query latency and top-1/top-3 accuracy.
 */
export async function runSearchBenchmark(options: SearchBenchmarkOptions = {}): Promise<SearchBenchmarkResult> {
  const settings: Required<SearchBenchmarkOptions> = {
    units: options.units ?? BENCHMARK_UNITS,
    maxRounds: options.maxRounds ?? 50,
    budgetMs: options.budgetMs ?? 5_000,
    builds: options.builds ?? 3,
    skipFuse: options.skipFuse ?? false,
  };
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const { real, all } = benchmarkSchoolDocs(settings.units);
  const queries = loadLabelledQueries();
  const contenders = [
    samverkanContender(),
    miniSearchContender(),
    ...(settings.skipFuse ? [] : [fuseContender("tokens"), fuseContender("normalized"), fuseContender("raw")]),
  ];
  const results: ContenderResult[] = [];
  for (const contender of contenders) {
    results.push(measure(contender, all, queries, settings));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = {
    units: all.length,
    realUnits: real.length,
    queries: queries.length,
    contenders: results,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0] ?? 0,
    },
    date: new Date().toISOString(),
  };
  return { ...result, markdown: markdownTable(result), markdownByKind: markdownKindTable(result, queries) };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const result = await runSearchBenchmark({ skipFuse: process.argv.includes("--skip-fuse") });
  console.log(
    `Search benchmark: ${result.units} units (${result.realUnits} real), ${result.queries} labelled queries, ` +
      `${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}, ${result.date}, ` +
      `1-min load average ${result.machine.loadAverageAtStart.toFixed(2)} → ${result.machine.loadAverageAtEnd.toFixed(2)}\n`,
  );
  console.log(result.markdown);
  console.log(`\n${result.markdownByKind}`);
  for (const contender of result.contenders) {
    console.log(`\n${contender.name}: ${contender.rounds} timed rounds; top-1 misses (${contender.misses.length}):`);
    for (const miss of contender.misses) {
      console.log(`  [${miss.kind}] "${miss.query}" expected ${miss.expected}, got ${miss.got.join(", ") || "nothing"}`);
    }
  }
}
