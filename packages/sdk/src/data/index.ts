import type { Deps } from "../services/context";
import type { Directory } from "../services/directory";
import { createExportImporter } from "./import-export";
import { createSync } from "./sync";
import { createRegisterSync, registerStatus } from "./register-sync";

export type { ImportOptions, ImportRowError, ImportSummary } from "./import-export";
export type { SyncFailure, SyncOptions, SyncProgress, SyncSummary } from "./sync";
export type { SchoolResult } from "./results";
export { API_SOURCE, latestResults } from "./sync-unit";
export { SYNC_NAMESPACE } from "./sync-checkpoint";
export {
  REGISTER_NAMESPACE,
  type RegisterCounts,
  type RegisterStatus,
  type RegisterSyncFailure,
  type RegisterSyncOptions,
  type RegisterSyncProgress,
  type RegisterSyncState,
  type RegisterSyncSummary,
} from "./register-sync";
import type { DataService } from "../api/data";
export { planImport, type ImportPlan, type PlannedOrganizer } from "./import-plan";
export { API_METRIC_ALIASES, EXPORT_METRICS, metricLabel, compareMetrics, type ExportMetric } from "./metrics";

/** Bringing real school data in: the statistics export, and Skolverket's API. */
export function createDataService(deps: Deps, directory: Directory): DataService {
  return {
    importStatisticsExport: createExportImporter(deps),
    sync: createSync(deps, directory),
    /** Every organizer and school unit of Skolenhetsregistret (`samverkan sync --register`). */
    syncRegister: createRegisterSync(deps),
    /** Active/inactive counts and time of the last completed register sync; null before any. */
    registerStatus: () => registerStatus(deps.store.db),
  };
}

export type { DataService };
export { manualOrganizerSchema, type ManualImportSummary, type ManualOrganizerInput, type ManualOrganizerResult } from "./manual-organizers";
