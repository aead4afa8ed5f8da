import { describe, expect, it } from "vitest";
import { easterSunday, isSwedishWorkingDay, previousSwedishWorkingDay, swedishHoliday, swedishHolidays } from "../src/index";

describe("Swedish public holidays", () => {
  it("computes Easter Sunday for known years", () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
  });

  it("lists 2026 as the Swedish calendar does", () => {
    expect(swedishHolidays(2026).map((h) => `${h.date} ${h.name.sv}`)).toEqual([
      "2026-01-01 nyårsdagen",
      "2026-01-06 trettondedag jul",
      "2026-04-03 långfredagen",
      "2026-04-05 påskdagen",
      "2026-04-06 annandag påsk",
      "2026-05-01 första maj",
      "2026-05-14 Kristi himmelsfärdsdag",
      "2026-05-24 pingstdagen",
      "2026-06-06 Sveriges nationaldag",
      "2026-06-19 midsommarafton",
      "2026-06-20 midsommardagen",
      "2026-10-31 alla helgons dag",
      "2026-12-24 julafton",
      "2026-12-25 juldagen",
      "2026-12-26 annandag jul",
      "2026-12-31 nyårsafton",
    ]);
  });

  it("puts midsommar and alla helgons dag on the Saturday of their windows", () => {
    expect(swedishHoliday("2027-06-26")?.name.sv).toBe("midsommardagen");
    expect(swedishHoliday("2027-06-25")?.name.sv).toBe("midsommarafton");
    expect(swedishHoliday("2027-11-06")?.name.sv).toBe("alla helgons dag");
    expect(swedishHoliday("2025-11-01")?.name.sv).toBe("alla helgons dag");
    for (let year = 2000; year <= 2100; year++) {
      const days = swedishHolidays(year);
      const midsummer = days.find((h) => h.name.sv === "midsommardagen")!;
      const allSaints = days.find((h) => h.name.sv === "alla helgons dag")!;
      expect(new Date(`${midsummer.date}T00:00:00Z`).getUTCDay()).toBe(6);
      expect(midsummer.date >= `${year}-06-20` && midsummer.date <= `${year}-06-26`).toBe(true);
      expect(new Date(`${allSaints.date}T00:00:00Z`).getUTCDay()).toBe(6);
      expect(allSaints.date >= `${year}-10-31` && allSaints.date <= `${year}-11-06`).toBe(true);
    }
  });

  it("knows working days: weekdays that are not holidays or day-off eves", () => {
    expect(isSwedishWorkingDay("2026-11-23")).toBe(true);
    expect(isSwedishWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(isSwedishWorkingDay("2026-04-06")).toBe(false); // annandag påsk
    expect(isSwedishWorkingDay("2026-12-24")).toBe(false); // julafton, a Thursday
    expect(isSwedishWorkingDay("2026-05-13")).toBe(true); // the day before Kristi himmelsfärd
    expect(swedishHoliday("2026-05-13")).toBeUndefined();
  });

  it("finds the working day before, skipping weekends and holidays", () => {
    expect(previousSwedishWorkingDay("2026-11-24")).toBe("2026-11-23");
    expect(previousSwedishWorkingDay("2026-11-23")).toBe("2026-11-20");
    expect(previousSwedishWorkingDay("2026-04-07")).toBe("2026-04-02"); // over Easter
    expect(previousSwedishWorkingDay("2027-01-07")).toBe("2027-01-05"); // over trettondedag
  });
});
