import type { StatValue } from "../skolverket/stat-value";
import { numericOrNull } from "../skolverket/stat-value";
import type { SelectionBasis } from "./basis";
import type { CriterionId, SelectionCriterion } from "./criteria";

/** One year of one criterion for one unit, beside the same year's municipal and national figures. */
export interface FigureInContext {
  schoolYear: string;
  /** The unit's value; markers (`..`, `.`) stay markers. */
  value: StatValue;
  /** The stored metric the value came from. */
  sourceMetric: string;
  /** Pupil-weighted over the unit's municipality, same year; null without data. */
  municipal: number | null;
  /** Pupil-weighted over every unit in the store, same year. */
  national: number | null;
  /** A number below the criterion's threshold: the selection flags it. */
  pastThreshold: boolean;
}

export interface CriterionInContext {
  criterion: CriterionId;
  threshold: number;
  /** Every school year held, oldest first. */
  years: FigureInContext[];
}

export interface SchoolFiguresInContext {
  schoolUnitCode: string;
  /** Criteria the unit has any value for, in the selection's order. */
  criteria: CriterionInContext[];
}

/** A unit's selection figures, every year held, each beside the municipal and national figure of its year. */
export function figuresInContext(basis: SelectionBasis, code: string, criteria: readonly SelectionCriterion[]): SchoolFiguresInContext {
  const out: CriterionInContext[] = [];
  for (const criterion of criteria) {
    const prepared = basis.criteria.get(criterion.id);
    if (!prepared) continue;
    const years: FigureInContext[] = [];
    for (const [schoolYear, at] of [...prepared.years].sort(([a], [b]) => a.localeCompare(b))) {
      const v = at.values.get(code);
      if (!v) continue;
      const n = numericOrNull(v.fact.value);
      years.push({
        schoolYear,
        value: v.fact.value,
        sourceMetric: v.fact.metric,
        municipal: at.municipal.get(v.fact.municipalityCode)?.value ?? null,
        national: at.national?.value ?? null,
        pastThreshold: n !== null && n < criterion.threshold,
      });
    }
    if (years.length > 0) out.push({ criterion: criterion.id, threshold: criterion.threshold, years });
  }
  return { schoolUnitCode: code, criteria: out };
}
