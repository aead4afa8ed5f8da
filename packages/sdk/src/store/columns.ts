import type * as z from "zod";
import { InvalidStoredValueError } from "../errors";

/**
 * Reads an enum column through its zod schema. The schema types say what the column
 * holds; the database does not enforce it, so a row mapper checks once, here, and a
 * value no writer puts there fails naming the column instead of travelling on.
 */
/** A JSON array of strings in a text column (topics, types of schooling, recipients…); anything else fails naming the column. */
export function readJsonArray(column: string, text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidStoredValueError(column, text);
  }
  if (!Array.isArray(parsed)) throw new InvalidStoredValueError(column, text);
  return parsed.map(String);
}

export function readColumn<T>(schema: z.ZodType<T>, column: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidStoredValueError(column, value);
  return parsed.data;
}
