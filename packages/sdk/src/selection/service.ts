import { ValidationError } from "../errors";
import { COUNTIES } from "../domain/geography";
import type { SchoolUnit } from "../domain/school-unit";
import { toStatValue } from "../data/results";
import { fromJsonArray, type Deps } from "../services/context";
import { assess, type AssessedCandidate, type CriterionFigures, type NotAssessableUnit, type ResultFact } from "./assess";
import { resolveCriteria, type CriteriaInput } from "./criteria";

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

export interface SchoolRef {
  school: SchoolUnit;
  municipalityName: string;
  organizer: { id: string; name: string };
}

export type SelectionCandidate = SchoolRef & Omit<AssessedCandidate, "schoolUnitCode">;
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

const fold = (text: string) =>
  text
    .trim()
    .toLocaleLowerCase("sv-SE")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");

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

/** Schools for Samverkan för bästa skola: low results against thresholds, national and municipal figures. */
export function createSelectionService(deps: Deps) {
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

  async function describe(codes: readonly string[]): Promise<Map<string, SchoolRef>> {
    const refs = new Map<string, SchoolRef>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await db
        .selectFrom("school_units as u")
        .innerJoin("organizers as o", "o.id", "u.organizer_id")
        .leftJoin("municipalities as m", "m.code", "u.municipality_code")
        .select(["u.code", "u.name", "u.municipality_code", "u.organizer_id", "u.types_of_schooling", "u.status", "o.name as organizer_name", "m.name as municipality_name"])
        .where("u.code", "in", codes.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        refs.set(r.code, {
          school: {
            code: r.code,
            name: r.name,
            municipalityCode: r.municipality_code,
            organizerId: r.organizer_id,
            typesOfSchooling: fromJsonArray(r.types_of_schooling),
            status: r.status as SchoolUnit["status"],
          },
          municipalityName: r.municipality_name ?? r.municipality_code,
          organizer: { id: r.organizer_id, name: r.organizer_name },
        });
      }
    }
    return refs;
  }

  return {
    async candidates(options: SelectionOptions = {}): Promise<SelectionResult> {
      const criteria = resolveCriteria(options.criteria);
      const county = options.county?.trim() ? resolveCounty(options.county) : null;
      const municipality = options.municipality?.trim() ? await resolveMunicipality(options.municipality) : null;
      const metrics = [...new Set(["pupils", ...criteria.flatMap((c) => c.metrics)])];
      const rows = await db
        .selectFrom("school_results as r")
        .innerJoin("school_units as u", "u.code", "r.school_unit_code")
        .select(["r.school_unit_code", "r.school_year", "r.metric", "r.kind", "r.value", "r.raw", "r.value_type", "u.municipality_code"])
        .where("r.metric", "in", metrics)
        .execute();
      const facts: ResultFact[] = rows.map((r) => ({
        schoolUnitCode: r.school_unit_code,
        municipalityCode: r.municipality_code,
        metric: r.metric,
        schoolYear: r.school_year,
        value: toStatValue(r),
      }));
      const municipalityOf = new Map(facts.map((f) => [f.schoolUnitCode, f.municipalityCode]));
      const result = assess({
        criteria,
        facts,
        ...(options.schoolYear ? { schoolYear: options.schoolYear } : {}),
        inScope: (code) => {
          const m = municipalityOf.get(code) ?? "";
          return (county === null || m.startsWith(county)) && (municipality === null || m === municipality);
        },
      });
      const limited = options.limit === undefined ? result.candidates : result.candidates.slice(0, Math.max(0, options.limit));
      const refs = await describe([...limited.map((c) => c.schoolUnitCode), ...result.notAssessable.map((n) => n.schoolUnitCode)]);
      const decorate = <T extends { schoolUnitCode: string }>(item: T) => {
        const ref = refs.get(item.schoolUnitCode);
        if (!ref) return [];
        const { schoolUnitCode: _code, ...rest } = item;
        return [{ ...ref, ...rest }];
      };
      return {
        scope: { county, municipality },
        criteria: result.criteria,
        candidates: limited.flatMap(decorate),
        candidateCount: result.candidates.length,
        notAssessable: result.notAssessable.flatMap(decorate),
        assessed: result.assessed,
      };
    },
  };
}

export type SelectionService = ReturnType<typeof createSelectionService>;
