import * as z from "zod";
import { parseSwedishNumber } from "./swedish-number";

/**
 * Skolverket's `valueType` values seen in the Planned Educations API v4. Other strings
 * may appear; they are kept as they are.
 */
export const KNOWN_VALUE_TYPES = [
  "EXISTS",
  "MISSING",
  "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS",
  "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE",
  "TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION",
] as const;
export type KnownValueType = (typeof KNOWN_VALUE_TYPES)[number];

const valueType = z.string().optional();

/**
 * A statistics value. Markers (`..`, `.`, `*`, …) are kinds of their own and never a
 * number; `raw` is always the text as the source wrote it (`""` when it sent null).
 */
export const statValueSchema = z.discriminatedUnion("kind", [
  /** A plain number: `93,5`, `1 234`. */
  z.object({ kind: z.literal("number"), value: z.number(), raw: z.string(), valueType }),
  /** `~100`: rounded off because few pupils were not eligible (1–4 pupils). */
  z.object({ kind: z.literal("rounded"), value: z.number(), raw: z.string(), valueType }),
  /** `cirka 210`: an approximate count. */
  z.object({ kind: z.literal("approximate"), value: z.number(), raw: z.string(), valueType }),
  /** `..`: hidden because it is based on too few pupils. */
  z.object({ kind: z.literal("hidden"), raw: z.string(), valueType }),
  /** `.` (or `-`, `–`, empty): no value. */
  z.object({ kind: z.literal("missing"), raw: z.string(), valueType }),
  /** `*`: not reported, e.g. teachers without the required certification excluded. */
  z.object({ kind: z.literal("excluded"), raw: z.string(), valueType }),
  /** Anything else: kept verbatim, never guessed at. */
  z.object({ kind: z.literal("unparseable"), raw: z.string(), valueType }),
]);

export type StatValue = z.infer<typeof statValueSchema>;
export type StatValueKind = StatValue["kind"];

const HIDDEN = new Set([".."]);
const MISSING = new Set([".", "-", "–", "—", ""]);
const EXCLUDED = new Set(["*"]);
const ROUNDED = /^~\s*(.+)$/;
const APPROXIMATE = /^(?:cirka|ca\.?)\s+(.+)$/i;

/** The kind a valueType stands for when the value text itself says nothing. */
function kindForValueType(type: string | undefined): "hidden" | "missing" | "excluded" {
  switch (type) {
    case "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS":
      return "hidden";
    case "TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION":
      return "excluded";
    default:
      return "missing";
  }
}

function withValueType<T extends object>(value: T, type: string | undefined): T & { valueType?: string } {
  return type === undefined ? value : { ...value, valueType: type };
}

/**
 * Turns a value as Skolverket writes it into a StatValue. Never throws: text it does
 * not understand becomes `{ kind: "unparseable", raw }`. A valueType, when given, is
 * kept, and decides the kind when the text alone cannot (null or empty text, or a plain
 * number marked ROUNDED_OFF_…).
 */
export function parseStatValue(raw: string | null | undefined, valueType?: string): StatValue {
  const text = (raw ?? "").trim();
  const original = raw ?? "";
  if (text === "") return withValueType({ kind: kindForValueType(valueType), raw: original }, valueType);
  if (HIDDEN.has(text)) return withValueType({ kind: "hidden", raw: original }, valueType);
  if (MISSING.has(text)) return withValueType({ kind: "missing", raw: original }, valueType);
  if (EXCLUDED.has(text)) return withValueType({ kind: "excluded", raw: original }, valueType);

  const rounded = ROUNDED.exec(text);
  if (rounded?.[1] !== undefined) {
    const value = parseSwedishNumber(rounded[1]);
    if (value !== null) return withValueType({ kind: "rounded", value, raw: original }, valueType);
  }
  const approximate = APPROXIMATE.exec(text);
  if (approximate?.[1] !== undefined) {
    const value = parseSwedishNumber(approximate[1]);
    if (value !== null) return withValueType({ kind: "approximate", value, raw: original }, valueType);
  }
  const value = parseSwedishNumber(text);
  if (value !== null) {
    const kind = valueType === "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE" ? "rounded" : "number";
    return withValueType({ kind, value, raw: original }, valueType);
  }
  return withValueType({ kind: "unparseable", raw: original }, valueType);
}

export type NumericOptions = {
  /** Count `~100` as 100 (default true). */
  rounded?: boolean;
  /** Count `cirka 210` as 210 (default true). */
  approximate?: boolean;
};

/** The number a value carries, or null for every marker. Never turns a marker into 0. */
export function numericOrNull(value: StatValue, options: NumericOptions = {}): number | null {
  switch (value.kind) {
    case "number":
      return value.value;
    case "rounded":
      return options.rounded === false ? null : value.value;
    case "approximate":
      return options.approximate === false ? null : value.value;
    default:
      return null;
  }
}

/** True for the kinds that carry a number. */
export function hasNumber(value: StatValue): value is Extract<StatValue, { value: number }> {
  return value.kind === "number" || value.kind === "rounded" || value.kind === "approximate";
}
