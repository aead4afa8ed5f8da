/**
 * Small shared key/value state for the apps (conversation state, checkpoints), with
 * expiry, and exactly-once event claims across instances. Reached as `sv.state`.
 */
export interface StateService {
  /**
   * The value under a key, or undefined when absent or expired.
   * @example
   * ```ts
   * const draft = await sv.state.get<{ step: number }>("chat", conversationId);
   * ```
   */
  get<T = unknown>(namespace: string, key: string): Promise<T | undefined>;
  /**
   * Stores a JSON value under a key, optionally expiring after `ttlMs`.
   * @example
   * ```ts
   * await sv.state.set("chat", conversationId, { step: 2 }, 30 * 60_000);
   * ```
   */
  set(namespace: string, key: string, value: unknown, ttlMs?: number): Promise<void>;
  /**
   * Removes a key.
   * @example
   * ```ts
   * await sv.state.delete("chat", conversationId);
   * ```
   */
  delete(namespace: string, key: string): Promise<void>;
  /**
   * Every unexpired entry of a namespace.
   * @example
   * ```ts
   * const all = await sv.state.list<{ step: number }>("chat");
   * ```
   */
  list<T = unknown>(namespace: string): Promise<Array<{ key: string; value: T }>>;
  /**
   * Removes expired entries; returns how many.
   * @example
   * ```ts
   * const removed = await sv.state.sweep();
   * ```
   */
  sweep(): Promise<number>;
  /**
   * Claims an event key exactly once across all instances: true the first time,
   * false for every redelivery. Backed by a primary key, so races resolve in the database.
   * @example
   * ```ts
   * if (!(await sv.state.claimEvent(`slack:${eventId}`))) return;
   * ```
   */
  claimEvent(key: string): Promise<boolean>;
  /**
   * Forgets processed events older than the retention (platforms redeliver within minutes).
   * @example
   * ```ts
   * await sv.state.pruneEvents(24 * 3_600_000);
   * ```
   */
  pruneEvents(olderThanMs: number): Promise<number>;
}
