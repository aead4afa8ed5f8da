import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root (tooling/vitest/src → ../../..). */
export const repoRoot = resolve(here, "../../..");

/** `../shared` beside the repository: recorded real data that is never copied in. */
export const sharedDir = resolve(process.env.SAMVERKAN_SHARED_DIR ?? resolve(repoRoot, "../shared"));

export const isCI = process.env.CI === "true" || process.env.CI === "1";

export type Availability = { available: true } | { available: false; reason: string };

/**
 * Where a fixture lives, or why it is missing. On a laptop without `../shared` the
 * dependent tests skip with the reason; under CI a missing fixture is a failure.
 */
export function sharedFixture(relativePath: string): { path: string } & Availability {
  const path = resolve(sharedDir, "fixtures", relativePath);
  if (existsSync(path)) return { path, available: true };
  const reason = `fixture ${relativePath} not found at ${path} (put the shared/ folder beside the repository)`;
  if (isCI) throw new Error(`CI requires ${reason}`);
  return { path, available: false, reason };
}

/** PostgreSQL URL for tests: TEST_DATABASE_URL, else the local CI server. */
export const postgresTestUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Checks that PostgreSQL answers. Without it, tests skip locally with a reason;
 * under CI an unreachable server is an error, never a silent skip.
 */
export async function postgresAvailability(url = postgresTestUrl): Promise<Availability> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return { available: true };
  } catch (error) {
    const reason = `PostgreSQL not reachable at ${url}: ${(error as Error).message}`;
    if (isCI) throw new Error(`CI requires ${reason}`);
    return { available: false, reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, empty schema name for one test file, so suites can run side by side. */
export function uniqueSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Every leaf path of a message catalogue with what sits there: a text, a list of n texts, or a function of n parameters. */
export function catalogueShape(node: unknown, path = ""): Map<string, string> {
  const shape = new Map<string, string>();
  if (typeof node === "string") shape.set(path, "text");
  else if (typeof node === "function") shape.set(path, `function/${node.length}`);
  else if (Array.isArray(node)) shape.set(path, `list/${node.length}`);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) for (const [p, kind] of catalogueShape(value, path ? `${path}.${key}` : key)) shape.set(p, kind);
  } else shape.set(path, typeof node);
  return shape;
}

/** Where two catalogues differ in keys, list lengths or parameter counts: `book.title: text vs missing`. Empty when they match. */
export function catalogueDifferences(a: unknown, b: unknown): string[] {
  const left = catalogueShape(a);
  const right = catalogueShape(b);
  const out: string[] = [];
  for (const [path, kind] of left) if (right.get(path) !== kind) out.push(`${path}: ${kind} vs ${right.get(path) ?? "missing"}`);
  for (const [path, kind] of right) if (!left.has(path)) out.push(`${path}: missing vs ${kind}`);
  return out;
}
