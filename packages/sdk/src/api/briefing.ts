import type { ReadContext } from "../services/contacts";
import type { DialogueBriefing } from "../services/briefing";

/** Everything to know before a dialogue with an organizer. Reached as `sv.briefing`. */
export interface BriefingService {
  /**
   * The briefing for a dialogue with the organizer: its units' results against the
   * national figure, past dialogues' minutes and actions, open assignments and contact
   * persons. Staff only (it names contact persons).
   * @throws {@link ForbiddenError} when the actor is not a registered staff member.
   * @throws {@link NotFoundError} when the organizer is unknown.
   * @example
   * ```ts
   * const briefing = await sv.briefing.forOrganizer(boras.id, asKarin, { pastDialogues: 2 });
   * ```
   */
  forOrganizer(organizerId: string, ctx: ReadContext, options?: { pastDialogues?: number }): Promise<DialogueBriefing>;
}
