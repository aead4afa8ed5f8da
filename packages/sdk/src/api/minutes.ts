import type { DialogueMinutes, MinutesInput } from "../domain/minutes";
import type { WriteContext } from "../services/context";
import type { AgreedActionStatus, RecordedMinutes } from "../services/minutes";

/** Minutes after a dialogue, with agreed actions and the next dialogue's date. Reached as `sv.minutes`. */
export interface MinutesService {
  /**
   * The configured success factors (framgångsfaktorer), in order, for forms.
   * @example
   * ```ts
   * const topics = sv.minutes.successFactors();
   * ```
   */
  successFactors(): readonly string[];
  /**
   * Records the minutes of a held or started dialogue once (advisor); agreed actions may
   * become assignments in the organizer's plan (unit head). Marks the dialogue held.
   * @throws {@link ValidationError} when the input is invalid, the dialogue is cancelled or not started, or minutes exist.
   * @throws {@link ForbiddenError} when the actor may not record them or create assignments.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @example
   * ```ts
   * const { minutes } = await sv.minutes.record(d.id, { topics: ["Ledarskap"], notes: "…", actions: [] }, asKarin);
   * ```
   */
  record(dialogueId: string, input: MinutesInput, ctx: WriteContext): Promise<RecordedMinutes>;
  /**
   * The dialogue's minutes, or undefined when none were written.
   * @example
   * ```ts
   * const m = await sv.minutes.get(d.id);
   * ```
   */
  get(dialogueId: string): Promise<DialogueMinutes | undefined>;
  /**
   * Minutes of several dialogues at once, keyed by dialogue id.
   * @example
   * ```ts
   * const byDialogue = await sv.minutes.forDialogues(past.map((d) => d.id));
   * ```
   */
  forDialogues(dialogueIds: readonly string[]): Promise<Map<string, DialogueMinutes>>;
  /**
   * Agreed actions of several minutes with their assignments' phases, in one read; keyed by minutes id.
   * @example
   * ```ts
   * const statuses = await sv.minutes.actionStatuses([...byDialogue.values()]);
   * ```
   */
  actionStatuses(list: readonly DialogueMinutes[]): Promise<Map<string, AgreedActionStatus[]>>;
  /**
   * Agreed actions with the current phase of their assignments.
   * @example
   * ```ts
   * const actions = await sv.minutes.actionStatus(m);
   * ```
   */
  actionStatus(minutes: DialogueMinutes): Promise<AgreedActionStatus[]>;
}
