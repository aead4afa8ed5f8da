import { numericOrNull, type StatValue, type StatValueKind } from "../skolverket/stat-value";
import type { CriterionId, SelectionCriterion } from "./criteria";
import { pupilWeightedMean, type Figure, type WeightedValue } from "./figures";

/** One stored result, with the unit's municipality. */
export interface ResultFact {
  schoolUnitCode: string;
  municipalityCode: string;
  metric: string;
  schoolYear: string;
  value: StatValue;
}

export interface SelectionReason {
  metric: CriterionId;
  /** The stored metric the value came from. */
  sourceMetric: string;
  value: number;
  kind: StatValueKind;
  threshold: number;
  /** Pupil-weighted mean of all units with a number (the whole store; the export covers Sweden). */
  national: number | null;
  /** The same over the unit's municipality. */
  municipal: number | null;
  schoolYear: string;
  belowNational: boolean;
  belowMunicipal: boolean;
}

export interface AssessedCandidate {
  schoolUnitCode: string;
  /** Higher is weaker: shortfall below each threshold plus shortfall below the national figure, as shares. */
  score: number;
  reasons: SelectionReason[];
  /** Criteria the unit has a value for but not a number (hidden, missing …). */
  notAssessed: Array<{ metric: CriterionId; kind: StatValueKind; raw: string }>;
}

export interface NotAssessableUnit {
  schoolUnitCode: string;
  /** Every criterion's value: none carries a number. */
  values: Array<{ metric: CriterionId; kind: StatValueKind; raw: string; schoolYear: string }>;
}

export interface CriterionFigures {
  id: CriterionId;
  threshold: number;
  metrics: readonly string[];
  /** Null when no unit has this figure (e.g. completion rates without upper secondary data). */
  schoolYear: string | null;
  national: Figure | null;
  /** Units in scope with a number for this criterion. */
  assessedUnits: number;
}

export interface AssessmentInput {
  criteria: readonly SelectionCriterion[];
  /** All results for the criteria's metrics and for `pupils`, for every unit (national figures need them all). */
  facts: readonly ResultFact[];
  inScope: (schoolUnitCode: string) => boolean;
  /** Default: per criterion, the year with the most units having a number. */
  schoolYear?: string;
}

export interface Assessment {
  criteria: CriterionFigures[];
  candidates: AssessedCandidate[];
  notAssessable: NotAssessableUnit[];
  /** Units in scope with at least one number. */
  assessed: number;
}

const PUPILS = "pupils";
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The year most units report a number for (or, when none has a number, any value, so
 * hidden figures still show as not assessable); ties go to the later year.
 */
function coverageYear(facts: readonly ResultFact[]): string | undefined {
  const unitsPerYear = (numericOnly: boolean) => {
    const units = new Map<string, Set<string>>();
    for (const fact of facts) {
      if (numericOnly && numericOrNull(fact.value) === null) continue;
      const set = units.get(fact.schoolYear);
      if (set) set.add(fact.schoolUnitCode);
      else units.set(fact.schoolYear, new Set([fact.schoolUnitCode]));
    }
    return units;
  };
  const numeric = unitsPerYear(true);
  const units = numeric.size > 0 ? numeric : unitsPerYear(false);
  let best: string | undefined;
  let bestCount = 0;
  for (const [year, set] of units) {
    if (set.size > bestCount || (set.size === bestCount && best !== undefined && year > best)) {
      best = year;
      bestCount = set.size;
    }
  }
  return best;
}

export interface UnitValue {
  fact: ResultFact;
  number: number | null;
}

/** One criterion's figures for one school year: each unit's value, the national and the municipal figures. */
export interface PreparedYear {
  values: Map<string, UnitValue>;
  /** The same values by position in the basis's sorted unit codes (see `alignValues`): read without a lookup. */
  aligned?: AlignedValues;
  national: Figure | null;
  municipal: Map<string, Figure | null>;
}

/** A criterion's figures for every school year held; thresholds play no part, so this can be computed once per import. */
export interface PreparedCriterion {
  metrics: readonly string[];
  /** The year most units report a number for. */
  defaultYear: string | undefined;
  years: Map<string, PreparedYear>;
}

/** Pupils per unit, per school year: the weights of national and municipal figures. */
export type PupilsByYear = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Pupils per school year and unit (nested, so a lookup reuses the codes' own strings instead of building a key). */
export function pupilsByUnitYear(facts: readonly ResultFact[]): PupilsByYear {
  const pupils = new Map<string, Map<string, number>>();
  for (const fact of facts) {
    const n = fact.metric === PUPILS ? numericOrNull(fact.value) : null;
    if (n === null) continue;
    const year = pupils.get(fact.schoolYear);
    if (year) year.set(fact.schoolUnitCode, n);
    else pupils.set(fact.schoolYear, new Map([[fact.schoolUnitCode, n]]));
  }
  return pupils;
}

/** Per school year: each unit's value for the metrics (the first metric named wins), national and municipal figures. */
export function prepareCriterion(metrics: readonly string[], allFacts: readonly ResultFact[], pupils: PupilsByYear): PreparedCriterion {
  const facts = allFacts.filter((f) => metrics.includes(f.metric));
  const byYear = new Map<string, Map<string, UnitValue>>();
  for (const fact of facts) {
    let values = byYear.get(fact.schoolYear);
    if (!values) byYear.set(fact.schoolYear, (values = new Map<string, UnitValue>()));
    const seen = values.get(fact.schoolUnitCode);
    // The first metric named wins: the export's figure over the API's copy of it.
    if (seen && metrics.indexOf(seen.fact.metric) <= metrics.indexOf(fact.metric)) continue;
    values.set(fact.schoolUnitCode, { fact, number: numericOrNull(fact.value) });
  }
  const years = new Map<string, PreparedYear>();
  for (const [year, values] of byYear) {
    // Each unit's weight once, shared by the national and its municipality's figure.
    const pupilsThatYear = pupils.get(year);
    const weighted: WeightedValue[] = [];
    const byMunicipality = new Map<string, WeightedValue[]>();
    for (const v of values.values()) {
      if (v.number === null) continue;
      const item = { value: v.number, pupils: pupilsThatYear?.get(v.fact.schoolUnitCode) ?? null };
      weighted.push(item);
      const list = byMunicipality.get(v.fact.municipalityCode);
      if (list) list.push(item);
      else byMunicipality.set(v.fact.municipalityCode, [item]);
    }
    const municipal = new Map<string, Figure | null>();
    for (const [code, list] of byMunicipality) municipal.set(code, pupilWeightedMean(list));
    years.set(year, { values, national: pupilWeightedMean(weighted), municipal });
  }
  return { metrics, defaultYear: coverageYear(facts), years };
}

/** One criterion at one year, with its threshold: what the assessment reads. */
export interface CriterionAtYear {
  criterion: SelectionCriterion;
  year: string | null;
  values: ReadonlyMap<string, UnitValue>;
  /** `values` by position in the unit codes passed to `assessPrepared`, when prepared so. */
  aligned?: AlignedValues;
  national: Figure | null;
  municipal: ReadonlyMap<string, Figure | null>;
}

/** The prepared figures at the year asked for (or the criterion's own default year). */
export function atYear(criterion: SelectionCriterion, prepared: PreparedCriterion | undefined, schoolYear?: string): CriterionAtYear {
  const year = schoolYear ?? prepared?.defaultYear;
  const at = year === undefined ? undefined : prepared?.years.get(year);
  return {
    criterion,
    year: year ?? null,
    values: at?.values ?? new Map(),
    ...(at?.aligned ? { aligned: at.aligned } : {}),
    national: at?.national ?? null,
    municipal: at?.municipal ?? new Map(),
  };
}

/**
 * Ranks units whose results are low. A unit is a candidate when a number of it is below a
 * criterion's threshold; hidden (`..`) and other markers are never read as low or high,
 * and a unit with no number at all is reported as not assessable.
 */
export function assess(input: AssessmentInput): Assessment {
  const pupils = pupilsByUnitYear(input.facts);
  const perCriterion = input.criteria.map((criterion) => atYear(criterion, prepareCriterion(criterion.metrics, input.facts, pupils), input.schoolYear));
  return assessPrepared(perCriterion, input.inScope);
}

/** Every unit code with a value in any of these criteria, sorted: the order units are assessed in. */
export function unitCodesOf(perCriterion: readonly { values: ReadonlyMap<string, unknown> }[]): string[] {
  const codes = new Set<string>();
  for (const { values } of perCriterion) for (const code of values.keys()) codes.add(code);
  return [...codes].sort();
}

/** A year's values by position in a sorted list of unit codes. */
export interface AlignedValues {
  units: ReadonlyArray<UnitValue | undefined>;
  /** Each unit's number, NaN when it has none (no value, or a marker): compared without touching `units`. */
  numbers: Float64Array;
}

/** Gives each year of these criteria its values by position in `unitCodes`, so a question reads them without hashing. */
export function alignValues(criteria: Iterable<PreparedCriterion>, unitCodes: readonly string[]): void {
  for (const criterion of criteria) {
    for (const year of criterion.years.values()) {
      const units = unitCodes.map((code) => year.values.get(code));
      year.aligned = { units, numbers: Float64Array.from(units, (v) => v?.number ?? Number.NaN) };
    }
  }
}

/** Unit codes are digit strings; comparing them as strings needs no collation. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The assessment over figures prepared beforehand (see `prepareCriterion`). `isInScope` null
 * means every unit; `unitCodes` (sorted, covering every unit with a value) can be prepared
 * once per import so a new question does not collect and sort them again, and a criterion's
 * `aligned` values, when present, must be aligned with it (see `alignValues`).
 */
export function assessPrepared(
  perCriterion: readonly CriterionAtYear[],
  isInScope: ((schoolUnitCode: string) => boolean) | null,
  unitCodes?: readonly string[],
): Assessment {
  // Aligned values are only valid against the unit codes they were aligned with.
  const useAligned = unitCodes !== undefined;
  const codes = unitCodes ?? unitCodesOf(perCriterion);
  const candidates: AssessedCandidate[] = [];
  const notAssessable: NotAssessableUnit[] = [];
  const assessedUnits = perCriterion.map(() => 0);
  let assessed = 0;
  for (let u = 0; u < codes.length; u++) {
    const code = codes[u];
    if (code === undefined || (isInScope !== null && !isInScope(code))) continue;
    let reasons: SelectionReason[] | undefined;
    let markers: NotAssessableUnit["values"] | undefined;
    let numbers = 0;
    let score = 0;
    for (let i = 0; i < perCriterion.length; i++) {
      const at = perCriterion[i];
      if (at === undefined) continue;
      const { criterion, year, values, national, municipal } = at;
      const aligned = useAligned ? at.aligned : undefined;
      // The common case, a number at or above the threshold, is decided from the packed numbers.
      if (aligned && year !== null && (aligned.numbers[u] ?? Number.NaN) >= criterion.threshold) {
        numbers++;
        assessedUnits[i] = (assessedUnits[i] ?? 0) + 1;
        continue;
      }
      const v = aligned ? aligned.units[u] : values.get(code);
      if (!v || year === null) continue;
      if (v.number === null) {
        (markers ??= []).push({ metric: criterion.id, kind: v.fact.value.kind, raw: v.fact.value.raw, schoolYear: year });
        continue;
      }
      numbers++;
      assessedUnits[i] = (assessedUnits[i] ?? 0) + 1;
      if (v.number >= criterion.threshold) continue;
      const nationalValue = national?.value ?? null;
      const municipalValue = municipal.get(v.fact.municipalityCode)?.value ?? null;
      score += (criterion.threshold - v.number) / Math.abs(criterion.scale ?? criterion.threshold);
      if (criterion.scale === undefined && nationalValue !== null && nationalValue > 0) score += Math.max(0, nationalValue - v.number) / nationalValue;
      (reasons ??= []).push({
        metric: criterion.id,
        sourceMetric: v.fact.metric,
        value: v.number,
        kind: v.fact.value.kind,
        threshold: criterion.threshold,
        national: nationalValue,
        municipal: municipalValue,
        schoolYear: year,
        belowNational: nationalValue !== null && v.number < nationalValue,
        belowMunicipal: municipalValue !== null && v.number < municipalValue,
      });
    }
    if (numbers === 0) {
      if (markers) notAssessable.push({ schoolUnitCode: code, values: markers });
      continue;
    }
    assessed++;
    if (reasons) {
      candidates.push({
        schoolUnitCode: code,
        score: round(score),
        reasons,
        notAssessed: markers ? markers.map(({ metric, kind, raw }) => ({ metric, kind, raw })) : [],
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score || byCode(a.schoolUnitCode, b.schoolUnitCode));

  return {
    criteria: perCriterion.map(({ criterion, year, national }, i) => ({
      id: criterion.id,
      threshold: criterion.threshold,
      metrics: criterion.metrics,
      schoolYear: year,
      national,
      assessedUnits: assessedUnits[i] ?? 0,
    })),
    candidates,
    notAssessable,
    assessed,
  };
}
