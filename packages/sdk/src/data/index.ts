import type { Deps } from "../services/context";
import type { Directory } from "../services/directory";
import { createExportImporter } from "./import-export";
import { createSync } from "./sync";

export type { ImportOptions, ImportRowError, ImportSummary } from "./import-export";
export type { SyncFailure, SyncOptions, SyncProgress, SyncSummary } from "./sync";
export type { SchoolResult } from "./results";
export { API_SOURCE, latestResults } from "./sync-unit";
export { SYNC_NAMESPACE } from "./sync-checkpoint";
export { planImport, type ImportPlan, type PlannedOrganizer } from "./import-plan";
export { API_METRIC_ALIASES, EXPORT_METRICS, metricLabel, compareMetrics, type ExportMetric } from "./metrics";

/** Bringing real school data in: the statistics export, and Skolverket's API. */
export function createDataService(deps: Deps, directory: Directory) {
  return {
    importStatisticsExport: createExportImporter(deps),
    sync: createSync(deps, directory),
  };
}

export type DataService = ReturnType<typeof createDataService>;
