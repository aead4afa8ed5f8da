import type { Coverage, CoverageHistory } from "../services/coverage";

/** Progress toward meeting every principal organizer within the programme's years. Reached as `sv.coverage`. */
export interface CoverageService {
  /**
   * Month by month since the start, in the same scope as `compute`: met so far against the even pace to the goal.
   * @example
   * ```ts
   * const months = await sv.coverage.history({ counties: ["14"] });
   * ```
   */
  history(options?: { counties?: string[]; municipality?: string }): Promise<CoverageHistory>;
  /**
   * Organizers met so far against the goal, nationally or for some counties or one municipality.
   * @example
   * ```ts
   * const coverage = await sv.coverage.compute();
   * ```
   */
  compute(options?: { counties?: string[]; municipality?: string }): Promise<Coverage>;
}
