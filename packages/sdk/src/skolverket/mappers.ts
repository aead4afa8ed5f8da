import { parseOrganizerType } from "./organizer-type";
import type {
  RawCompactSchoolUnitList,
  RawListedSchoolUnit,
  RawSchoolUnitDetails,
  RawSchoolUnitStatistics,
  RawStatisticEntry,
  RawTypeOfSchooling,
} from "./schemas";
import { parseStatValue } from "./stat-value";
import type {
  CompactSchoolUnit,
  ListedSchoolUnit,
  PageInfo,
  SchoolUnitDetails,
  SchoolUnitStatistics,
  StatisticSeries,
  StatisticsSchoolForm,
  Sweref99,
  Wgs84,
} from "./types";

function coordinate(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function wgs84(lat: string | null | undefined, long: string | null | undefined): Wgs84 | null {
  const latitude = coordinate(lat);
  const longitude = coordinate(long);
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

function sweref99(north: string | null | undefined, east: string | null | undefined): Sweref99 | null {
  const n = coordinate(north);
  const e = coordinate(east);
  return n === null || e === null ? null : { north: n, east: e };
}

function typesOfSchooling(raw: RawTypeOfSchooling[] | null | undefined) {
  return (raw ?? []).map((type) => ({ code: type.code, name: type.displayName ?? null, schoolYears: type.schoolYears ?? [] }));
}

export function toListedSchoolUnit(raw: RawListedSchoolUnit): ListedSchoolUnit {
  return {
    code: raw.code,
    name: raw.name,
    municipalityCode: raw.geographicalAreaCode,
    postCodeDistrict: raw.postCodeDistrict ?? null,
    typesOfSchooling: typesOfSchooling(raw.typeOfSchooling),
    organizerType: parseOrganizerType(raw.principalOrganizerType),
    organizerTypeRaw: raw.principalOrganizerType ?? null,
    abroadSchool: raw.abroadSchool ?? false,
    studentsPerTeacherQuota:
      raw.studentsPerTeacherQuota === null || raw.studentsPerTeacherQuota === undefined ? null : parseStatValue(raw.studentsPerTeacherQuota),
  };
}

export function toPageInfo(page: PageInfo): PageInfo {
  return { number: page.number, size: page.size, totalElements: page.totalElements, totalPages: page.totalPages };
}

export function toSchoolUnitDetails({ body }: RawSchoolUnitDetails): SchoolUnitDetails {
  return {
    code: body.code,
    name: body.name,
    municipalityCode: body.geographicalAreaCode,
    countyCode: body.geographicalAreaCode.slice(0, 2),
    organizer: {
      name: body.corporationName ?? null,
      organisationNumber: body.organisationRegistryNumber ?? null,
      type: parseOrganizerType(body.principalOrganizerType),
      typeRaw: body.principalOrganizerType ?? null,
      companyForm: body.companyForm ?? null,
    },
    typesOfSchooling: typesOfSchooling(body.typeOfSchooling),
    schoolOrientation: body.schoolOrientation ?? null,
    contact: {
      email: body.contactInfo?.email ?? null,
      web: body.contactInfo?.web ?? null,
      telephone: body.contactInfo?.telephone ?? null,
      addresses: (body.contactInfo?.addresses ?? []).map((address) => ({
        type: address.type ?? null,
        street: address.street ?? null,
        zipCode: address.zipCode ?? null,
        city: address.city ?? null,
      })),
    },
    coordinates: { wgs84: wgs84(body.wgs84_Lat, body.wgs84_Long), sweref99: sweref99(body.sweRef_N, body.sweRef_E) },
    abroadSchool: body.abroadSchool ?? false,
  };
}

const NOT_SERIES = new Set(["schoolUnit", "docLinks", "_links"]);

export function toSchoolUnitStatistics({ body }: RawSchoolUnitStatistics, schoolForm: StatisticsSchoolForm): SchoolUnitStatistics {
  const series: StatisticSeries[] = [];
  for (const [metric, entries] of Object.entries(body)) {
    if (NOT_SERIES.has(metric) || !Array.isArray(entries)) continue;
    // Every field but the three above was validated as a series by the schema's catchall.
    const points = entries as RawStatisticEntry[];
    series.push({
      metric,
      values: points.map((entry) => ({ timePeriod: entry.timePeriod, value: parseStatValue(entry.value, entry.valueType) })),
    });
  }
  return { schoolUnitCode: body.schoolUnit, schoolForm, series };
}

export function toCompactSchoolUnits({ body }: RawCompactSchoolUnitList): CompactSchoolUnit[] {
  return (body._embedded?.compactSchoolUnits ?? []).map((unit) => ({
    code: unit.schoolUnitCode,
    name: unit.schoolUnitName,
    coordinates: {
      wgs84: wgs84(unit.wgs84Latitude, unit.wgs84Longitude),
      sweref99: sweref99(unit.sweref99Latitude, unit.sweref99Longitude),
    },
    abroadSchool: unit.abroadSchool ?? false,
  }));
}
