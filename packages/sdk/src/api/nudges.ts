import type { WriteContext } from "../services/context";
import type { DueNudge, NudgeKind, NudgeOptions } from "../services/nudges";

/** Personal reminders as direct messages, claimed once across instances. Reached as `sv.nudges`. */
export interface NudgeService {
  /**
   * Nudges whose time has come (within the catch-up window), not yet claimed by any instance.
   * @example
   * ```ts
   * const due = await sv.nudges.due();
   * ```
   */
  due(now?: Date, options?: NudgeOptions): Promise<DueNudge[]>;
  /**
   * True for exactly one caller per nudge, across instances: the insert that wins sends it.
   * @example
   * ```ts
   * if (await sv.nudges.claim(nudge, instanceId)) await send(nudge);
   * ```
   */
  claim(nudge: DueNudge, instanceId: string): Promise<boolean>;
  /**
   * Records that a claimed nudge was delivered.
   * @example
   * ```ts
   * await sv.nudges.markSent(nudge.key);
   * ```
   */
  markSent(key: string): Promise<void>;
  /**
   * Records a failed delivery. Kept claimed: a failed DM is logged, not retried into a duplicate.
   * @example
   * ```ts
   * await sv.nudges.markFailed(nudge.key, String(error));
   * ```
   */
  markFailed(key: string, error: string): Promise<void>;
  /**
   * Nudges sent to a person, newest first.
   * @example
   * ```ts
   * const recent = await sv.nudges.sent(karin.id, 10);
   * ```
   */
  sent(staffId: string, limit?: number): Promise<Array<{ key: string; kind: NudgeKind; scheduledFor: string; status: string }>>;
  /**
   * Which kinds are on for the person (all on by default).
   * @example
   * ```ts
   * const { briefing } = await sv.nudges.settings(karin.id);
   * ```
   */
  settings(staffId: string): Promise<Record<NudgeKind, boolean>>;
  /**
   * A person switches their own nudges of one kind on or off.
   * @throws {@link ForbiddenError} when the actor is not a registered staff member.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * await sv.nudges.setEnabled("stale", false, asKarin);
   * ```
   */
  setEnabled(kind: NudgeKind, enabled: boolean, ctx: WriteContext): Promise<Record<NudgeKind, boolean>>;
}
