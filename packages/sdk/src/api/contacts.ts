import type { ContactInput, ContactUpdate, OrganizerContact } from "../domain/contact";
import type { WriteContext } from "../services/context";
import type { ReadContext } from "../services/contacts";

/**
 * Contact persons at organizers. Personal data: reads need a registered staff member,
 * writes at least advisor, and the audit records ids only. Reached as `sv.contacts`.
 */
export interface ContactService {
  /**
   * Adds a contact person to an organizer (advisor).
   * @throws {@link ValidationError} when the input is invalid.
   * @throws {@link ForbiddenError} when the actor is below advisor.
   * @throws {@link NotFoundError} when the organizer or acting staff member is unknown.
   * @example
   * ```ts
   * const anna = await sv.contacts.add({ organizerId: boras.id, name: "Anna Berg", role: "Skolchef", email: "anna@boras.se" }, asKarin);
   * ```
   */
  add(input: ContactInput, ctx: WriteContext): Promise<OrganizerContact>;
  /**
   * Changes a contact person's details (advisor).
   * @throws {@link ValidationError} when the patch is invalid.
   * @throws {@link ForbiddenError} when the actor is below advisor.
   * @throws {@link NotFoundError} when the contact or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.contacts.update(anna.id, { phone: "033-35 70 00" }, asKarin);
   * ```
   */
  update(id: string, patch: ContactUpdate, ctx: WriteContext): Promise<OrganizerContact>;
  /**
   * Removes a contact who no longer works with us (e.g. changed jobs); advisor.
   * @throws {@link ForbiddenError} when the actor is below advisor.
   * @throws {@link NotFoundError} when the contact or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.contacts.remove(anna.id, asKarin);
   * ```
   */
  remove(id: string, ctx: WriteContext): Promise<void>;
  /**
   * GDPR erasure (unit head): the person disappears from the organizer and every dialogue.
   * The audit keeps that an erasure happened, by whom and when, with no name, e-mail or phone.
   * @throws {@link ForbiddenError} when the actor is below unit head.
   * @throws {@link NotFoundError} when the contact or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.contacts.erase(anna.id, asUnitHead);
   * ```
   */
  erase(id: string, ctx: WriteContext): Promise<void>;
  /**
   * One contact person. Staff only.
   * @throws {@link ForbiddenError} when the actor is not a registered staff member.
   * @throws {@link NotFoundError} when the contact is unknown.
   * @example
   * ```ts
   * const anna = await sv.contacts.get(id, asKarin);
   * ```
   */
  get(id: string, ctx: ReadContext): Promise<OrganizerContact>;
  /**
   * The organizer's contact persons by name. Staff only.
   * @throws {@link ForbiddenError} when the actor is not a registered staff member.
   * @example
   * ```ts
   * const people = await sv.contacts.list(boras.id, asKarin);
   * ```
   */
  list(organizerId: string, ctx: ReadContext): Promise<OrganizerContact[]>;
  /**
   * The contact persons a dialogue meets (e.g. as calendar invitation attendees). Staff only.
   * @throws {@link ForbiddenError} when the actor is not a registered staff member.
   * @example
   * ```ts
   * const attendees = await sv.contacts.forDialogue(dialogue.id, asKarin);
   * ```
   */
  forDialogue(dialogueId: string, ctx: ReadContext): Promise<OrganizerContact[]>;
  /**
   * Chooses which of the organizer's contact persons the dialogue meets (replaces the choice); advisor.
   * @throws {@link ValidationError} when a contact does not belong to the dialogue's organizer.
   * @throws {@link ForbiddenError} when the actor is below advisor.
   * @throws {@link NotFoundError} when the dialogue or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.contacts.setForDialogue(dialogue.id, [anna.id], asKarin);
   * ```
   */
  setForDialogue(dialogueId: string, contactIds: readonly string[], ctx: WriteContext): Promise<OrganizerContact[]>;
}
