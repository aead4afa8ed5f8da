import { describe, expect, it } from "vitest";
import { coerceFormValues, validateFormValues } from "../../src/cards";
import { bookingForm } from "./fixtures";

describe("coerceFormValues", () => {
  it("types raw platform strings per input kind", () => {
    expect(coerceFormValues(bookingForm, { date: "2025-03-12", start: "09:30", participants: "1 2", office: "malmo", agenda: "  ", digital: "true" })).toEqual({
      date: "2025-03-12",
      start: "09:30",
      participants: 12,
      office: "malmo",
      agenda: undefined,
      digital: true,
    });
  });

  it("reads Swedish decimal commas and keeps unreadable numbers as typed", () => {
    const decimals = { ...bookingForm, inputs: [{ kind: "number" as const, id: "n", label: "Andel" }] };
    expect(coerceFormValues(decimals, { n: "12,5" })).toEqual({ n: 12.5 });
    expect(coerceFormValues(decimals, { n: "tolv" })).toEqual({ n: "tolv" });
    expect(coerceFormValues(decimals, { n: 7 })).toEqual({ n: 7 });
  });
});

describe("validateFormValues", () => {
  it("accepts a complete booking", () => {
    const values = { date: "2025-03-12", start: "09:30", participants: 4, office: "lulea", agenda: undefined, digital: false };
    expect(validateFormValues(bookingForm, values)).toEqual({ ok: true, values });
  });

  it("reports every problem in Swedish, keyed by input id, ready for form.errors", () => {
    const values = { date: "2025-02-30", start: "24:00", participants: 2.5, office: "stockholm", agenda: "x".repeat(2001), digital: false };
    expect(validateFormValues(bookingForm, values)).toEqual({
      ok: false,
      values,
      errors: {
        date: "Ange datum som ÅÅÅÅ-MM-DD.",
        start: "Ange tid som TT:MM.",
        participants: "Ange ett heltal.",
        office: "Välj ett av alternativen.",
        agenda: "Högst 2000 tecken.",
      },
    });
  });

  it("reports missing required values, ranges and unreadable numbers, in English when asked", () => {
    const result = validateFormValues(bookingForm, { participants: 31 }, "en");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      date: "Enter datum.",
      start: "Enter starttid.",
      participants: "Enter at most 30.",
      office: "Choose regionkontor.",
    });
    const notNumber = validateFormValues(bookingForm, { date: "2025-03-12", start: "09:30", participants: "tolv", office: "umea" });
    expect(!notNumber.ok && notNumber.errors).toEqual({ participants: "Ange ett tal." });
  });
});
