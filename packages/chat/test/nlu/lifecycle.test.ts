import { describe, expect, it } from "vitest";
import { parseResultSchema, parseUtterance } from "../../src/nlu/index";

const now = new Date("2026-11-23T13:00:00+01:00");

/** The lifecycle intents: preparing before a dialogue and recording its minutes after. */
describe("dialogue.prepare and dialogue.record", () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ["förbered dialogen med Borås kommun", "dialogue.prepare", { organizer: "Borås kommun" }],
    ["forbered dialogen med Boras kommun", "dialogue.prepare", { organizer: "Boras kommun" }],
    ["briefing inför mötet med Göteborgs kommun", "dialogue.prepare", { organizer: "Göteborgs kommun" }],
    ["prepare the dialogue with Borås kommun", "dialogue.prepare", { organizer: "Borås kommun" }],
    ["dialogen med Borås kommun är genomförd", "dialogue.record", { organizer: "Borås kommun" }],
    [
      "dialogen med Borås kommun igår är genomförd",
      "dialogue.record",
      { organizer: "Borås kommun", start: "2026-11-22", when: { kind: "day", date: "2026-11-22", zone: "Europe/Stockholm" } },
    ],
    ["skriv protokoll för dialogen med Borås kommun", "dialogue.record", { organizer: "Borås kommun" }],
    ["record minutes for the dialogue with Borås kommun", "dialogue.record", { organizer: "Borås kommun" }],
  ];
  for (const [text, intent, entities] of cases) {
    it(`${text} → ${intent}`, () => {
      const result = parseUtterance(text, { now });
      expect(parseResultSchema.parse(result)).toMatchObject({ intent, entities });
      expect(result.entities).toEqual(entities);
    });
  }

  it("leaves booking, listing and progress alone", () => {
    expect(parseUtterance("boka dialog med Borås kommun imorgon kl 10", { now }).intent).toBe("dialogue.book");
    expect(parseUtterance("mina dialoger", { now }).intent).toBe("dialogue.list");
    expect(parseUtterance("U-3 är klar", { now }).intent).toBe("assignment.log_progress");
    expect(parseUtterance("förbered U-3", { now }).intent).not.toBe("dialogue.prepare");
  });
});
