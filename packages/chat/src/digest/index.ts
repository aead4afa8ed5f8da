export { startDigestScheduler, type DigestLogger, type DigestScheduler, type DigestSchedulerOptions, type RunOutcome, type TickReport } from "./scheduler";
export { DigestChannelGoneError, isDigestChannelGone, type DigestDelivery, type DigestPoster } from "./poster";
export {
  buildDigest,
  gatherDigest,
  isEmptyDigest,
  ITEMS_PER_SECTION,
  STALE_DAYS,
  UPCOMING_DAYS,
  type BuiltDigest,
  type DigestData,
  type DigestRequest,
} from "./content";
export { renderDigestMessage, type DigestMessageOptions } from "./message";
export { dueRuns, latestOccurrence, nextOccurrence, periodStart, previousOccurrence, DEFAULT_LATE_AFTER_MS, type DueOptions, type DueRun } from "./schedule";
export { describeCron } from "./describe";
export { DIGEST_ACTIONS, decodeCreateValue, encodeCreateValue, type DigestDraft } from "./actions";
export { digestCommandOf, parseDigestCommand, type DigestCommand } from "./command";
