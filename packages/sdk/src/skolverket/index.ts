export {
  createSkolverketClient,
  DEFAULT_SKOLVERKET_API_URL,
  type CompactSchoolUnitFilter,
  type SchoolUnitFilter,
  type SkolverketClient,
  type SkolverketClientOptions,
} from "./client";
export { PLANNED_EDUCATIONS_V4_ACCEPT } from "./http";
export {
  isSkolverketError,
  SkolverketError,
  SkolverketHttpError,
  SkolverketNetworkError,
  SkolverketNotFoundError,
  SkolverketResponseError,
  SkolverketTimeoutError,
  type ResponseIssue,
  type SkolverketErrorCode,
} from "./errors";
export * as skolverketSchemas from "./schemas";
export type {
  CompactSchoolUnit,
  InspectionDocument,
  ProgrammeStatistics,
  SalsaList,
  SalsaUnit,
  UpperSecondaryStatistics,
  ListedSchoolUnit,
  Page,
  PageInfo,
  SchoolUnitAddress,
  SchoolUnitDetails,
  SchoolUnitStatistics,
  StatisticPoint,
  StatisticSeries,
  StatisticsSchoolForm,
  Sweref99,
  TypeOfSchooling,
  Wgs84,
} from "./types";
export { documentPeriod } from "./mappers-results";
export { createSemaphore, type Semaphore } from "./semaphore";

export {
  hasNumber,
  KNOWN_VALUE_TYPES,
  numericOrNull,
  parseStatValue,
  statValueSchema,
  type KnownValueType,
  type NumericOptions,
  type StatValue,
  type StatValueKind,
} from "./stat-value";
export { formatStatValue, type StatLocale } from "./stat-value-format";
export { parseSwedishNumber } from "./swedish-number";
export { parseOrganizerType } from "./organizer-type";

export { parseStatisticsExport, StatisticsExportFormatError, type ExportRowError, type StatisticsExport } from "./statistics-csv";
export { exportRowCellsSchema, type ExportRow } from "./statistics-export-row";
export { EXPORT_COLUMNS, type ExportColumn } from "./statistics-export-columns";
export { parseDelimited, type CsvRecord } from "./csv";
export * from "./register/index";
