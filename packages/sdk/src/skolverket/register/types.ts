import type { OrganizerType } from "../../domain/organizer";
import type { SchoolUnitStatus } from "../../domain/school-unit";

/** Huvudmannatyp as the register writes it. */
export const REGISTER_ORGANIZER_TYPES = ["KOMMUN", "REGION", "STAT", "SAME", "ENSKILD", "SPECIAL", "KOMMFORB", "HMANUTL"] as const;
export type RegisterOrganizerType = (typeof REGISTER_ORGANIZER_TYPES)[number];

/** An organizer as listed by `GET /v2/organizers`: the list has no status or seat. */
export interface RegisterOrganizer {
  organizationNumber: string;
  name: string;
  /** Our four kinds: KOMMUN and KOMMFORB are municipal; STAT, SAME and SPECIAL state; ENSKILD and HMANUTL independent. */
  type: OrganizerType | null;
  /** As written, upper-cased: `KOMMUN`, `ENSKILD`, …; null when absent. */
  typeCode: string | null;
}

export type LegalEntityStatus = "INKLUDERAD_SKV" | "INKLUDERAD_ANNAN" | "EJ_LANGRE_INKLUDERAD";
export type CompanyStatus = "ALDRIG_AKTIV" | "AKTIV" | "EJ_LANGRE_AKTIV";
// `Known | (string & {})`: any text is accepted, and editors still offer the known values.

export interface RegisterOrganizerDetails extends RegisterOrganizer {
  /** Säteskommun, the first listed; null when the register has none (before 2025-03-05, abroad). */
  seatMunicipalityCode: string | null;
  /** Status at Skatteverket: in the population or no longer. Unknown text is kept as written. */
  legalEntityStatus: LegalEntityStatus | (string & {}) | null;
  /** Status at Bolagsverket. */
  companyStatus: CompanyStatus | (string & {}) | null;
  companyForm: { code: string | null; name: string | null } | null;
  schoolTypes: string[];
  /** False when the register says it is no longer included or no longer active. */
  active: boolean;
  modified: string | null;
}

export interface RegisterSchoolUnit {
  code: string;
  name: string;
  status: SchoolUnitStatus;
  /** As written: `AKTIV`, `VILANDE`, `UPPHORT`, `PLANERAD`. */
  statusCode: string | null;
}

export interface RegisterSchoolUnitDetails extends RegisterSchoolUnit {
  municipalityCode: string;
  /** Lower case, as the rest of Samverkan writes them: `gr`, `gy`, `fklass`. */
  schoolTypes: string[];
  organizer: { organizationNumber: string; name: string | null; type: OrganizerType | null; typeCode: string | null } | null;
  schoolUnitType: string | null;
  orientationType: string | null;
  headMaster: string | null;
  /** Upper secondary programme codes (`BA`, `EK`), when the register lists them. */
  programmes: string[];
  coordinates: { latitude: number; longitude: number } | null;
  sweref99: { north: number; east: number } | null;
  startDate: string | null;
  endDate: string | null;
}
