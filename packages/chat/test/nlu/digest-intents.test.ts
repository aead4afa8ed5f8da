import { describe, expect, it } from "vitest";
import { parseResultSchema, parseUtterance, type ParseResult } from "../../src/nlu/index";

const parse = (text: string): Pick<ParseResult, "intent" | "entities"> => {
  const parsed = parseUtterance(text);
  expect(parseResultSchema.safeParse(parsed).success, text).toBe(true);
  return { intent: parsed.intent, entities: parsed.entities };
};

describe("digest commands are intents of the NLU", () => {
  it.each([
    ["digest varje måndag 08:00 län 22", "sv"],
    ["digest every monday 08:00 county 22", "en"],
    ["digset varje måndga 8 län 22", "typos"],
    ["digets every mondya at 8 county 22", "typos"],
  ])("%s (%s) is digest.create with the schedule", (text) => {
    expect(parse(text)).toEqual({
      intent: "digest.create",
      entities: { digest: { cron: "0 8 * * 1", scope: { kind: "counties", counties: ["22"] }, postWhenEmpty: false } },
    });
  });

  it("reads language, area and 'even when empty'", () => {
    expect(parse("/samverkan digest every friday at 14.15 office Göteborg in english even when empty").entities.digest).toEqual({
      cron: "15 14 * * 5",
      scope: { kind: "office", officeId: "göteborg" },
      locale: "en",
      postWhenEmpty: true,
    });
    expect(parse("digest varje vardag 07:30 hela landet").entities.digest).toMatchObject({ cron: "30 7 * * 1-5", scope: { kind: "country" } });
  });

  it("says what is missing as a code the flow puts in words", () => {
    expect(parse("digest varje måndag 08:00")).toEqual({ intent: "digest.create", entities: { digestProblem: { code: "area" } } });
    expect(parse("digest varje blåmåndag 08:00 län 22").entities).toEqual({ digestProblem: { code: "when" } });
    expect(parse("digest varje måndag 25:00 län 22").entities).toEqual({ digestProblem: { code: "timeOfDay", value: "25:00" } });
    expect(parse("digest varje måndag län Atlantis").entities).toEqual({ digestProblem: { code: "county", value: "atlantis" } });
  });

  it.each([
    ["digest lista", "digest.list", {}],
    ["digest list", "digest.list", {}],
    ["digest lsita", "digest.list", {}],
    ["digest pausa D-3", "digest.pause", { digestRef: "D-3" }],
    ["digest pause D-3", "digest.pause", { digestRef: "D-3" }],
    ["digest pasua D-3", "digest.pause", { digestRef: "D-3" }],
    ["digest återuppta d3", "digest.resume", { digestRef: "D3" }],
    ["digest resume D-3", "digest.resume", { digestRef: "D-3" }],
    ["digest ateruppta D-3", "digest.resume", { digestRef: "D-3" }],
    ["digest ta bort D-3", "digest.remove", { digestRef: "D-3" }],
    ["digest delete D-3", "digest.remove", { digestRef: "D-3" }],
    ["digest remvoe D-3", "digest.remove", { digestRef: "D-3" }],
    ["digest förhandsvisa D-1", "digest.preview", { digestRef: "D-1" }],
    ["digest preview D-1", "digest.preview", { digestRef: "D-1" }],
    ["digest forhandsvisa D-1", "digest.preview", { digestRef: "D-1" }],
    ["digest pause", "digest.pause", {}],
    ["digest", "help", { topic: "digest" }],
    ["digest help", "help", { topic: "digest" }],
  ])("%s → %s", (text, intent, entities) => {
    expect(parse(text)).toEqual({ intent, entities });
  });

  it("leaves other text to the rest of the grammar", () => {
    expect(parse("digestion").intent).toBe("unknown");
    expect(parse("visa digest").intent).not.toMatch(/^digest\./);
    expect(parse("digitalt möte med Borås kommun imorgon kl 10").intent).not.toMatch(/^digest\./);
    expect(parse("boka dialog med Borås kommun imorgon kl 10").intent).toBe("dialogue.book");
  });
});
