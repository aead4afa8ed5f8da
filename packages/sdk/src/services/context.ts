import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Channel } from "../domain/audit";
import type { DigestTarget } from "../digests/types";
import type { RegionalOffice } from "../domain/offices";
import type { Store, Database } from "../store/store";
import { readJsonArray } from "../store/columns";
import type { Clock } from "../time";

/** Who performs a write: a staff member, or a named system job such as a data import. */
export type Actor = { staffId: string } | { system: string };

export interface WriteContext {
  actor: Actor;
  channel: Channel;
  /**
   * The chat conversation the request was made in, when there is one. Digest
   * subscriptions can only be managed from their own conversation (or by a unit head or
   * admin); without it, only they can.
   */
  conversation?: DigestTarget;
}

export interface WorkingHours {
  /** Local time of day, `HH:mm`. */
  start: string;
  end: string;
  /** ISO weekdays 1 (Monday) … 7 (Sunday) on which dialogues may be held. */
  days: number[];
}

export interface SamverkanConfig {
  offices: readonly RegionalOffice[];
  workingHours: WorkingHours;
  timeZone: string;
  coverage: {
    /** Number of principal organizers to meet (about 2,800 in Sweden). */
    organizerGoal: number;
    /** Local date the three-year goal starts from. */
    startDate: string;
    years: number;
  };
  /** Longest dialogue; bounds the conflict-check window. */
  maxDialogueMinutes: number;
  /** Topics a dialogue's minutes choose from (framgångsfaktorer). */
  successFactors: string[];
}

export interface Deps {
  store: Store;
  config: SamverkanConfig;
  clock: Clock;
}

export type Trx = Transaction<Database>;

export const newId = (): string => randomUUID();

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** The one object a row hydrates to; hydrate functions map rows one to one. */
export async function hydrateOne<R, T, Q>(hydrate: (rows: R[], q?: Q) => Promise<T[]>, row: R, q?: Q): Promise<T> {
  const [one] = await hydrate([row], q);
  if (one === undefined) throw new Error("hydrate returned no object for a row");
  return one;
}

/** A JSON string array from a text column; a value that is not one fails naming `column` (store/columns.ts). */
export function fromJsonArray(text: string, column: string): string[] {
  return readJsonArray(column, text);
}
