import type { Assignment, AssignmentInput, Plan, PlanInput, ProgressEntry, ProgressInput } from "../domain/assignment";
import type { WriteContext } from "../services/context";
import type { AssignmentQuery, StaleAssignment } from "../services/assignments";

/**
 * Plans per organizer and the assignments (uppdrag `U-1`, `U-2`, …) in them, with an
 * append-only progress log. Reached as `sv.assignments`.
 */
export interface AssignmentService {
  /**
   * Creates a plan for an organizer, optionally for one of its school units (unit head).
   * @throws {@link ValidationError} when the input does not match `planInputSchema`.
   * @throws {@link ForbiddenError} when the actor is below unit head.
   * @throws {@link NotFoundError} when the organizer, school unit or acting staff member is unknown.
   * @example
   * ```ts
   * const plan = await sv.assignments.createPlan({ organizerId: boras.id, title: "Läsår 2026/27" }, asUnitHead);
   * ```
   */
  createPlan(input: PlanInput, ctx: WriteContext): Promise<Plan>;
  /**
   * Every plan.
   * @example
   * ```ts
   * const plans = await sv.assignments.listPlans();
   * ```
   */
  listPlans(): Promise<Plan[]>;
  /**
   * Creates an assignment in a plan and numbers it `U-n` (unit head).
   * @throws {@link ValidationError} when the input is invalid or the responsible staff member is unknown.
   * @throws {@link ForbiddenError} when the actor is below unit head.
   * @throws {@link NotFoundError} when the plan or acting staff member is unknown.
   * @example
   * ```ts
   * const u = await sv.assignments.create({ planId: plan.id, title: "Kartlägg frånvaro", focusArea: "attendance" }, asUnitHead);
   * ```
   */
  create(input: AssignmentInput, ctx: WriteContext): Promise<Assignment>;
  /**
   * One assignment by id or reference (`U-12`).
   * @throws {@link NotFoundError} when there is no such assignment.
   * @example
   * ```ts
   * const u = await sv.assignments.get("U-12");
   * ```
   */
  get(idOrRef: string): Promise<Assignment>;
  /**
   * Assignments filtered by person, phase or plan(s).
   * @example
   * ```ts
   * const mine = await sv.assignments.list({ responsibleStaffId: karin.id });
   * ```
   */
  list(query?: AssignmentQuery): Promise<Assignment[]>;
  /**
   * Gives the assignment to a staff member (unit head).
   * @throws {@link ValidationError} when the staff member is unknown.
   * @throws {@link ForbiddenError} when the actor is below unit head.
   * @throws {@link NotFoundError} when the assignment or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.assignments.assign("U-12", karin.id, asUnitHead);
   * ```
   */
  assign(idOrRef: string, staffId: string, ctx: WriteContext): Promise<Assignment>;
  /**
   * Appends a progress entry. Entries are never edited: a correction is a new entry that
   * names the one it corrects. A phase change also moves the assignment's current phase.
   * @throws {@link ValidationError} when the input is invalid, the actor is not a staff member, or the corrected entry belongs elsewhere.
   * @throws {@link ForbiddenError} unless the actor is responsible for the assignment, unit head or admin.
   * @throws {@link NotFoundError} when the assignment or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.assignments.logProgress("U-12", { note: "Första träffen hållen", percent: 20 }, asKarin);
   * ```
   */
  logProgress(idOrRef: string, input: ProgressInput, ctx: WriteContext): Promise<ProgressEntry>;
  /**
   * Resolves when the actor may log progress on the assignment (advisor responsible for
   * it, or unit head or admin). For chat flows that ask before writing; `logProgress`
   * checks again.
   * @throws {@link ForbiddenError} when the actor may not.
   * @throws {@link NotFoundError} when the assignment or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.assignments.checkMayLogProgress("U-12", asKarin);
   * ```
   */
  checkMayLogProgress(idOrRef: string, ctx: WriteContext): Promise<void>;
  /**
   * Every entry, oldest first, exactly as written.
   * @throws {@link NotFoundError} when there is no such assignment.
   * @example
   * ```ts
   * const entries = await sv.assignments.history("U-12");
   * ```
   */
  history(idOrRef: string): Promise<ProgressEntry[]>;
  /**
   * Open assignments with no progress entry since `since` (ISO), oldest silence first.
   * @example
   * ```ts
   * const silent = await sv.assignments.stale("2026-11-01T00:00:00Z");
   * ```
   */
  stale(since: string): Promise<StaleAssignment[]>;
}
