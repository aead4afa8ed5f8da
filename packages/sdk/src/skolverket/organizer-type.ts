import type { OrganizerType } from "../domain/organizer";

export type { OrganizerType };

const BY_SWEDISH_NAME: Record<string, OrganizerType> = {
  kommunal: "municipal",
  enskild: "independent",
  fristående: "independent",
  statlig: "state",
  region: "region",
  regional: "region",
};

/** `Kommunal` → municipal, `Enskild`/`Fristående` → independent, `Statlig` → state, `Region` → region; else null. */
export function parseOrganizerType(swedish: string | null | undefined): OrganizerType | null {
  if (!swedish) return null;
  return BY_SWEDISH_NAME[swedish.trim().toLocaleLowerCase("sv-SE")] ?? null;
}
