import { describe, expect, it } from "vitest";
import { endInstant, parseResultSchema, parseUtterance, startDay, startInstant, type When } from "../../src/nlu/index";

const now = new Date("2026-11-23T09:00:00+01:00");
const when = (text: string, options: Parameters<typeof parseUtterance>[1] = {}): When | undefined => {
  const parsed = parseUtterance(text, { now, ...options });
  expect(parseResultSchema.safeParse(parsed).success, text).toBe(true);
  return parsed.entities.when;
};

describe("typed times (entities.when)", () => {
  it("a date alone is a day", () => {
    expect(when("boka dialog med Borås kommun på fredag")).toEqual({ kind: "day", date: "2026-11-27", zone: "Europe/Stockholm" });
  });

  it("a date with a clock time is an instant, written with the offset in force that day", () => {
    expect(when("boka dialog med Borås kommun imorgon kl 10")).toEqual({ kind: "instant", at: "2026-11-24T10:00:00+01:00", zone: "Europe/Stockholm" });
    expect(when("boka dialog med Borås kommun 3 juni kl 10")).toEqual({ kind: "instant", at: "2027-06-03T10:00:00+02:00", zone: "Europe/Stockholm" });
  });

  it("a time span is a range of instants, a week a range of days", () => {
    expect(when("boka dialog med Borås kommun imorgon kl 10-11")).toEqual({
      kind: "range",
      unit: "instant",
      from: "2026-11-24T10:00:00+01:00",
      to: "2026-11-24T11:00:00+01:00",
      zone: "Europe/Stockholm",
    });
    expect(when("vilka dialoger har jag nästa vecka?")).toEqual({ kind: "range", unit: "day", from: "2026-11-30", to: "2026-12-06", zone: "Europe/Stockholm" });
  });

  it("keeps start and end as they were, next to the typed time", () => {
    const { entities } = parseUtterance("book a dialogue with Borås kommun tomorrow 1-3pm", { now });
    expect(entities).toMatchObject({ start: "2026-11-24T13:00:00+01:00", end: "2026-11-24T15:00:00+01:00", when: { kind: "range", unit: "instant" } });
  });

  it("carries the zone it was read in", () => {
    expect(when("boka dialog med Borås kommun imorgon kl 10", { timeZone: "America/New_York" })).toEqual({
      kind: "instant",
      at: "2026-11-24T10:00:00-05:00",
      zone: "America/New_York",
    });
  });

  it("gives no time for a date phrase it cannot place", () => {
    expect(when("boka dialog med Borås kommun i december kl 10")).toBeUndefined();
  });

  it("reads an answer to 'Vilken tid?' on the day already agreed", () => {
    const context = { expects: "time", day: "2026-12-03" } as const;
    expect(when("kl 14", { context })).toEqual({ kind: "instant", at: "2026-12-03T14:00:00+01:00", zone: "Europe/Stockholm" });
    expect(when("14", { context })).toEqual({ kind: "instant", at: "2026-12-03T14:00:00+01:00", zone: "Europe/Stockholm" });
    expect(when("kl 10-11", { context })).toMatchObject({ kind: "range", from: "2026-12-03T10:00:00+01:00", to: "2026-12-03T11:00:00+01:00" });
    // An answer that names its own day keeps it.
    expect(when("fredag kl 9", { context })).toEqual({ kind: "instant", at: "2026-11-27T09:00:00+01:00", zone: "Europe/Stockholm" });
    // Without a day agreed, a lone time is the next one; without context, an unknown message has no time at all.
    expect(when("kl 14", { context: { expects: "time" } })).toEqual({ kind: "instant", at: "2026-11-23T14:00:00+01:00", zone: "Europe/Stockholm" });
    expect(when("kl 14")).toBeUndefined();
  });

  it("is read without looking at the length of ISO strings", () => {
    const day: When = { kind: "day", date: "2026-12-03", zone: "Europe/Stockholm" };
    const at: When = { kind: "instant", at: "2026-12-03T14:00:00+01:00", zone: "Europe/Stockholm" };
    const span: When = { kind: "range", unit: "instant", from: "2026-12-03T14:00:00+01:00", to: "2026-12-03T15:30:00+01:00", zone: "Europe/Stockholm" };
    const week: When = { kind: "range", unit: "day", from: "2026-11-30", to: "2026-12-06", zone: "Europe/Stockholm" };
    expect([day, at, span, week].map(startInstant)).toEqual([undefined, at.at, span.from, undefined]);
    expect([day, at, span, week].map(endInstant)).toEqual([undefined, undefined, span.to, undefined]);
    expect([day, at, span, week].map(startDay)).toEqual(["2026-12-03", "2026-12-03", "2026-12-03", "2026-11-30"]);
  });
});
