import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDateTime, parseUtterance } from "../../src/nlu/index";

/**
 * Dates as Swedish staff write them, resolved in Europe/Stockholm whatever zone the server
 * runs in. Monday 23 November 2026, 13:00, is "now" unless a test says otherwise.
 */
const MONDAY = new Date("2026-11-23T13:00:00+01:00");
const THURSDAY_AFTERNOON = new Date("2026-11-26T15:00:00+01:00");
const BEFORE_WINTER_TIME = new Date("2026-10-20T09:00:00+02:00"); // clocks go back Sun 25 Oct
const BEFORE_SUMMER_TIME = new Date("2026-03-20T10:00:00+01:00"); // clocks go forward Sun 29 Mar
const YEAR_END = new Date("2026-12-28T09:00:00+01:00"); // Monday of ISO week 53

const start = (text: string, now = MONDAY) => parseDateTime(text, { now }).start;

// The server's own zone must not matter: run everything under several process time zones.
describe.each(["Europe/Stockholm", "UTC", "America/New_York", "Asia/Tokyo"])("with TZ=%s", (tz) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it("really runs in that zone", () => {
    const winterOffset: Record<string, number> = { "Europe/Stockholm": -60, UTC: 0, "America/New_York": 300, "Asia/Tokyo": -540 };
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(winterOffset[tz]);
  });

  describe("relative days", () => {
    it("reads imorgon and i morgon with a time", () => {
      expect(start("imorgon kl 10")).toBe("2026-11-24T10:00:00+01:00");
      expect(start("i morgon 10:00")).toBe("2026-11-24T10:00:00+01:00");
      expect(start("imorn kl. 8.15")).toBe("2026-11-24T08:15:00+01:00");
    });

    it("reads i övermorgon, with or without diacritics, as a date only", () => {
      expect(start("i övermorgon")).toBe("2026-11-25");
      expect(start("i overmorgon kl 9")).toBe("2026-11-25T09:00:00+01:00");
    });

    it("reads English relative days", () => {
      expect(start("tomorrow at 2pm")).toBe("2026-11-24T14:00:00+01:00");
      expect(start("the day after tomorrow at 11")).toBe("2026-11-25T11:00:00+01:00");
    });
  });

  describe("weekdays", () => {
    it("is the coming weekday", () => {
      expect(start("på torsdag kl 13.30")).toBe("2026-11-26T13:30:00+01:00");
      expect(start("fredag kl 9")).toBe("2026-11-27T09:00:00+01:00");
      expect(start("pa lordag")).toBe("2026-11-28");
    });

    it("is next week's when it is that day and the time has passed", () => {
      expect(start("på torsdag kl 13.30", THURSDAY_AFTERNOON)).toBe("2026-12-03T13:30:00+01:00");
      expect(start("på torsdag kl 16", THURSDAY_AFTERNOON)).toBe("2026-11-26T16:00:00+01:00");
      expect(start("måndag kl 10")).toBe("2026-11-30T10:00:00+01:00");
    });

    it("reads tisdag nästa vecka and nästa tisdag as Tuesday of next week", () => {
      expect(start("tisdag nästa vecka")).toBe("2026-12-01");
      expect(start("tisdag nasta vecka kl 9")).toBe("2026-12-01T09:00:00+01:00");
      expect(start("nästa tisdag")).toBe("2026-12-01");
      expect(start("next tuesday 10am")).toBe("2026-12-01T10:00:00+01:00");
    });

    it("reads a weekday in a numbered ISO week", () => {
      expect(start("måndag vecka 50")).toBe("2026-12-07");
      expect(start("fredag v. 50 kl 10")).toBe("2026-12-11T10:00:00+01:00");
      expect(start("onsdag v2", YEAR_END)).toBe("2027-01-13");
    });
  });

  describe("calendar dates", () => {
    it("reads day and month names", () => {
      expect(start("den 3 december kl 14")).toBe("2026-12-03T14:00:00+01:00");
      expect(start("den 3:e december kl 14")).toBe("2026-12-03T14:00:00+01:00");
      expect(start("24 nov 09.00")).toBe("2026-11-24T09:00:00+01:00");
      expect(start("Dec 10 at 09:30")).toBe("2026-12-10T09:30:00+01:00");
    });

    it("reads 3/12 as 3 December, in Swedish and in English", () => {
      expect(start("3/12")).toBe("2026-12-03");
      expect(start("3/12 kl 9")).toBe("2026-12-03T09:00:00+01:00");
      expect(start("on 3/12 at 9am")).toBe("2026-12-03T09:00:00+01:00");
    });

    it("reads ISO dates", () => {
      expect(start("2026-12-03 14:00")).toBe("2026-12-03T14:00:00+01:00");
      expect(start("2026-12-03")).toBe("2026-12-03");
    });

    it("never resolves a date without a year into the past", () => {
      expect(start("19 november kl 10", THURSDAY_AFTERNOON)).toBe("2027-11-19T10:00:00+01:00");
      expect(start("5/1 kl 10", YEAR_END)).toBe("2027-01-05T10:00:00+01:00");
      expect(start("26 november", THURSDAY_AFTERNOON)).toBe("2026-11-26");
    });
  });

  describe("clock times", () => {
    it("reads kl with a dot or a colon, klockan, and a bare hour after a date", () => {
      expect(start("torsdag kl 13.30")).toBe("2026-11-26T13:30:00+01:00");
      expect(start("torsdag klockan 13:30")).toBe("2026-11-26T13:30:00+01:00");
      expect(start("torsdag 10")).toBe("2026-11-26T10:00:00+01:00");
    });

    it("reads a bare kl 1–6 as afternoon, and fm/em and halv", () => {
      expect(start("fredag kl 2")).toBe("2026-11-27T14:00:00+01:00");
      expect(start("fredag kl 8 fm")).toBe("2026-11-27T08:00:00+01:00");
      expect(start("fredag kl 4 em")).toBe("2026-11-27T16:00:00+01:00");
      expect(start("fredag kl halv 10")).toBe("2026-11-27T09:30:00+01:00");
    });

    it("takes a lone time as today if still ahead, else tomorrow", () => {
      expect(start("kl 15")).toBe("2026-11-23T15:00:00+01:00");
      expect(start("kl 9")).toBe("2026-11-24T09:00:00+01:00");
    });

    it("reads a time before the date", () => {
      expect(start("kl 10 på fredag")).toBe("2026-11-27T10:00:00+01:00");
    });
  });

  describe("end and duration", () => {
    it("reads time ranges as an end", () => {
      expect(parseDateTime("imorgon kl 10-11", { now: MONDAY })).toMatchObject({
        start: "2026-11-24T10:00:00+01:00",
        end: "2026-11-24T11:00:00+01:00",
      });
      expect(parseDateTime("3/12 10:00–11:30", { now: MONDAY }).end).toBe("2026-12-03T11:30:00+01:00");
      expect(parseDateTime("fredag mellan 13 och 15", { now: MONDAY }).end).toBe("2026-11-27T15:00:00+01:00");
      expect(parseDateTime("wednesday from 10 to 11:30", { now: MONDAY }).end).toBe("2026-11-25T11:30:00+01:00");
    });

    it("reads durations in minutes", () => {
      const minutes = (text: string) => parseDateTime(text, { now: MONDAY }).durationMinutes;
      expect(minutes("i 90 minuter")).toBe(90);
      expect(minutes("i en timme")).toBe(60);
      expect(minutes("i två timmar")).toBe(120);
      expect(minutes("en och en halv timme")).toBe(90);
      expect(minutes("1,5 h")).toBe(90);
      expect(minutes("en halvtimme")).toBe(30);
      expect(minutes("for 2 hours")).toBe(120);
      expect(minutes("om en timme")).toBeUndefined();
    });

    it("reads a whole week as a Monday–Sunday date range", () => {
      expect(parseDateTime("nästa vecka", { now: MONDAY })).toMatchObject({ start: "2026-11-30", end: "2026-12-06" });
      expect(parseDateTime("vecka 2", { now: YEAR_END })).toMatchObject({ start: "2027-01-11", end: "2027-01-17" });
      expect(parseDateTime("next week", { now: MONDAY })).toMatchObject({ start: "2026-11-30", end: "2026-12-06" });
    });
  });

  describe("daylight saving time", () => {
    it("uses +01:00 after the autumn change and +02:00 before it", () => {
      expect(start("måndag 26 oktober kl 10", BEFORE_WINTER_TIME)).toBe("2026-10-26T10:00:00+01:00");
      expect(start("fredag 23 oktober kl 10", BEFORE_WINTER_TIME)).toBe("2026-10-23T10:00:00+02:00");
      expect(start("i morgon kl 10", BEFORE_WINTER_TIME)).toBe("2026-10-21T10:00:00+02:00");
    });

    it("uses +02:00 after the spring change and +01:00 before it", () => {
      expect(start("30 mars kl 10", BEFORE_SUMMER_TIME)).toBe("2026-03-30T10:00:00+02:00");
      expect(start("27 mars kl 10", BEFORE_SUMMER_TIME)).toBe("2026-03-27T10:00:00+01:00");
      expect(start("tisdag nästa vecka kl 10", BEFORE_SUMMER_TIME)).toBe("2026-03-24T10:00:00+01:00");
    });

    it("gives an end its own offset", () => {
      const night = parseDateTime("lördag 24 oktober kl 22 till söndag", { now: BEFORE_WINTER_TIME });
      expect(night.start).toBe("2026-10-24T22:00:00+02:00");
    });
  });
});

describe("options", () => {
  it("resolves in another zone when asked", () => {
    expect(parseDateTime("imorgon kl 10", { now: MONDAY, timeZone: "UTC" }).start).toBe("2026-11-24T10:00:00+00:00");
    expect(parseDateTime("imorgon kl 10", { now: MONDAY, timeZone: "Europe/Helsinki" }).start).toBe("2026-11-24T10:00:00+02:00");
  });

  it("falls back to Europe/Stockholm for an unknown zone instead of throwing", () => {
    expect(parseDateTime("imorgon kl 10", { now: MONDAY, timeZone: "Mars/Olympus" }).start).toBe("2026-11-24T10:00:00+01:00");
  });

  it("reports the matched text, and nothing for text without a date", () => {
    expect(parseDateTime("boka dialog imorgon kl 10 tack", { now: MONDAY }).matchedText).toBe("imorgon kl 10");
    expect(parseDateTime("boka dialog med Borås kommun", { now: MONDAY })).toEqual({});
  });

  it("does not read ordinary words as dates", () => {
    expect(parseDateTime("U-12 är nu klart", { now: MONDAY })).toEqual({});
    expect(parseDateTime("boka dialog on Teams", { now: MONDAY }).start).toBeUndefined();
    expect(parseDateTime("May I book a dialogue?", { now: MONDAY }).start).toBeUndefined();
  });

  it("gives only a date when no time was said, so the flow can ask for one", () => {
    const result = parseUtterance("boka dialog med Borås kommun på fredag", { now: MONDAY });
    expect(result.entities.start).toBe("2026-11-27");
  });
});
