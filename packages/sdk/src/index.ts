/**
 * @samverkan/sdk: the typed domain of Samverkan för bästa skola and kvalitetsdialoger.
 * Importing this entry never loads a native module; the stores live at
 * `@samverkan/sdk/sqlite` and `@samverkan/sdk/postgres`.
 */
export * from "./domain";
export { foldSwedish, PHASE_WORDS, FOCUS_AREA_TOPICS, focusAreaOfTopic, officeTowns, DEFAULT_OFFICE_TOWNS, YES_WORDS, NO_WORDS, isBareYes, isBareNo } from "./vocabulary/index";
export * from "./errors";
export * from "./time";
export * from "./time-format";
export { createSamverkan, type Samverkan, type CreateSamverkanOptions, type StoreCounts } from "./samverkan";
export { resolveConfig, samverkanConfigSchema, type SamverkanConfigInput } from "./config";
export type { Store, Database, Dialect } from "./store/store";
export { QueryOutsideTransactionError } from "./store/transaction-scope";
export type { Actor, WriteContext, SamverkanConfig, WorkingHours } from "./services/context";
export type { Slot, AvailabilityQuery, UpcomingQuery, DialogueService } from "./services/dialogues";
export type { AssignmentQuery, StaleAssignment, AssignmentService } from "./services/assignments";
export type { Coverage, CoverageFigures, CoverageHistory, CoverageScope, CoverageService } from "./services/coverage";
export type { ListOptions, UpsertSummary, Directory } from "./services/directory";
export type { StaffService } from "./services/staff";
export type { ContactService, ReadContext } from "./services/contacts";
export type { BriefingService, DialogueBriefing, BriefingUnit, BriefingResult, BriefingDialogue, BriefingAssignment, YearValue } from "./services/briefing";
export { NUDGE_KINDS, nudgeKindSchema, isoWeekKey, type NudgeKind, type DueNudge, type NudgeOptions, type NudgeService } from "./services/nudges";
export type { MinutesService, RecordedMinutes, AgreedActionStatus } from "./services/minutes";
export { swedishHolidays, swedishHoliday, isSwedishWorkingDay, previousSwedishWorkingDay, easterSunday, type SwedishHoliday } from "./holidays";
export type { StateService } from "./services/state";
export * from "./skolverket/index";
export type { SchoolSearchResult, OrganizerSearchResult, SearchOptions, MatchedField, SearchService } from "./services/search";
export type { SchoolProfile } from "./services/profile";
export {
  API_METRIC_ALIASES,
  API_SOURCE,
  EXPORT_METRICS,
  SYNC_NAMESPACE,
  compareMetrics,
  latestResults,
  metricLabel,
  planImport,
  type DataService,
  type ExportMetric,
  type ImportOptions,
  type ImportPlan,
  type ImportRowError,
  type ImportSummary,
  type PlannedOrganizer,
  type SchoolResult,
  type SyncFailure,
  type SyncOptions,
  type SyncProgress,
  type SyncSummary,
  REGISTER_NAMESPACE,
  manualOrganizerSchema,
  type ManualImportSummary,
  type ManualOrganizerInput,
  type ManualOrganizerResult,
  type RegisterCounts,
  type RegisterStatus,
  type RegisterSyncFailure,
  type RegisterSyncOptions,
  type RegisterSyncProgress,
  type RegisterSyncState,
  type RegisterSyncSummary,
} from "./data/index";
export * from "./selection/index";
export * from "./digests/index";
export {
  calendarSettingsFromEnv,
  resolveCalendarSettings,
  type AttendeeSource,
  type CalendarAttendee,
  type CalendarSettings,
  type CalendarSettingsInput,
  type GraphSettings,
} from "./calendar/settings";
export { dialogueUid, type DialogueCalendarEvent, type CalendarPerson } from "./calendar/event";
export { renderCalendar, type CalendarMethod, type RenderOptions } from "./calendar/ics";
export type { CalendarService, CalendarFeed, InvitationNotice } from "./calendar/service";
export { createCalendarRequestHandler } from "./calendar/http";
export type { MailService } from "./mail/service";
export type { OutboxEntry, OutboxStatus } from "./mail/outbox";
export { backoffMs, LEASE_MS, MAX_ATTEMPTS, type FlushResult, type MailTransport, type OutboxMessage, type RunningSender } from "./mail/sender";
export { GraphError, type BusyInterval, type GraphEventBody, type GraphClientOptions } from "./calendar/graph";
export type { GraphOutboxPayload } from "./mail/outbox";
