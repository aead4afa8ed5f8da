import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatDay, formatInstant, formatRange, formatStamp, formatStampRange, weekdayName } from "../src/index";
import { parseInstant } from "../src/time";

const at = (local: string) => parseInstant(local, "at");

describe("time-format: every time shown to people", () => {
  it("names the day and month with three letters, as the cards always have", () => {
    expect(formatDay("2026-12-03T14:00:00+01:00", "sv")).toBe("tor 3 dec");
    expect(formatDay("2026-12-03T14:00:00+01:00", "en")).toBe("Thu 3 Dec");
    // Each Swedish month and weekday, including the ones CLDR spells longer (tors, mars, juni, juli, dec.).
    const firsts = Array.from({ length: 12 }, (_, i) => formatDay(`2027-${String(i + 1).padStart(2, "0")}-01`, "sv"));
    expect(firsts).toEqual([
      "fre 1 jan",
      "mån 1 feb",
      "mån 1 mar",
      "tor 1 apr",
      "lör 1 maj",
      "tis 1 jun",
      "tor 1 jul",
      "sön 1 aug",
      "ons 1 sep",
      "fre 1 okt",
      "mån 1 nov",
      "ons 1 dec",
    ]);
    const week = Array.from({ length: 7 }, (_, i) => formatDay(`2026-11-0${i + 1}`, "en"));
    expect(week).toEqual(["Sun 1 Nov", "Mon 2 Nov", "Tue 3 Nov", "Wed 4 Nov", "Thu 5 Nov", "Fri 6 Nov", "Sat 7 Nov"]);
  });

  it("shows an instant in Swedish time, across both daylight-saving changes", () => {
    expect(formatDateTime(at("2026-03-29T01:30"), "sv")).toBe("sön 29 mar 01:30");
    expect(formatDateTime(at("2026-03-29T03:30"), "sv")).toBe("sön 29 mar 03:30");
    expect(formatDateTime(at("2026-10-25T23:59"), "en")).toBe("Sun 25 Oct 23:59");
    expect(formatStamp(Date.UTC(2026, 11, 31, 23, 30))).toBe("2027-01-01 00:30");
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30))).toBe("2027-01-01");
  });

  it("reads an ISO string in its own offset and a date without one as written", () => {
    expect(formatClock("2026-12-03T14:05:00+01:00")).toBe("14:05");
    expect(formatClock("2026-12-03T14:05:00-05:00")).toBe("14:05");
    expect(formatClock("2026-12-03T14:05:00Z")).toBe("14:05");
    expect(formatStamp("2026-12-03T14:05")).toBe("2026-12-03 14:05");
    expect(formatDay("2026-12-03", "sv")).toBe("tor 3 dec");
  });

  it("formats ranges on the start's day", () => {
    expect(formatRange("2026-12-03T14:00:00+01:00", "2026-12-03T15:30:00+01:00", "sv")).toBe("tor 3 dec 14:00–15:30");
    expect(formatStampRange("2026-12-03T10:00:00+01:00", "2026-12-03T11:00:00+01:00")).toBe("2026-12-03 10:00–11:00");
  });

  it("agrees with the ISO form the SDK writes, every seven hours through a year", () => {
    for (let ms = at("2026-01-01T00:00"); ms < at("2027-01-01T00:00"); ms += 7 * 3_600_000 + 60_000) {
      const iso = formatInstant(ms);
      expect(formatStamp(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
      expect(formatStamp(iso)).toBe(formatStamp(ms));
    }
  });

  it("names weekdays as cron counts them, Sunday as 0 and 7", () => {
    expect([0, 1, 5, 7].map((d) => weekdayName(d, "sv"))).toEqual(["söndag", "måndag", "fredag", "söndag"]);
    expect([0, 1, 5, 7].map((d) => weekdayName(d, "en"))).toEqual(["Sunday", "Monday", "Friday", "Sunday"]);
  });
});
