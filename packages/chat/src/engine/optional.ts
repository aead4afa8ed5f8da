import { NotFoundError } from "@samverkan/sdk";
import type { EngineLogger } from "./types";

/**
 * A lookup the turn can do without: a card without its contacts, a draft without the
 * school, an organizer card without its selection flags. The reply goes on with
 * `fallback` exactly as before, but only a plain "not found" is quiet: any other failure
 * (a store error, a bug in search or date handling) is logged with what was looked up.
 */
export async function optional<T, F>(logger: EngineLogger, what: string, context: Record<string, unknown>, lookup: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await lookup;
  } catch (error) {
    if (!(error instanceof NotFoundError)) logger.warn({ err: error, lookup: what, ...context }, "optional lookup failed; the reply goes on without it");
    return fallback;
  }
}
