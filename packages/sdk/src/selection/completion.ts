import { numericOrNull, type StatValue, type StatValueKind } from "../skolverket/stat-value";
import type { ResultFact } from "./assess";

/** Stored per programme by the sync: `ratioOfPupilsWithExamWithin3Years@EK`. */
export const EXAM_METRIC = "ratioOfPupilsWithExamWithin3Years";
export const PROGRAMME_PUPILS_METRIC = "totalNumberOfPupils";
/** The derived figure selection and ranking use: a unit's share with exam within three years. */
export const COMPLETION_METRIC = "examWithin3Years";

export interface ProgrammeFigure {
  programCode: string;
  kind: StatValueKind;
  raw: string;
  value: number | null;
  /** Pupils on the programme (latest year), the weight; null when unknown. */
  pupils: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * One completion figure per unit and school year, weighted by each programme's pupils
 * over the programmes that have a number (equal weights when no programme has a pupil
 * count). Markers never count as 0: a unit whose programmes are all hidden or missing gets
 * a marker fact, so it shows as not assessable rather than low.
 */
export function deriveCompletion(facts: readonly ResultFact[]): { facts: ResultFact[]; programmes: Map<string, ProgrammeFigure[]> } {
  const pupils = new Map<string, number>();
  const exam = new Map<string, ResultFact[]>();
  for (const f of facts) {
    const at = f.metric.indexOf("@");
    if (at < 0) continue;
    const base = f.metric.slice(0, at);
    const programCode = f.metric.slice(at + 1);
    if (base === PROGRAMME_PUPILS_METRIC) {
      const n = numericOrNull(f.value);
      if (n !== null) pupils.set(`${f.schoolUnitCode}|${programCode}`, n);
    } else if (base === EXAM_METRIC) {
      const key = `${f.schoolUnitCode}|${f.schoolYear}`;
      const list = exam.get(key);
      if (list) list.push(f);
      else exam.set(key, [f]);
    }
  }
  const derived: ResultFact[] = [];
  const programmes = new Map<string, ProgrammeFigure[]>();
  for (const [key, list] of exam) {
    const [first] = list;
    if (first === undefined) continue;
    const figures: ProgrammeFigure[] = list
      .map((f) => {
        const programCode = f.metric.slice(f.metric.indexOf("@") + 1);
        return {
          programCode,
          kind: f.value.kind,
          raw: f.value.raw,
          value: numericOrNull(f.value),
          pupils: pupils.get(`${f.schoolUnitCode}|${programCode}`) ?? null,
        };
      })
      .sort((a, b) => a.programCode.localeCompare(b.programCode));
    programmes.set(key, figures);
    const numbers = figures.filter((p): p is ProgrammeFigure & { value: number } => p.value !== null);
    let value: StatValue;
    if (numbers.length === 0) {
      // `figures` has one entry per fact of a non-empty list.
      const marker = figures.find((p) => p.kind === "hidden") ?? figures[0];
      value = { kind: marker?.kind === "hidden" ? "hidden" : "missing", raw: marker?.raw ?? "" };
    } else {
      const weighted = numbers.filter((p): p is typeof p & { pupils: number } => p.pupils !== null && p.pupils > 0);
      const mean =
        weighted.length === numbers.length
          ? weighted.reduce((s, p) => s + p.value * p.pupils, 0) / weighted.reduce((s, p) => s + p.pupils, 0)
          : numbers.reduce((s, p) => s + p.value, 0) / numbers.length;
      const v = round1(mean);
      value = { kind: "number", value: v, raw: String(v).replace(".", ",") };
    }
    derived.push({
      schoolUnitCode: first.schoolUnitCode,
      municipalityCode: first.municipalityCode,
      metric: COMPLETION_METRIC,
      schoolYear: first.schoolYear,
      value,
    });
  }
  return { facts: derived, programmes };
}
