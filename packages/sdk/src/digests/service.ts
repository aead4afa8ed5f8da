import type { Deps } from "../services/context";
import { createDigestFacts } from "./facts";
import { createFlaggedSnapshots } from "./flagged";
import { createDigestRuns } from "./runs";
import { createSubscriptions } from "./subscriptions";
import type { DigestService } from "../api/digests";

/**
 * `sv.digests`: channel subscriptions to scheduled digests, the runs log that makes each
 * digest post exactly once across instances, the flagged-schools snapshot each digest
 * compares with, and the scoped facts a digest is built from.
 */
export function createDigestService(deps: Deps): DigestService {
  return {
    ...createSubscriptions(deps),
    ...createDigestRuns(deps),
    ...createFlaggedSnapshots(deps),
    facts: createDigestFacts(deps),
  };
}

export type { DigestService };
