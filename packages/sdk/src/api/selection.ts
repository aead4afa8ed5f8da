import type { CriteriaInput } from "../selection/criteria";
import type { SchoolFiguresInContext } from "../selection/context";
import type { SelectionOptions, SelectionRankOptions, SelectionRankResult, SelectionResult } from "../selection/service";

/** Which school units to approach: low results against thresholds, with figures in context. Reached as `sv.selection`. */
export interface SelectionService {
  /**
   * A unit's figures for every criterion and school year held, each beside the municipal
   * and national figure of the same year, marked where past the threshold (defaults, or
   * the caller's). From the figures kept since the last import: cheap enough for every card.
   * @example
   * ```ts
   * const figures = await sv.selection.inContext("12345678");
   * ```
   */
  inContext(schoolUnitCode: string, options?: { criteria?: CriteriaInput }): Promise<SchoolFiguresInContext>;
  /**
   * Units ordered by one metric, with the national and municipal figure for the same year.
   * @throws {@link ValidationError} when the metric, county or municipality is unknown.
   * @example
   * ```ts
   * const ranked = await sv.selection.rank({ metric: "meritValue", area: { municipality: "Borås" } });
   * ```
   */
  rank(options: SelectionRankOptions): Promise<SelectionRankResult>;
  /**
   * Units below a threshold, weakest first. The national figures and every unit's values
   * are computed once per import, and a result is reused for the same question until the
   * data changes; the arrays returned are the caller's own.
   * @throws {@link ValidationError} when the county or municipality is unknown.
   * @example
   * ```ts
   * const { candidates } = await sv.selection.candidates({ county: "14" });
   * ```
   */
  candidates(options?: SelectionOptions): Promise<SelectionResult>;
}
