import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { entitiesSchema, intentNameSchema, parseUtterance, type Entities } from "../../src/nlu/index";

/**
 * The labelled corpus is the specification of what users write. Accuracy is measured over all
 * of it; the bar is intent ≥ 95 % and entities ≥ 90 % (every expected key equal).
 */
const here = dirname(fileURLToPath(import.meta.url));

const caseSchema = z.strictObject({
  text: z.string(),
  now: z.string(),
  intent: intentNameSchema,
  entities: entitiesSchema,
});
type CorpusCase = z.infer<typeof caseSchema>;

// corpus.jsonl plus feature corpora (corpus-<feature>.jsonl), so features add examples without colliding.
const corpusFiles = readdirSync(here).filter((f) => /^corpus(-[a-z0-9-]+)?\.jsonl$/.test(f)).sort();
const corpus: CorpusCase[] = corpusFiles
  .map((f) => readFileSync(resolve(here, f), "utf8"))
  .join("\n")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => caseSchema.parse(JSON.parse(line)));

// Free-text entities are compared the way a person would read them.
const LOOSE = new Set<keyof Entities>(["note", "query", "organizer"]);

function entityMismatches(expected: Entities, actual: Entities): string[] {
  const wrong: string[] = [];
  for (const key of Object.keys(expected) as Array<keyof Entities>) {
    const want = expected[key];
    const got = actual[key];
    const same =
      LOOSE.has(key) && typeof want === "string" && typeof got === "string"
        ? want.trim().toLowerCase() === got.trim().toLowerCase()
        : want === got;
    if (!same) wrong.push(`${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  return wrong;
}

describe("NLU corpus", () => {
  it("has enough realistic examples for every intent", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(170);
    const perIntent = new Map<string, number>();
    for (const c of corpus) perIntent.set(c.intent, (perIntent.get(c.intent) ?? 0) + 1);
    for (const intent of intentNameSchema.options) expect(perIntent.get(intent) ?? 0).toBeGreaterThanOrEqual(8);
  });

  it("meets the accuracy bar (intent ≥ 0.95, entities ≥ 0.90)", () => {
    let intentHits = 0;
    let entityHits = 0;
    const failures: Array<{ text: string; intent: string; entities: string }> = [];

    for (const c of corpus) {
      const result = parseUtterance(c.text, { now: new Date(c.now) });
      const intentOk = result.intent === c.intent;
      const wrong = entityMismatches(c.entities, result.entities);
      if (intentOk) intentHits++;
      if (wrong.length === 0) entityHits++;
      if (!intentOk || wrong.length > 0) {
        failures.push({
          text: c.text.slice(0, 70),
          intent: intentOk ? "ok" : `want ${c.intent} got ${result.intent}`,
          entities: wrong.join("; ") || "ok",
        });
      }
    }

    const intentAccuracy = intentHits / corpus.length;
    const entityAccuracy = entityHits / corpus.length;
    console.log(
      `NLU corpus: ${corpus.length} utterances, intent accuracy ${(intentAccuracy * 100).toFixed(1)} %, ` +
        `entity accuracy ${(entityAccuracy * 100).toFixed(1)} %, ${failures.length} failures`,
    );
    if (failures.length > 0) console.table(failures);

    expect(intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(entityAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
