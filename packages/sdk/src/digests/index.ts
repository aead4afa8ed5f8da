export { createDigestService, type DigestService } from "./service";
export { checkDigestCron } from "./cron";
export { describeScope, formatScope, normalizeScope, parseScope, scopeCounties } from "./scope";
export { describeTarget, targetKey } from "./target";
export { parseDigestRef, type SubscriptionFilter } from "./subscriptions";
export { FLAGGED_SNAPSHOT_NAMESPACE } from "./flagged";
export type { DigestFacts, DigestDialogueFact, DigestPhaseChangeFact, DigestStaleFact, DigestStaleFacts, FactWindow, Listed, StaleQuery } from "./facts";
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
} from "./types";
