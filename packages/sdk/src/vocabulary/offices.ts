import { DEFAULT_OFFICES, type RegionalOffice } from "../domain/offices";

/** The towns of the configured offices (`config.offices`), in configuration order. */
export function officeTowns(offices: readonly RegionalOffice[]): string[] {
  return offices.map((o) => o.town);
}

/** The towns of the default offices (`DEFAULT_OFFICES`): the offices a parse knows without a store. */
export const DEFAULT_OFFICE_TOWNS = officeTowns(DEFAULT_OFFICES) as [string, ...string[]];
