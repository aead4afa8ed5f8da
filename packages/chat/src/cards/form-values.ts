import type { FormBlock, Input, Locale } from "./model";
import { isIsoDate, isIsoTime } from "./formats";
import { rendererStrings } from "./strings";

/**
 * Submitted form values, typed per input kind: text/date/time/select → string,
 * number → number, toggle → boolean. A number that could not be read stays the string the
 * user typed, so validation can say what is wrong; an empty field is `undefined`.
 */
export type FormValue = string | number | boolean;
export type FormValues = Record<string, FormValue | undefined>;

function readNumber(raw: unknown): number | string | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  // Swedish users write decimal commas and spaces between thousands.
  const normalized = trimmed.replace(/[\s\u00a0]/g, "").replace(",", ".");
  const parsed = Number(normalized);
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized) && Number.isFinite(parsed) ? parsed : trimmed;
}

function readString(raw: unknown): string | undefined {
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (typeof raw !== "string") return undefined;
  return raw.trim() === "" ? undefined : raw;
}

function coerce(input: Input, raw: unknown): FormValue | undefined {
  switch (input.kind) {
    case "number":
      return readNumber(raw);
    case "toggle":
      return raw === true || raw === "true";
    case "date":
    case "time":
    case "select":
      return readString(raw)?.trim();
    case "text":
      return readString(raw);
  }
}

/** Turns platform-neutral raw values (strings, mostly) into typed values, input by input. */
export function coerceFormValues(form: FormBlock, raw: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  for (const input of form.inputs) values[input.id] = coerce(input, raw[input.id]);
  return values;
}

export type FormValidation = { ok: true; values: FormValues } | { ok: false; values: FormValues; errors: Record<string, string> };

function problem(input: Input, value: FormValue | undefined, locale: Locale | undefined): string | undefined {
  const words = rendererStrings(locale).errors;
  if (value === undefined) {
    if (input.kind !== "toggle" && input.required) {
      return input.kind === "select" ? words.choose(input.label) : words.required(input.label);
    }
    return undefined;
  }
  switch (input.kind) {
    case "text":
      return input.maxLength !== undefined && String(value).length > input.maxLength ? words.tooLong(input.maxLength) : undefined;
    case "number":
      if (typeof value !== "number") return words.notANumber;
      if (input.integer && !Number.isInteger(value)) return words.notAWholeNumber;
      if (input.min !== undefined && value < input.min) return words.tooSmall(input.min);
      if (input.max !== undefined && value > input.max) return words.tooLarge(input.max);
      return undefined;
    case "date":
      return isIsoDate(String(value)) ? undefined : words.badDate;
    case "time":
      return isIsoTime(String(value)) ? undefined : words.badTime;
    case "select":
      return input.options.some((option) => option.value === value) ? undefined : words.unknownOption;
    case "toggle":
      return undefined;
  }
}

/**
 * Checks values against the form's own rules (required, min/max, maxLength, formats,
 * known options). The `errors` fit straight into `form.errors` for the next render.
 */
export function validateFormValues(form: FormBlock, values: FormValues, locale?: Locale): FormValidation {
  const errors: Record<string, string> = {};
  for (const input of form.inputs) {
    const message = problem(input, values[input.id], locale);
    if (message) errors[input.id] = message;
  }
  return Object.keys(errors).length ? { ok: false, values, errors } : { ok: true, values };
}
