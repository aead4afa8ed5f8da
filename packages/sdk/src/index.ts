/**
 * @samverkan/sdk: the typed domain of Samverkan för bästa skola and kvalitetsdialoger.
 * Importing this entry never loads a native module; the stores live at
 * `@samverkan/sdk/sqlite` and `@samverkan/sdk/postgres`.
 *
 * The public surface is declared here by name: what is not listed is internal.
 */

// The entry point and its declared services.
export { createSamverkan, type CreateSamverkanOptions } from "./samverkan";
export type { AssignmentService } from "./api/assignments";
export type { AuditService } from "./api/audit";
export type { BriefingService } from "./api/briefing";
export type { CalendarService } from "./api/calendar";
export type { ContactService } from "./api/contacts";
export type { CoverageService } from "./api/coverage";
export type { DataService } from "./api/data";
export type { DialogueService } from "./api/dialogues";
export type { DigestService, DigestFacts } from "./api/digests";
export type { MunicipalitiesService, OrganizersService, SchoolsService } from "./api/directory";
export type { MailService } from "./api/mail";
export type { MinutesService } from "./api/minutes";
export type { NudgeService } from "./api/nudges";
export type { Samverkan, StoreCounts } from "./api/samverkan";
export type { SelectionService } from "./api/selection";
export type { StaffService } from "./api/staff";
export type { StateService } from "./api/state";

// Configuration and stores (the stores themselves: `@samverkan/sdk/sqlite`, `@samverkan/sdk/postgres`).
export { resolveConfig, samverkanConfigSchema, type SamverkanConfigInput } from "./config";
export type { Store } from "./store/store";
export type { Database } from "./store/schema";
export type { Dialect } from "./store/migrations";
export { QueryOutsideTransactionError } from "./store/transaction-scope";

// Errors every service throws.
export {
  isSamverkanError,
  isRequestError,
  type Locale,
  type LocalizedText,
  type SamverkanErrorCode,
  type RequestErrorCode,
  type SourceErrorCode,
  type StoreErrorCode,
  type FieldIssue,
  SamverkanError,
  NotFoundError,
  type ConflictDetail,
  ConflictError,
  ValidationError,
  ForbiddenError,
  InvalidStoredValueError,
} from "./errors";

// Domain: schemas and the types inferred from them.
export { agencySchema, type Agency, AGENCY_NAMES } from "./domain/agency";
export {
  phaseSchema,
  type Phase,
  PHASE_NAMES,
  focusAreaSchema,
  type FocusArea,
  FOCUS_AREA_NAMES,
  assignmentRefSchema,
  planSchema,
  type Plan,
  planInputSchema,
  type PlanInput,
  assignmentSchema,
  type Assignment,
  assignmentInputSchema,
  type AssignmentInput,
  progressEntrySchema,
  type ProgressEntry,
  progressInputSchema,
  type ProgressInput,
} from "./domain/assignment";
export { channelSchema, type Channel, auditEventSchema, type AuditEvent } from "./domain/audit";
export {
  organizerContactSchema,
  type OrganizerContact,
  contactInputSchema,
  type ContactInput,
  contactUpdateSchema,
  type ContactUpdate,
} from "./domain/contact";
export {
  dialogueStatusSchema,
  type DialogueStatus,
  ACTIVE_DIALOGUE_STATUSES,
  qualityDialogueSchema,
  type QualityDialogue,
  bookDialogueInputSchema,
  type BookDialogueInput,
  rescheduleDialogueInputSchema,
  type RescheduleDialogueInput,
} from "./domain/dialogue";
export {
  countyOfMunicipality,
  countyName,
  countyCodeSchema,
  municipalityCodeSchema,
  countySchema,
  type County,
  municipalitySchema,
  type Municipality,
  COUNTIES,
} from "./domain/geography";
export { isValidOrganisationNumber } from "./domain/luhn";
export {
  DEFAULT_SUCCESS_FACTORS,
  agreedActionInputSchema,
  type AgreedActionInput,
  minutesInputSchema,
  type MinutesInput,
  agreedActionSchema,
  type AgreedAction,
  dialogueMinutesSchema,
  type DialogueMinutes,
} from "./domain/minutes";
export { findOffice, officeServingCounty, regionalOfficeSchema, type RegionalOffice, DEFAULT_OFFICES, officesConfigSchema } from "./domain/offices";
export {
  organisationNumberSchema,
  organizerTypeSchema,
  type OrganizerType,
  ORGANIZER_TYPE_NAMES,
  principalOrganizerSchema,
  type PrincipalOrganizer,
  organizerInputSchema,
  type OrganizerInput,
} from "./domain/organizer";
export {
  schoolUnitCodeSchema,
  typeOfSchoolingSchema,
  schoolUnitStatusSchema,
  type SchoolUnitStatus,
  schoolUnitSchema,
  type SchoolUnit,
  schoolUnitInputSchema,
  type SchoolUnitInput,
} from "./domain/school-unit";
export {
  roleSchema,
  type Role,
  ROLE_ORDER,
  chatIdentitySchema,
  type ChatIdentity,
  staffSchema,
  type Staff,
  staffInputSchema,
  type StaffInput,
} from "./domain/staff";

// Service parameter and result types.
export type { SearchOptions, MatchedField } from "./search/types";
export type { AssignmentQuery, StaleAssignment } from "./services/assignments";
export type { DialogueBriefing, BriefingUnit, BriefingResult, BriefingDialogue, BriefingAssignment, YearValue } from "./services/briefing";
export type { ReadContext } from "./services/contacts";
export type { Actor, WriteContext, SamverkanConfig, WorkingHours } from "./services/context";
export type { Coverage, CoverageFigures, CoverageHistory, CoverageScope } from "./services/coverage";
export type { Slot, AvailabilityQuery, UpcomingQuery } from "./services/dialogues";
export type { ListOptions, UpsertSummary, Directory } from "./services/directory";
export type { RecordedMinutes, AgreedActionStatus } from "./services/minutes";
export { NUDGE_KINDS, nudgeKindSchema, type NudgeKind, type DueNudge, type NudgeOptions } from "./services/nudges";
export type { SchoolProfile } from "./services/profile";
export type { SchoolSearchResult, OrganizerSearchResult, SearchService } from "./services/search";

// Selection and rankings.
export { resolveArea, type Area } from "./selection/area";
export {
  assess,
  type Assessment,
  type AssessmentInput,
  type AssessedCandidate,
  type CriterionFigures,
  type NotAssessableUnit,
  type ResultFact,
  type SelectionReason,
} from "./selection/assess";
export type { SchoolRef, LatestInspection } from "./selection/basis";
export { COMPLETION_METRIC, EXAM_METRIC, type ProgrammeFigure } from "./selection/completion";
export type { FigureInContext, CriterionInContext, SchoolFiguresInContext } from "./selection/context";
export { DEFAULT_CRITERIA, resolveCriteria, type CriterionId, type SelectionCriterion, type CriteriaInput } from "./selection/criteria";
export type { Figure, WeightedValue } from "./selection/figures";
export { RANK_METRICS, type RankMetric, type RankingOptions, type RankedSchool, type Ranking } from "./selection/ranking";
export type {
  SelectionOptions,
  SelectionResult,
  SelectionCandidate,
  NotAssessableSchool,
  SelectionRankMetric,
  SelectionRankOptions,
  SelectionRankResult,
  SelectionRankedSchool,
  SelectionReasonInWords,
} from "./selection/service";
export { reasonText } from "./selection/words";

// School data: import, sync, Skolenhetsregistret.
export type { ImportOptions, ImportRowError, ImportSummary } from "./data/import-export";
export { planImport, type ImportPlan, type PlannedOrganizer } from "./data/import-plan";
export { manualOrganizerSchema, type ManualImportSummary, type ManualOrganizerInput, type ManualOrganizerResult } from "./data/manual-organizers";
export { API_METRIC_ALIASES, EXPORT_METRICS, metricLabel, type ExportMetric } from "./data/metrics";
export {
  REGISTER_NAMESPACE,
  type RegisterCounts,
  type RegisterStatus,
  type RegisterSyncFailure,
  type RegisterSyncOptions,
  type RegisterSyncProgress,
  type RegisterSyncState,
  type RegisterSyncSummary,
} from "./data/register-sync";
export type { SchoolResult } from "./data/results";
export type { SyncFailure, SyncOptions, SyncProgress, SyncSummary } from "./data/sync";

// Digests.
export { checkDigestCron } from "./digests/cron";
export type { DigestDialogueFact, DigestPhaseChangeFact, DigestStaleFact, DigestStaleFacts, FactWindow, Listed, StaleQuery } from "./digests/facts";
export { describeScope, formatScope, normalizeScope, parseScope, scopeCounties } from "./digests/scope";
export type { SubscriptionFilter } from "./digests/subscriptions";
export { describeTarget } from "./digests/target";
export {
  DEFAULT_DIGEST_CRON,
  digestLocaleSchema,
  digestRunStatusSchema,
  digestScopeSchema,
  digestSubscriptionInputSchema,
  digestSubscriptionStatusSchema,
  digestTargetSchema,
  type ClaimRunInput,
  type DigestPlatform,
  type DigestRun,
  type DigestRunFilter,
  type DigestRunStatus,
  type DigestScope,
  type DigestSubscription,
  type DigestSubscriptionInput,
  type DigestSubscriptionStatus,
  type DigestTarget,
  type FinishRunInput,
} from "./digests/types";

// Calendar and mail.
export { dialogueUid, type DialogueCalendarEvent, type CalendarPerson } from "./calendar/event";
export { GraphError, type BusyInterval, type GraphEventBody, type GraphClientOptions } from "./calendar/graph";
export { createCalendarRequestHandler } from "./calendar/http";
export { renderCalendar, type CalendarMethod, type RenderOptions } from "./calendar/ics";
export type { CalendarFeed, InvitationNotice } from "./calendar/service";
export {
  calendarSettingsFromEnv,
  resolveCalendarSettings,
  type AttendeeSource,
  type CalendarAttendee,
  type CalendarSettings,
  type CalendarSettingsInput,
  type GraphSettings,
} from "./calendar/settings";
export type { OutboxEntry, OutboxStatus, GraphOutboxPayload } from "./mail/outbox";
export type { FlushResult, MailTransport, OutboxMessage, RunningSender } from "./mail/sender";

// Skolverket's APIs.
export {
  createSkolverketClient,
  DEFAULT_SKOLVERKET_API_URL,
  type CompactSchoolUnitFilter,
  type SchoolUnitFilter,
  type SkolverketClient,
  type SkolverketClientOptions,
} from "./skolverket/client";
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
} from "./skolverket/errors";
export { PLANNED_EDUCATIONS_V4_ACCEPT } from "./skolverket/http";
export {
  createSkolenhetsregistretClient,
  DEFAULT_SKOLENHETSREGISTRET_API_URL,
  type RegisterList,
  type SkolenhetsregistretClient,
  type SkolenhetsregistretClientOptions,
} from "./skolverket/register/client";
export * as registerSchemas from "./skolverket/register/schemas";
export {
  REGISTER_ORGANIZER_TYPES,
  type CompanyStatus,
  type LegalEntityStatus,
  type RegisterOrganizer,
  type RegisterOrganizerDetails,
  type RegisterOrganizerType,
  type RegisterSchoolUnit,
  type RegisterSchoolUnitDetails,
} from "./skolverket/register/types";
export * as skolverketSchemas from "./skolverket/schemas";
export {
  KNOWN_VALUE_TYPES,
  numericOrNull,
  parseStatValue,
  statValueSchema,
  type KnownValueType,
  type NumericOptions,
  type StatValue,
  type StatValueKind,
} from "./skolverket/stat-value";
export { formatStatValue, type StatLocale } from "./skolverket/stat-value-format";
export { parseStatisticsExport, StatisticsExportFormatError, type ExportRowError, type StatisticsExport } from "./skolverket/statistics-csv";
export { EXPORT_COLUMNS, type ExportColumn } from "./skolverket/statistics-export-columns";
export { exportRowCellsSchema, type ExportRow } from "./skolverket/statistics-export-row";
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
} from "./skolverket/types";

// Time, holidays and the words people write.
export { localToInstant, formatInstant, localDate, addLocalDays, STOCKHOLM, type WallClock, type Clock, systemClock } from "./time";
export { formatDay, formatClock, formatDateTime, formatRange, formatDate, formatStamp, formatStampRange, weekdayName, type Instant } from "./time-format";
export { swedishHolidays, swedishHoliday, isSwedishWorkingDay, previousSwedishWorkingDay, easterSunday, type SwedishHoliday } from "./holidays";
export { YES_WORDS, NO_WORDS, isBareYes, isBareNo } from "./vocabulary/answers";
export { FOCUS_AREA_TOPICS, focusAreaOfTopic } from "./vocabulary/focus-areas";
export { foldSwedish } from "./vocabulary/fold";
export { officeTowns, DEFAULT_OFFICE_TOWNS } from "./vocabulary/offices";
export { PHASE_WORDS } from "./vocabulary/phases";
