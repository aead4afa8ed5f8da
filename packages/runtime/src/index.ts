/**
 * @samverkan/runtime (private): what the Slack app, the Teams app and the CLI share at run
 * time. The environment is read and checked here once; the SDK and the engine read none.
 */
export { readEnv, RuntimeEnvError, BOTBUILDER_ALIASES, type RuntimeEnv, type EnvSnapshot, type LogLevel, type StoreSettings } from "./env";
export { VARIABLES, renderTable, withTable, type VariableDoc, type VariableName } from "./variables";
export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from "./logger";
export { openStore } from "./store";
export {
  runHousekeeping,
  startHousekeeping,
  EVENT_RETENTION_MS,
  runScheduledSync,
  startScheduledSync,
  SCHEDULED_SYNC_NAMESPACE,
  type ScheduledSyncSettings,
  type ScheduledSyncOutcome,
} from "./housekeeping";
export { createMetrics, observeTurns, handleMetricsRequest, serveMetricsOnLoopback, type AppMetrics } from "./metrics";
export { countPlatformCalls, slackApiCalls, botConnectorCalls, type ClassifyCall } from "./platform-calls";
export { installProcessGuards, type ProcessGuardOptions } from "./process-guards";
export { gracefulShutdown, type Drainable, type Stoppable, type GracefulShutdownOptions, type Shutdown } from "./shutdown";
export { readBoundedBody, BodyTooLargeError, RequestAbortedError } from "./read-body";
export { APP_NODE_FLAGS } from "./node-flags";
export {
  startIdleCollector,
  shouldCollect,
  IDLE_COLLECTOR_DEFAULTS,
  type IdleCollector,
  type IdleCollectorOptions,
  type IdleCollectorThresholds,
  type HeapSample,
  type FullCollection,
} from "./idle-collector";
