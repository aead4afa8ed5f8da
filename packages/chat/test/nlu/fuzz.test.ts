import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateTime, parseResultSchema, parseUtterance, type NluLogger } from "../../src/nlu/index";

/** Whatever arrives from Slack or Teams, the parser answers with a valid result and never throws. */

const NOW = new Date("2026-11-23T13:00:00+01:00");

// Domain words make the fuzzer reach the interesting code paths, not just the "unknown" exit.
const domainWord = fc.constantFrom(
  "boka",
  "avboka",
  "flytta",
  "dialog",
  "med",
  "Borås kommun",
  "imorgon",
  "kl",
  "10",
  "13.30",
  "3/12",
  "vecka",
  "50",
  "U-12",
  "60%",
  "fas",
  "genomförande",
  "logga",
  "framsteg",
  "sök",
  "skola",
  "39907811",
  "täckning",
  "hjälp",
  "help",
  "tomorrow",
  "at",
  "2pm",
  "i",
  "Malmö",
  "digitalt",
  '"',
  "'",
  "–",
  "-",
  ":",
  "/samverkan",
  "<@U123>",
  "<at>Bot</at>",
  "https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=",
  "nästa",
  "måndag",
  "halv",
  "mellan",
  "och",
);
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const messyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: controlChar, maxLength: 100 }),
  fc.array(fc.oneof(domainWord, fc.string({ maxLength: 8 }), controlChar), { maxLength: 40 }).map((parts) => parts.join(" ")),
);
const timeZone = fc.option(fc.constantFrom("Europe/Stockholm", "UTC", "America/New_York", "Pacific/Chatham", "", "Not/AZone", "+05:30"), { nil: undefined });
const now = fc.date({ min: new Date("1971-01-01"), max: new Date("2099-12-31"), noInvalidDate: true });

/**
 * The parser never throws: a bug becomes intent "unknown". So that a bug cannot hide
 * behind that answer, every call gets a logger that fails the test on any error.
 */
const failOnError: NluLogger = {
  error(obj, msg) {
    throw new Error(`${msg}: ${String((obj.err as Error | undefined)?.stack ?? JSON.stringify(obj))}`);
  },
};

function expectValid(text: string, options?: { now?: Date; timeZone?: string }): void {
  const result = parseUtterance(text, { ...options, logger: failOnError });
  parseResultSchema.parse(result);
  expect(result.text).toBe(text);
  // No undefined or null may leak into the JSON contract.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  for (const value of Object.values(result.entities)) expect(value).not.toBeNull();
}

describe("parseUtterance robustness", () => {
  it("returns a valid ParseResult for arbitrary text, clocks and zones", () => {
    fc.assert(
      fc.property(messyText, now, timeZone, (text, at, zone) => {
        expectValid(text, { now: at, timeZone: zone });
        expect(() => parseDateTime(text, { now: at, timeZone: zone, logger: failOnError })).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it("handles hostile and odd input", () => {
    for (const text of [
      "",
      " ",
      "'; drop table x; --",
      "<script>alert('boka')</script>",
      "🙂🙂 boka 🙂 dialog 👩‍🏫 imorgon kl 10",
      "\u0000\u0001\u001b[31mboka\u0007",
      "\ud800 unpaired surrogate \udfff",
      "boka\u200bdialog\u202emed\u00a0Borås",
      "kl 99:99 den 45/13 vecka 60 U-999999 150%",
    ]) {
      expectValid(text, { now: NOW });
    }
  });

  it("stays fast on huge messages by reading only their beginning", () => {
    const huge = "boka dialog med Borås kommun imorgon kl 10 ".repeat(2500); // ~110,000 characters
    const started = performance.now();
    expectValid(huge, { now: NOW });
    expectValid("a".repeat(10_000), { now: NOW });
    expectValid("1".repeat(10_000), { now: NOW });
    expectValid("kl 10 ".repeat(2000), { now: NOW });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parseUtterance(huge, { now: NOW }).intent).toBe("dialogue.book");
  });

  it("reports a parser bug to its logger while still answering 'unknown'", () => {
    const logged: string[] = [];
    const logger: NluLogger = { error: (_obj, msg) => void logged.push(msg) };
    // A clock whose getTime throws reaches deep into the date parser: a stand-in for a bug.
    const broken = new Date(NOW);
    broken.getTime = () => {
      throw new Error("boom");
    };
    expect(parseUtterance("boka dialog imorgon kl 10", { now: broken, logger }).intent).toBe("unknown");
    expect(parseDateTime("imorgon kl 10", { now: broken, logger })).toEqual({});
    expect(logged).toEqual(["parseUtterance failed", "parseDateTime failed"]);
  });

  it("survives calls that break the type contract", () => {
    const call = parseUtterance as (text: unknown, options?: unknown) => unknown;
    for (const text of [undefined, null, 42, {}, []]) {
      const result = parseResultSchema.parse(call(text, { now: new Date("invalid") }));
      expect(result.intent).toBe("unknown");
    }
  });
});
