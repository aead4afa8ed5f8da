import { foldSwedish } from "../vocabulary/fold";
import { ValidationError } from "../errors";
import { COUNTIES } from "../domain/geography";
import { type Deps } from "../services/context";
import { assessPrepared, atYear, type AssessedCandidate, type CriterionFigures, type NotAssessableUnit, type ResultFact } from "./assess";
import { describe, loadFacts, selectionBasis, type LatestInspection, type SchoolRef, type SelectionBasis } from "./basis";
import { DEFAULT_CRITERIA, resolveCriteria, type CriteriaInput, type CriterionId, type SelectionCriterion } from "./criteria";
import { COMPLETION_METRIC, type ProgrammeFigure } from "./completion";
import { reasonText } from "./words";
import { figuresInContext, type SchoolFiguresInContext } from "./context";
import { pupilWeightedMean, type Figure } from "./figures";
import type { LocalizedText } from "../errors";
import { numericOrNull, type StatValueKind } from "../skolverket/stat-value";
import type { SelectionService } from "../api/selection";

export type { LatestInspection, SchoolRef };

export interface SelectionOptions {
  /** Threshold per criterion (`null` leaves one out); defaults in DEFAULT_CRITERIA. */
  criteria?: CriteriaInput;
  /** County code (`22`) or name (`Västernorrlands län`, `Västernorrland`). */
  county?: string;
  /** Municipality code (`2280`) or name (`Härnösand`). */
  municipality?: string;
  /** Default: per criterion, the year most units report. */
  schoolYear?: string;
  /** Most candidates returned (default all). */
  limit?: number;
}

/** Metrics `rank` orders by; `school.rank` in the conversation maps onto these. */
export type SelectionRankMetric = "meritValue" | "allSubjectsPassed" | "eligibleVocational" | "examWithin3Years" | "salsaResidual";

const RANK_CRITERION: Record<SelectionRankMetric, CriterionId> = {
  meritValue: "meritValue",
  allSubjectsPassed: "shareAllSubjects",
  eligibleVocational: "shareEligibleVocational",
  examWithin3Years: "completionRate",
  salsaResidual: "salsaResidual",
};

export interface SelectionRankOptions {
  /** County or municipality, by code or name; default all of Sweden. */
  area?: { county?: string; municipality?: string };
  metric: SelectionRankMetric;
  /** `asc`: weakest first (default); `desc`: strongest first. */
  order?: "asc" | "desc";
  /** Default 10, at most 500. */
  limit?: number;
  /** Default: the year most units report. */
  schoolYear?: string;
}

export interface SelectionRankedSchool extends SchoolRef {
  value: number;
  kind: StatValueKind;
  /** The unit's municipality, pupil-weighted, same year. */
  municipal: number | null;
  /** For examWithin3Years: each programme's figure. */
  programmes?: ProgrammeFigure[];
}

export interface SelectionRankResult {
  metric: SelectionRankMetric;
  order: "asc" | "desc";
  scope: { county: string | null; municipality: string | null };
  schoolYear: string | null;
  /** Pupil-weighted over every unit in Sweden with a number that year. */
  national: Figure | null;
  schools: SelectionRankedSchool[];
  /** Units in scope with a number, before the limit. */
  ranked: number;
  /** Units in scope whose figure is hidden or missing: never ranked as 0. */
  notAssessable: number;
}

export type SelectionReasonInWords = AssessedCandidate["reasons"][number] & {
  /** The reason as a sentence, Swedish and English. */
  text: LocalizedText;
  /** For completion: each programme's figure (markers kept), the weights being its pupils. */
  programmes?: ProgrammeFigure[];
};

export type SelectionCandidate = SchoolRef &
  Omit<AssessedCandidate, "schoolUnitCode" | "reasons"> & {
    reasons: SelectionReasonInWords[];
    /** Latest inspection material, when the sync has stored any. */
    inspection: LatestInspection | null;
  };
export type NotAssessableSchool = SchoolRef & Omit<NotAssessableUnit, "schoolUnitCode">;

export interface SelectionResult {
  scope: { county: string | null; municipality: string | null };
  criteria: CriterionFigures[];
  /** Weakest first, at most `limit`. */
  candidates: SelectionCandidate[];
  /** Candidates before the limit. */
  candidateCount: number;
  /** Units whose figures are all hidden or missing: neither low nor high. */
  notAssessable: NotAssessableSchool[];
  /** Units in scope with at least one number. */
  assessed: number;
}

const fold = (text: string): string => foldSwedish(text.trim());

/** A name as typed, without its suffix, and without the genitive s too: `Skåne län`, `Skåne`; `Västernorrlands län`, `Västernorrland`. */
function nameForms(text: string, suffix: "lan" | "kommun"): string[] {
  const key = fold(text);
  return [key, key.replace(new RegExp(` ${suffix}$`), ""), key.replace(new RegExp(`s ${suffix}$`), "")];
}

function resolveCounty(text: string): string {
  const key = fold(text);
  const county = COUNTIES.find((c) => c.code === key || nameForms(c.name, "lan").includes(key));
  if (!county) {
    throw ValidationError.field("county", {
      sv: `Känner inte igen länet "${text}". Ange länskoden, t.ex. 22, eller namnet, t.ex. Västernorrlands län.`,
      en: `Unknown county "${text}". Give its code, e.g. 22, or its name, e.g. Västernorrlands län.`,
    });
  }
  return county.code;
}

/** Answers per basis: a new import makes a new basis, and its answers start empty. */
const answers = new WeakMap<SelectionBasis, Map<string, SelectionResult>>();
/** Distinct questions (thresholds, year, area, limit) kept per basis. */
const MEMO_SIZE = 32;

/** Schools for Samverkan för bästa skola: low results against thresholds, national and municipal figures. */
export function createSelectionService(deps: Deps): SelectionService {
  const { db } = deps.store;

  async function resolveMunicipality(text: string): Promise<string> {
    const trimmed = text.trim();
    if (/^\d{4}$/.test(trimmed)) return trimmed;
    const all = await db.selectFrom("municipalities").select(["code", "name"]).execute();
    const keys = nameForms(trimmed, "kommun");
    const found = all.find((m) => keys.includes(fold(m.name)));
    if (!found) {
      throw ValidationError.field("municipality", {
        sv: `Känner inte igen kommunen "${text}". Ange kommunkoden, t.ex. 2280, eller namnet.`,
        en: `Unknown municipality "${text}". Give its code, e.g. 2280, or its name.`,
      });
    }
    return found.code;
  }

  /** The year with the most units having a number (ties to the later year). */
  function busiestYear(facts: readonly ResultFact[]): string | null {
    const counts = new Map<string, number>();
    for (const f of facts) if (numericOrNull(f.value) !== null) counts.set(f.schoolYear, (counts.get(f.schoolYear) ?? 0) + 1);
    let best: { year: string; n: number } | null = null;
    for (const [year, n] of counts) if (best === null || n > best.n || (n === best.n && year > best.year)) best = { year, n };
    return best?.year ?? null;
  }

  return {
    /**
     * A unit's figures for every criterion and school year held, each beside the municipal
     * and national figure of the same year, marked where past the threshold (defaults, or
     * the caller's). From the figures kept since the last import: cheap enough for every card.
     */
    async inContext(schoolUnitCode: string, options: { criteria?: CriteriaInput } = {}): Promise<SchoolFiguresInContext> {
      const basis = await selectionBasis(deps.store, deps.clock().getTime());
      return figuresInContext(basis, schoolUnitCode, resolveCriteria(options.criteria));
    },

    /** Units ordered by one metric, with the national and municipal figure for the same year. */
    async rank(options: SelectionRankOptions): Promise<SelectionRankResult> {
      const criterion = DEFAULT_CRITERIA.find((c) => c.id === RANK_CRITERION[options.metric]);
      if (!criterion) {
        throw ValidationError.field("metric", {
          sv: `Okänt mått "${String(options.metric)}". Välj meritValue, allSubjectsPassed, eligibleVocational, examWithin3Years eller salsaResidual.`,
          en: `Unknown metric "${String(options.metric)}". Choose meritValue, allSubjectsPassed, eligibleVocational, examWithin3Years or salsaResidual.`,
        });
      }
      const order = options.order ?? "asc";
      const limit = Math.max(1, Math.min(options.limit ?? 10, 500));
      const county = options.area?.county?.trim() ? resolveCounty(options.area.county) : null;
      const municipality = options.area?.municipality?.trim() ? await resolveMunicipality(options.area.municipality) : null;
      const facts = await loadFacts(db, criterion.metrics);
      const relevant = facts.all.filter((f) => criterion.metrics.includes(f.metric));
      const year = options.schoolYear ?? busiestYear(relevant);
      const pupils = new Map(facts.all.filter((f) => f.metric === "pupils").map((f) => [`${f.schoolUnitCode}|${f.schoolYear}`, numericOrNull(f.value)]));
      // One value per unit: the first metric named wins (the export's over the API's copy).
      const best = new Map<string, ResultFact>();
      for (const f of relevant) {
        if (f.schoolYear !== year) continue;
        const seen = best.get(f.schoolUnitCode);
        if (!seen || criterion.metrics.indexOf(f.metric) < criterion.metrics.indexOf(seen.metric)) best.set(f.schoolUnitCode, f);
      }
      const withNumbers = [...best.values()].flatMap((f) => {
        const n = numericOrNull(f.value);
        return n === null ? [] : [{ fact: f, value: n, pupils: pupils.get(`${f.schoolUnitCode}|${f.schoolYear}`) ?? null }];
      });
      const national = pupilWeightedMean(withNumbers);
      const byMunicipality = new Map<string, typeof withNumbers>();
      for (const v of withNumbers) byMunicipality.set(v.fact.municipalityCode, [...(byMunicipality.get(v.fact.municipalityCode) ?? []), v]);
      const inScope = (m: string) => (county === null || m.startsWith(county)) && (municipality === null || m === municipality);
      const scoped = withNumbers.filter((v) => inScope(v.fact.municipalityCode));
      scoped.sort((a, b) => (order === "asc" ? a.value - b.value : b.value - a.value) || a.fact.schoolUnitCode.localeCompare(b.fact.schoolUnitCode));
      const top = scoped.slice(0, limit);
      const refs = await describe(
        db,
        top.map((v) => v.fact.schoolUnitCode),
      );
      const schools = top.flatMap((v): SelectionRankedSchool[] => {
        const ref = refs.get(v.fact.schoolUnitCode);
        if (!ref) return [];
        const programmes = v.fact.metric === COMPLETION_METRIC ? facts.programmes.get(`${v.fact.schoolUnitCode}|${v.fact.schoolYear}`) : undefined;
        return [
          {
            ...ref,
            value: v.value,
            kind: v.fact.value.kind,
            municipal: pupilWeightedMean(byMunicipality.get(v.fact.municipalityCode) ?? [])?.value ?? null,
            ...(programmes ? { programmes } : {}),
          },
        ];
      });
      const notAssessable = [...best.values()].filter((f) => numericOrNull(f.value) === null && inScope(f.municipalityCode)).length;
      return { metric: options.metric, order, scope: { county, municipality }, schoolYear: year, national, schools, ranked: scoped.length, notAssessable };
    },

    /**
     * Units below a threshold, weakest first. The national figures and every unit's values
     * are computed once per import (see `selectionBasis`), and a result is reused for the
     * same question until the data changes; the arrays returned are the caller's own.
     */
    async candidates(options: SelectionOptions = {}): Promise<SelectionResult> {
      const criteria = resolveCriteria(options.criteria);
      const county = options.county?.trim() ? resolveCounty(options.county) : null;
      const municipality = options.municipality?.trim() ? await resolveMunicipality(options.municipality) : null;
      const basis = await selectionBasis(deps.store, deps.clock().getTime());
      const key = JSON.stringify([criteria.map((c) => [c.id, c.threshold]), options.schoolYear ?? null, county, municipality, options.limit ?? null]);
      let memo = answers.get(basis);
      if (!memo) answers.set(basis, (memo = new Map<string, SelectionResult>()));
      let answer = memo.get(key);
      if (!answer) {
        answer = compute(basis, criteria, county, municipality, options);
        const oldest = memo.keys().next();
        if (memo.size >= MEMO_SIZE && !oldest.done) memo.delete(oldest.value);
        memo.set(key, answer);
      }
      const r = answer;
      return { ...r, scope: { ...r.scope }, criteria: [...r.criteria], candidates: [...r.candidates], notAssessable: [...r.notAssessable] };
    },
  };

  function compute(
    basis: SelectionBasis,
    criteria: SelectionCriterion[],
    county: string | null,
    municipality: string | null,
    options: SelectionOptions,
  ): SelectionResult {
    const completion = criteria.some((c) => c.metrics.includes(COMPLETION_METRIC));
    const { municipalityOf, refs, inspections } = basis;
    // Nationally every unit is in scope: no lookup per unit.
    const inScope =
      county === null && municipality === null
        ? null
        : (code: string) => {
            const m = municipalityOf.get(code) ?? "";
            return (county === null || m.startsWith(county)) && (municipality === null || m === municipality);
          };
    const result = assessPrepared(
      criteria.map((c) => atYear(c, basis.criteria.get(c.id), options.schoolYear)),
      inScope,
      basis.unitCodes,
    );
    const limited = options.limit === undefined ? result.candidates : result.candidates.slice(0, Math.max(0, options.limit));
    const programmesOf = completion ? basis.programmes : new Map<string, ProgrammeFigure[]>();
    const candidates: SelectionCandidate[] = [];
    for (const { schoolUnitCode, score, reasons, notAssessed } of limited) {
      const ref = refs.get(schoolUnitCode);
      if (!ref) continue;
      candidates.push({
        school: { ...ref.school },
        municipalityName: ref.municipalityName,
        organizer: ref.organizer,
        score,
        reasons: reasons.map((r) => {
          const programmes = r.sourceMetric === COMPLETION_METRIC ? programmesOf.get(`${schoolUnitCode}|${r.schoolYear}`) : undefined;
          const reason = programmes ? { ...r, programmes } : r;
          return { ...reason, text: reasonText(reason) };
        }),
        notAssessed,
        inspection: inspections.get(schoolUnitCode) ?? null,
      });
    }
    const notAssessable: NotAssessableSchool[] = [];
    for (const { schoolUnitCode, values } of result.notAssessable) {
      const ref = refs.get(schoolUnitCode);
      if (ref) notAssessable.push({ school: { ...ref.school }, municipalityName: ref.municipalityName, organizer: ref.organizer, values });
    }
    return {
      scope: { county, municipality },
      criteria: result.criteria,
      candidates,
      candidateCount: result.candidates.length,
      notAssessable,
      assessed: result.assessed,
    };
  }
}

export type { SelectionService };
