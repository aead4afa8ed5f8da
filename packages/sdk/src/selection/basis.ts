import type { Kysely } from "kysely";
import { schoolUnitStatusSchema, type SchoolUnit } from "../domain/school-unit";
import { toStatValue } from "../data/results";
import { fromJsonArray } from "../services/context";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";
import type { Store } from "../store/store";
import { SCHOOL_DATA_VERSION } from "../store/migrations-data-version";
import { alignValues, prepareCriterion, pupilsByUnitYear, unitCodesOf, type PreparedCriterion, type ResultFact } from "./assess";
import { COMPLETION_METRIC, deriveCompletion, EXAM_METRIC, PROGRAMME_PUPILS_METRIC, type ProgrammeFigure } from "./completion";
import { DEFAULT_CRITERIA, type CriterionId } from "./criteria";

export interface SchoolRef {
  school: SchoolUnit;
  municipalityName: string;
  organizer: { id: string; name: string };
}

/** Skolinspektionen's latest document for a unit (decision, report or survey). */
export interface LatestInspection {
  type: string;
  title: string;
  url: string;
  period: string | null;
}

/**
 * Everything the national selection is computed from that does not depend on the
 * thresholds or the area asked for: every criterion's figures per unit and year with the
 * national and municipal figures, each unit's programmes, names and latest inspection.
 */
export interface SelectionBasis {
  criteria: ReadonlyMap<CriterionId, PreparedCriterion>;
  /** Completion per programme, by `unit|year`. */
  programmes: ReadonlyMap<string, ProgrammeFigure[]>;
  municipalityOf: ReadonlyMap<string, string>;
  /** Every unit with a value for any criterion in any year, sorted: the order a question assesses them in. */
  unitCodes: readonly string[];
  refs: ReadonlyMap<string, SchoolRef>;
  inspections: ReadonlyMap<string, LatestInspection>;
}

type Db = Kysely<Database>;

/** Results for these metrics (and pupils), with completion derived from the per-programme figures. */
export async function loadFacts(db: Db, metrics: readonly string[]): Promise<{ all: ResultFact[]; programmes: Map<string, ProgrammeFigure[]> }> {
  const wanted = [...new Set(["pupils", ...metrics])];
  const withProgrammes = wanted.includes(COMPLETION_METRIC);
  const rows = await db
    .selectFrom("school_results as r")
    .innerJoin("school_units as u", "u.code", "r.school_unit_code")
    .select(["r.school_unit_code", "r.school_year", "r.metric", "r.kind", "r.value", "r.raw", "r.value_type", "u.municipality_code"])
    .where((eb) =>
      withProgrammes
        ? eb.or([eb("r.metric", "in", wanted), eb("r.metric", "like", `${EXAM_METRIC}@%`), eb("r.metric", "like", `${PROGRAMME_PUPILS_METRIC}@%`)])
        : eb("r.metric", "in", wanted),
    )
    .execute();
  const raw: ResultFact[] = rows.map((r) => ({
    schoolUnitCode: r.school_unit_code,
    municipalityCode: r.municipality_code,
    metric: r.metric,
    schoolYear: r.school_year,
    value: toStatValue(r),
  }));
  if (!withProgrammes) return { all: raw, programmes: new Map() };
  const derived = deriveCompletion(raw);
  return { all: [...raw.filter((f) => !f.metric.includes("@")), ...derived.facts], programmes: derived.programmes };
}

type RefRow = {
  code: string;
  name: string;
  municipality_code: string;
  organizer_id: string;
  types_of_schooling: string;
  status: string;
  organizer_name: string;
  municipality_name: string | null;
};

function toRef(r: RefRow): SchoolRef {
  return {
    school: {
      code: r.code,
      name: r.name,
      municipalityCode: r.municipality_code,
      organizerId: r.organizer_id,
      typesOfSchooling: fromJsonArray(r.types_of_schooling, "school_units.types_of_schooling"),
      status: readColumn(schoolUnitStatusSchema, "school_units.status", r.status),
    },
    municipalityName: r.municipality_name ?? r.municipality_code,
    organizer: { id: r.organizer_id, name: r.organizer_name },
  };
}

function refQuery(db: Db) {
  return db
    .selectFrom("school_units as u")
    .innerJoin("organizers as o", "o.id", "u.organizer_id")
    .leftJoin("municipalities as m", "m.code", "u.municipality_code")
    .select([
      "u.code",
      "u.name",
      "u.municipality_code",
      "u.organizer_id",
      "u.types_of_schooling",
      "u.status",
      "o.name as organizer_name",
      "m.name as municipality_name",
    ]);
}

/** Names of these units, their municipality and organizer. */
export async function describe(db: Db, codes: readonly string[]): Promise<Map<string, SchoolRef>> {
  const refs = new Map<string, SchoolRef>();
  for (let i = 0; i < codes.length; i += 500) {
    for (const r of await refQuery(db)
      .where("u.code", "in", codes.slice(i, i + 500))
      .execute())
      refs.set(r.code, toRef(r));
  }
  return refs;
}

async function latestInspections(db: Db): Promise<Map<string, LatestInspection>> {
  const out = new Map<string, LatestInspection & { key: string }>();
  const rows = await db.selectFrom("inspection_documents").select(["school_unit_code", "type", "title", "url", "period", "sort_key"]).execute();
  for (const r of rows) {
    const key = r.sort_key ?? "";
    const seen = out.get(r.school_unit_code);
    if (!seen || key > seen.key) out.set(r.school_unit_code, { type: r.type, title: r.title, url: r.url, period: r.period, key });
  }
  return new Map([...out].map(([code, { key: _key, ...doc }]) => [code, doc]));
}

async function computeBasis(db: Db): Promise<SelectionBasis> {
  const [facts, refRows, inspections] = await Promise.all([
    loadFacts(
      db,
      DEFAULT_CRITERIA.flatMap((c) => c.metrics),
    ),
    refQuery(db).execute(),
    latestInspections(db),
  ]);
  const pupils = pupilsByUnitYear(facts.all);
  // Each criterion reads only its own metrics' rows, not all of them.
  const byMetric = new Map<string, ResultFact[]>();
  for (const f of facts.all) {
    const list = byMetric.get(f.metric);
    if (list) list.push(f);
    else byMetric.set(f.metric, [f]);
  }
  const criteria = new Map(
    DEFAULT_CRITERIA.map((c) => [
      c.id,
      prepareCriterion(
        c.metrics,
        c.metrics.flatMap((m) => byMetric.get(m) ?? []),
        pupils,
      ),
    ]),
  );
  const unitCodes = unitCodesOf([...criteria.values()].flatMap((c) => [...c.years.values()]));
  alignValues(criteria.values(), unitCodes);
  return {
    criteria,
    unitCodes,
    programmes: facts.programmes,
    municipalityOf: new Map(facts.all.map((f) => [f.schoolUnitCode, f.municipalityCode])),
    refs: new Map(refRows.map((r) => [r.code, toRef(r)])),
    inspections,
  };
}

/** Kept this long at most even when nothing moved the version (a safety net, as for the briefing's national figures). */
const BASIS_TTL_MS = 6 * 60 * 60_000;

interface Cached {
  version: string;
  at: number;
  basis: Promise<SelectionBasis>;
}

/** Per store, so every SDK instance in a process on the same store shares one basis. */
const cache = new WeakMap<Store, Cached>();

/** The version the database moves on every write to results, units, organizers or documents (migration 0122). */
export async function schoolDataVersion(db: Db): Promise<string> {
  const row = await db.selectFrom("data_versions").select("version").where("name", "=", SCHOOL_DATA_VERSION).executeTakeFirst();
  return String(row?.version ?? "");
}

/**
 * The selection basis, computed once per import: reused while the school-data version is
 * unchanged (and for at most six hours); concurrent callers share one computation.
 */
export async function selectionBasis(store: Store, now: number): Promise<SelectionBasis> {
  const version = await schoolDataVersion(store.db);
  const hit = cache.get(store);
  if (hit && hit.version === version && now >= hit.at && now - hit.at < BASIS_TTL_MS) return hit.basis;
  const basis = computeBasis(store.db);
  const entry: Cached = { version, at: now, basis };
  cache.set(store, entry);
  basis.catch(() => {
    if (cache.get(store) === entry) cache.delete(store);
  });
  return basis;
}
