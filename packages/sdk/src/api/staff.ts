import type { ChatIdentity, Staff, StaffInput } from "../domain/staff";
import type { WriteContext } from "../services/context";

/** The agencies' staff, their roles and linked Slack/Teams accounts. Reached as `sv.staff`. */
export interface StaffService {
  /**
   * One staff member by id.
   * @throws {@link NotFoundError} when there is no such staff member.
   * @example
   * ```ts
   * const karin = await sv.staff.get(id);
   * ```
   */
  get(id: string): Promise<Staff>;
  /**
   * By id, e-mail or exact name (case-insensitive); for `--as` on the command line.
   * @example
   * ```ts
   * const karin = await sv.staff.find("karin.lind@spsm.se");
   * ```
   */
  find(idOrEmailOrName: string): Promise<Staff | undefined>;
  /**
   * Every staff member.
   * @example
   * ```ts
   * const everyone = await sv.staff.list();
   * ```
   */
  list(): Promise<Staff[]>;
  /**
   * The staff member behind a chat user, or undefined when they are not registered.
   * @throws {@link ValidationError} when the identity is malformed.
   * @example
   * ```ts
   * const me = await sv.staff.findByIdentity({ platform: "slack", teamId: "T1", userId: "U1" });
   * ```
   */
  findByIdentity(identity: ChatIdentity): Promise<Staff | undefined>;
  /**
   * Adds a staff member. Needs an admin, except for the very first one, so that a new
   * installation can be bootstrapped.
   * @throws {@link ValidationError} when the input is invalid, the e-mail is taken or the home office unknown.
   * @throws {@link ForbiddenError} when the actor is not an admin (after the first staff member).
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const karin = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor", homeOfficeId: "Solna" }, system);
   * ```
   */
  create(input: StaffInput, ctx: WriteContext): Promise<Staff>;
  /**
   * Links a Slack or Teams user to a staff member (admin).
   * @throws {@link ValidationError} when the identity is malformed or already linked to someone else.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the staff member is unknown.
   * @example
   * ```ts
   * await sv.staff.linkIdentity(karin.id, { platform: "teams", tenantId: "t", aadObjectId: "u" }, asAdmin);
   * ```
   */
  linkIdentity(staffId: string, identity: ChatIdentity, ctx: WriteContext): Promise<Staff>;
  /**
   * Changes a staff member's role (admin).
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the staff member is unknown.
   * @example
   * ```ts
   * await sv.staff.setRole(karin.id, "unitHead", asAdmin);
   * ```
   */
  setRole(staffId: string, role: Staff["role"], ctx: WriteContext): Promise<Staff>;
}
