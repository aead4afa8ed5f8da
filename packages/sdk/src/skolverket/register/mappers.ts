import { foldSwedish } from "../../vocabulary/fold";
import type { OrganizerType } from "../../domain/organizer";
import type { SchoolUnitStatus } from "../../domain/school-unit";
import { parseSwedishNumber } from "../swedish-number";
import type { RawRegisterAddress, RawRegisterOrganizerInfo, RawRegisterSchoolUnitInfo } from "./schemas";
import type { RegisterOrganizer, RegisterOrganizerDetails, RegisterSchoolUnit, RegisterSchoolUnitDetails } from "./types";

/** `Upphört`, ` upphort ` and `UPPHORT` are one code: upper case, no diacritics, `_` for spaces and dashes. */
export function normaliseCode(text: string | null | undefined): string | null {
  if (!text || !text.trim()) return null;
  return foldSwedish(text.trim())
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

const ORGANIZER_TYPES: Record<string, OrganizerType> = {
  KOMMUN: "municipal",
  KOMMFORB: "municipal",
  REGION: "region",
  STAT: "state",
  SAME: "state",
  SPECIAL: "state",
  ENSKILD: "independent",
  HMANUTL: "independent",
};

export function toOrganizerType(code: string | null): OrganizerType | null {
  return code === null ? null : (ORGANIZER_TYPES[code] ?? null);
}

const UNIT_STATUS: Record<string, SchoolUnitStatus> = { AKTIV: "active", VILANDE: "dormant", UPPHORT: "closed", PLANERAD: "planned" };

/** An unknown status is never guessed active: it reads as `dormant`, neither counted active nor gone. */
export function toUnitStatus(code: string | null): SchoolUnitStatus {
  return code === null ? "active" : (UNIT_STATUS[code] ?? "dormant");
}

export function toRegisterOrganizer(raw: { organizationNumber: string; displayName: string; organizerType?: string | null | undefined }): RegisterOrganizer {
  const typeCode = normaliseCode(raw.organizerType);
  return { organizationNumber: raw.organizationNumber, name: raw.displayName.trim(), type: toOrganizerType(typeCode), typeCode };
}

export function toRegisterOrganizerDetails(raw: RawRegisterOrganizerInfo): RegisterOrganizerDetails {
  const a = raw.data.attributes;
  const legalEntityStatus = normaliseCode(a.legalEntityStatus);
  const companyStatus = normaliseCode(a.companyStatus);
  return {
    ...toRegisterOrganizer({ organizationNumber: raw.data.organizationNumber, displayName: a.displayName, organizerType: a.organizerType }),
    seatMunicipalityCode: a.municipalities?.[0]?.municipalityCode ?? null,
    legalEntityStatus,
    companyStatus,
    companyForm: a.companyForm ? { code: a.companyForm.code ?? null, name: a.companyForm.displayName ?? null } : null,
    schoolTypes: (a.schoolTypes ?? []).map((t) => t.toLowerCase()),
    active: legalEntityStatus !== "EJ_LANGRE_INKLUDERAD" && companyStatus !== "EJ_LANGRE_AKTIV",
    modified: raw.meta?.modified ?? null,
  };
}

export function toRegisterSchoolUnit(raw: { schoolUnitCode: string; name: string; status?: string | null | undefined }): RegisterSchoolUnit {
  const statusCode = normaliseCode(raw.status);
  return { code: raw.schoolUnitCode, name: raw.name.trim(), status: toUnitStatus(statusCode), statusCode };
}

/** Coordinates come with decimal commas (`6562397,097`) or points (`59.16`). */
function decimal(text: string | null | undefined): number | null {
  if (!text || !text.trim()) return null;
  const swedish = parseSwedishNumber(text);
  if (swedish !== null) return swedish;
  const value = Number(text.trim());
  return Number.isFinite(value) && /^[-+]?\d+(\.\d+)?$/.test(text.trim()) ? value : null;
}

function visitingAddress(addresses: readonly RawRegisterAddress[] | null | undefined): RawRegisterAddress | undefined {
  const list = addresses ?? [];
  return list.find((a) => normaliseCode(a.type) === "BESOKSADRESS" && a.geoCoordinates) ?? list.find((a) => a.geoCoordinates);
}

export function toRegisterSchoolUnitDetails(raw: RawRegisterSchoolUnitInfo): RegisterSchoolUnitDetails {
  const a = raw.data.attributes;
  const included = Array.isArray(raw.included) ? raw.included[0] : raw.included;
  const geo = visitingAddress(a.addresses)?.geoCoordinates;
  const latitude = decimal(geo?.latitude);
  const longitude = decimal(geo?.longitude);
  const north = decimal(geo?.coordinateSweRefN);
  const east = decimal(geo?.coordinateSweRefE);
  const typeCode = normaliseCode(included?.attributes?.organizerType);
  const props = a.schoolTypeProperties;
  return {
    ...toRegisterSchoolUnit({ schoolUnitCode: raw.data.schoolUnitCode, name: a.displayName, status: a.status }),
    municipalityCode: a.municipalityCode,
    schoolTypes: [...new Set((a.schoolTypes ?? []).map((t) => t.trim().toLowerCase()))].sort(),
    organizer: included
      ? { organizationNumber: included.organizationNumber, name: included.attributes?.displayName?.trim() || null, type: toOrganizerType(typeCode), typeCode }
      : null,
    schoolUnitType: normaliseCode(a.schoolUnitType),
    orientationType: normaliseCode(a.orientationType),
    headMaster: a.headMaster ?? null,
    programmes: [...new Set([...(props?.gy?.programmes ?? []), ...(props?.gyan?.programmes ?? [])])].sort(),
    coordinates: latitude !== null && longitude !== null ? { latitude, longitude } : null,
    sweref99: north !== null && east !== null ? { north, east } : null,
    startDate: a.startDate ?? a.startdate ?? null,
    endDate: a.endDate ?? a.enddate ?? null,
  };
}
