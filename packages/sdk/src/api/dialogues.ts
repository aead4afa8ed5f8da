import type { ConflictDetail } from "../errors";
import type { BookDialogueInput, DialogueStatus, QualityDialogue, RescheduleDialogueInput } from "../domain/dialogue";
import type { WriteContext } from "../services/context";
import type { AvailabilityQuery, Slot, UpcomingQuery } from "../services/dialogues";

/**
 * Quality dialogues (kvalitetsdialoger): booking within working hours without double
 * booking staff or offices, rescheduling, cancelling and marking held. Reached as
 * `sv.dialogues`.
 */
export interface DialogueService {
  /**
   * One dialogue by id.
   * @throws {@link NotFoundError} when there is no such dialogue.
   * @example
   * ```ts
   * const d = await sv.dialogues.get(id);
   * ```
   */
  get(id: string): Promise<QualityDialogue>;
  /**
   * Resolves when the actor may reschedule or cancel the dialogue. For chat flows that ask
   * before writing; every write checks again.
   * @throws {@link ForbiddenError} when the actor may not.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.dialogues.checkMayChange(id, asKarin);
   * ```
   */
  checkMayChange(id: string, ctx: WriteContext): Promise<void>;
  /**
   * Books a dialogue with an organizer (advisor). Queues calendar invitations when mail is configured.
   * @throws {@link ValidationError} when the input is invalid, outside working hours, or names an unknown office or staff member.
   * @throws {@link ForbiddenError} when the actor is below advisor or books for others without the right.
   * @throws {@link NotFoundError} when the organizer or acting staff member is unknown.
   * @throws {@link ConflictError} when a staff member or the office is already booked at that time.
   * @example
   * ```ts
   * const d = await sv.dialogues.book({ organizerId: boras.id, officeId: "Göteborg", start: "2026-12-03T14:00", durationMinutes: 90 }, asKarin);
   * ```
   */
  book(input: BookDialogueInput, ctx: WriteContext): Promise<QualityDialogue>;
  /**
   * Moves a planned dialogue to a new time or office.
   * @throws {@link ValidationError} when the input is invalid or the dialogue can no longer be moved.
   * @throws {@link ForbiddenError} when the actor may not change the dialogue.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @throws {@link ConflictError} when the new time clashes with another booking.
   * @example
   * ```ts
   * await sv.dialogues.reschedule(d.id, { start: "2026-12-04T09:00" }, asKarin);
   * ```
   */
  reschedule(id: string, input: RescheduleDialogueInput, ctx: WriteContext): Promise<QualityDialogue>;
  /**
   * Cancels a dialogue that has not been held.
   * @throws {@link ValidationError} when the dialogue is already cancelled or held.
   * @throws {@link ForbiddenError} when the actor may not change the dialogue.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.dialogues.cancel(d.id, { reason: "Sjukdom" }, asKarin);
   * ```
   */
  cancel(id: string, options: { reason?: string }, ctx: WriteContext): Promise<QualityDialogue>;
  /**
   * Marks a started dialogue as held.
   * @throws {@link ValidationError} when the dialogue is not planned or has not started.
   * @throws {@link ForbiddenError} when the actor may not change the dialogue.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.dialogues.markHeld(d.id, { notes: "Bra samtal" }, asKarin);
   * ```
   */
  markHeld(id: string, options: { notes?: string }, ctx: WriteContext): Promise<QualityDialogue>;
  /**
   * Active dialogues from `from` (default now), soonest first.
   * @throws {@link ValidationError} when `from` or `to` is not a date-time.
   * @example
   * ```ts
   * const next = await sv.dialogues.listUpcoming({ staffId: karin.id, limit: 5 });
   * ```
   */
  listUpcoming(query?: UpcomingQuery): Promise<QualityDialogue[]>;
  /**
   * The organizer's latest dialogues that have started (any status but cancelled),
   * newest first: the history a briefing shows. Two reads whatever the count.
   * @example
   * ```ts
   * const past = await sv.dialogues.listPast({ organizerId: boras.id, limit: 3 });
   * ```
   */
  listPast(query: { organizerId: string; limit?: number }): Promise<QualityDialogue[]>;
  /**
   * Dialogues in a period regardless of status (for digests and history).
   * @throws {@link ValidationError} when `from` or `to` is not a date-time.
   * @example
   * ```ts
   * const week = await sv.dialogues.listBetween("2026-12-07", "2026-12-14");
   * ```
   */
  listBetween(from: string, to: string, statuses?: DialogueStatus[]): Promise<QualityDialogue[]>;
  /**
   * Checks a proposed time without booking; empty when free.
   * @throws {@link ValidationError} when `start` or `end` is not a date-time.
   * @example
   * ```ts
   * const clashes = await sv.dialogues.conflicts({ start: "2026-12-03T14:00", end: "2026-12-03T15:30", staffIds: [karin.id] });
   * ```
   */
  conflicts(input: { start: string; end: string; staffIds: string[]; officeId?: string | null; excludeId?: string }): Promise<ConflictDetail[]>;
  /**
   * Free slots within working hours where all the staff and the office are free.
   * @throws {@link ValidationError} when the range is not a date-time.
   * @example
   * ```ts
   * const slots = await sv.dialogues.availability({ staffIds: [karin.id], officeId: "Göteborg", durationMinutes: 90 });
   * ```
   */
  availability(query: AvailabilityQuery): Promise<Slot[]>;
}
