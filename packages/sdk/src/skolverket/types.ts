import type { OrganizerType } from "./organizer-type";
import type { StatValue } from "./stat-value";

/** A form of schooling a unit offers (`gr` Grundskolan, `fsk`, `gran`, `gy`, …). */
export type TypeOfSchooling = { code: string; name: string | null; schoolYears: string[] };

export type PageInfo = { number: number; size: number; totalElements: number; totalPages: number };

/** One page of a HAL listing. */
export type Page<T> = { items: T[]; page: PageInfo; hasNext: boolean };

export type Wgs84 = { latitude: number; longitude: number };
/** SWEREF 99 TM, metres. */
export type Sweref99 = { north: number; east: number };

/** A school unit as listed by `GET /v4/school-units`. */
export type ListedSchoolUnit = {
  code: string;
  name: string;
  municipalityCode: string;
  /** Postal town (`postCodeDistrict`). */
  postCodeDistrict: string | null;
  typesOfSchooling: TypeOfSchooling[];
  organizerType: OrganizerType | null;
  /** As the API wrote it: `Kommunal`, `Fristående`. */
  organizerTypeRaw: string | null;
  abroadSchool: boolean;
  /** Always null in the recorded listings; parsed when present. */
  studentsPerTeacherQuota: StatValue | null;
};

export type SchoolUnitAddress = { type: string | null; street: string | null; zipCode: string | null; city: string | null };

/** A school unit as described by `GET /v4/school-units/{code}`. */
export type SchoolUnitDetails = {
  code: string;
  name: string;
  municipalityCode: string;
  countyCode: string;
  organizer: {
    /** `corporationName`, e.g. `HANINGE KOMMUN`. */
    name: string | null;
    organisationNumber: string | null;
    type: OrganizerType | null;
    typeRaw: string | null;
    companyForm: string | null;
  };
  typesOfSchooling: TypeOfSchooling[];
  /** `Ej relevant`, `ALLMAN`, `WALDORF`, `KONFESSIONELL`, `INTERNATIONELL`, … */
  schoolOrientation: string | null;
  contact: { email: string | null; web: string | null; telephone: string | null; addresses: SchoolUnitAddress[] };
  coordinates: { wgs84: Wgs84 | null; sweref99: Sweref99 | null };
  abroadSchool: boolean;
};

/** `gr` grundskola or `gy` gymnasieskola statistics. */
export type StatisticsSchoolForm = "gr" | "gy";

export type StatisticPoint = {
  /** `2024/25`; null on the API's "no data" placeholder entries. */
  timePeriod: string | null;
  /** Parsed value; `value.valueType` keeps the API's valueType. */
  value: StatValue;
};

export type StatisticSeries = { metric: string; values: StatisticPoint[] };

export type SchoolUnitStatistics = {
  schoolUnitCode: string;
  schoolForm: StatisticsSchoolForm;
  /** One series per metric, in the API's order (e.g. `averageGradesMeritRating9thGrade`). */
  series: StatisticSeries[];
};

/** An item of `GET /v4/compact-school-units`. */
export type CompactSchoolUnit = {
  code: string;
  name: string;
  coordinates: { wgs84: Wgs84 | null; sweref99: Sweref99 | null };
  abroadSchool: boolean;
};

/** One programme's figures from `statistics/gy` (`programCode` e.g. `EK`, `NA`, `IMV`). */
export type ProgrammeStatistics = { programCode: string; series: StatisticSeries[] };

/** `GET /v4/school-units/{code}/statistics/gy`: figures per programme. */
export type UpperSecondaryStatistics = { schoolUnitCode: string; programmes: ProgrammeStatistics[] };

/** One unit's SALSA figures: results adjusted for pupil background (`…Deviation` is the residual). */
export type SalsaUnit = { schoolUnitCode: string; name: string | null; municipalityCode: string | null; values: Record<string, StatValue> };

export type SalsaList = { timePeriod: string | null; units: SalsaUnit[] };

/** A Skolinspektionen document listed for a school unit. */
export type InspectionDocument = {
  /** `gr`, `gy`, `fsk`, … */
  schoolForm: string;
  /** As written: `Beslut (Ansvarig myndighet - Skolinspektionen)`, `Skolenkäten (…)`. */
  type: string;
  typeId: string | null;
  title: string;
  url: string;
  /** `2024-03-01` or `VT24` when the title carries one; null otherwise. */
  period: string | null;
  /** Sortable form of `period` (`2024-03-01`, `2024-01-01` for VT24, `2024-08-01` for HT24). */
  sortKey: string | null;
};
