/** A request the replay server received, and how it answered. */
export type RecordedRequest = {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  receivedAt: number;
  /** Filled in once answered. */
  status?: number;
  /** `recorded`, `fault` (injected) or `unmatched` (404). */
  outcome?: "recorded" | "fault" | "unmatched";
};
