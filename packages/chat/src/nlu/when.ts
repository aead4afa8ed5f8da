import type { When } from "./types";

/** Reading a typed time (`Entities.when`) without looking at the shape of ISO strings. */

/** The instant it starts at, when a clock time was given; undefined for a day or a range of days. */
export function startInstant(when: When): string | undefined {
  if (when.kind === "instant") return when.at;
  return when.kind === "range" && when.unit === "instant" ? when.from : undefined;
}

/** The instant a range of instants ends at. */
export function endInstant(when: When): string | undefined {
  return when.kind === "range" && when.unit === "instant" ? when.to : undefined;
}

/** The local day it starts on, `YYYY-MM-DD` (an instant's ISO string is written in its zone). */
export function startDay(when: When): string {
  if (when.kind === "day") return when.date;
  return (when.kind === "instant" ? when.at : when.from).slice(0, 10);
}

/** A time kept in conversation state as `start` (an instant) or `date` (a day), typed again. */
export function storedWhen(stored: { start?: string | undefined; date?: string | undefined }, zone: string): When | undefined {
  if (stored.start) return { kind: "instant", at: stored.start, zone };
  return stored.date ? { kind: "day", date: stored.date, zone } : undefined;
}
