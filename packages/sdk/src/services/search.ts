import type { PrincipalOrganizer } from "../domain/organizer";
import type { SchoolUnit } from "../domain/school-unit";
import { extractSchoolUnitCode, OrganizerSearchIndex, SchoolSearchIndex, type MatchedField, type SearchOptions } from "../search/index";
import type { Deps } from "./context";
import { toOrganizer, toSchool } from "./directory";

export type { SearchOptions, MatchedField } from "../search/index";

export interface SchoolSearchResult {
  school: SchoolUnit;
  organizer: PrincipalOrganizer;
  municipalityName: string;
  countyCode: string;
  /** Relevance in (0, 1]; 1 for a direct code or link. */
  score: number;
  matchedOn: MatchedField[];
}

export interface OrganizerSearchResult {
  organizer: PrincipalOrganizer;
  /** Name of the organizer's home municipality, when known. */
  municipalityName: string | null;
  /** School units the store links to this organizer. */
  schoolUnits: number;
  score: number;
  matchedOn: MatchedField[];
}

interface Snapshot {
  signature: string;
  schools: SchoolSearchIndex;
  organizers: OrganizerSearchIndex;
  units: Map<string, SchoolUnit>;
  organizerById: Map<string, PrincipalOrganizer>;
  municipalityNames: Map<string, string>;
  unitCounts: Map<string, number>;
}

const hasFilters = (o: SearchOptions) => Boolean(o.municipality?.trim() || o.county?.trim() || o.organizer?.trim());

/**
 * Search over the store: in-memory indexes built on first use and rebuilt when the store
 * has changed since (row counts and newest `updated_at`, plus municipality names), so
 * every bot instance sees imports made by another.
 */
export function createSearchService(deps: Deps) {
  const { db } = deps.store;
  let snapshot: Snapshot | undefined;
  let building: Promise<Snapshot> | undefined;

  async function signature(): Promise<string> {
    const [units, organizers, municipalities] = await Promise.all([
      db
        .selectFrom("school_units")
        .select(({ fn }) => [fn.countAll<number>().as("n"), fn.max("updated_at").as("at")])
        .executeTakeFirstOrThrow(),
      db
        .selectFrom("organizers")
        .select(({ fn }) => [fn.countAll<number>().as("n"), fn.max("updated_at").as("at")])
        .executeTakeFirstOrThrow(),
      // Municipalities have no updated_at; the names' total length catches a rename from a placeholder.
      db
        .selectFrom("municipalities")
        .select(({ fn }) => [fn.countAll<number>().as("n"), fn.sum<number>(fn("length", ["name"])).as("at")])
        .executeTakeFirstOrThrow(),
    ]);
    return [units, organizers, municipalities].map((r) => `${Number(r.n)}:${Number(r.at ?? 0)}`).join("|");
  }

  async function build(sig: string): Promise<Snapshot> {
    const [unitRows, organizerRows, municipalityRows] = await Promise.all([
      db.selectFrom("school_units").select(["code", "name", "municipality_code", "organizer_id", "types_of_schooling", "status"]).execute(),
      db.selectFrom("organizers").select(["id", "organization_number", "name", "type", "municipality_code"]).execute(),
      db.selectFrom("municipalities").select(["code", "name"]).execute(),
    ]);
    const municipalityNames = new Map(municipalityRows.map((m) => [m.code, m.name]));
    const organizerById = new Map(organizerRows.map((o) => [o.id, toOrganizer(o)]));
    const units = new Map(unitRows.map((u) => [u.code, toSchool(u)]));
    const unitCounts = new Map<string, number>();
    for (const u of unitRows) unitCounts.set(u.organizer_id, (unitCounts.get(u.organizer_id) ?? 0) + 1);
    const schools = SchoolSearchIndex.build(
      unitRows.map((u) => ({
        schoolUnitCode: u.code,
        name: u.name,
        municipalityCode: u.municipality_code,
        municipalityName: municipalityNames.get(u.municipality_code) ?? u.municipality_code,
        countyCode: u.municipality_code.slice(0, 2),
        organizerId: u.organizer_id,
        organizerName: organizerById.get(u.organizer_id)?.name ?? "",
      })),
    );
    const organizers = OrganizerSearchIndex.build(
      organizerRows.map((o) => ({
        organizerId: o.id,
        organizationNumber: o.organization_number,
        name: o.name,
        ...(o.municipality_code
          ? { municipalityName: municipalityNames.get(o.municipality_code) ?? o.municipality_code, countyCode: o.municipality_code.slice(0, 2) }
          : {}),
      })),
    );
    return { signature: sig, schools, organizers, units, organizerById, municipalityNames, unitCounts };
  }

  /** The current snapshot; concurrent callers share one rebuild. */
  async function current(): Promise<Snapshot> {
    const sig = await signature();
    if (snapshot?.signature === sig) return snapshot;
    if (!building) {
      building = build(sig).finally(() => (building = undefined));
    }
    snapshot = await building;
    return snapshot;
  }

  /** A code or Skolverket link needs no index: one lookup in the store. */
  async function byCode(code: string, matchedOn: MatchedField): Promise<SchoolSearchResult[]> {
    const unit = await db
      .selectFrom("school_units")
      .select(["code", "name", "municipality_code", "organizer_id", "types_of_schooling", "status"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!unit) return [];
    const [organizer, municipality] = await Promise.all([
      db
        .selectFrom("organizers")
        .select(["id", "organization_number", "name", "type", "municipality_code"])
        .where("id", "=", unit.organizer_id)
        .executeTakeFirstOrThrow(),
      db.selectFrom("municipalities").select("name").where("code", "=", unit.municipality_code).executeTakeFirst(),
    ]);
    return [
      {
        school: toSchool(unit),
        organizer: toOrganizer(organizer),
        municipalityName: municipality?.name ?? unit.municipality_code,
        countyCode: unit.municipality_code.slice(0, 2),
        score: 1,
        matchedOn: [matchedOn],
      },
    ];
  }

  return {
    /** School units by name, code, Skolverket link, municipality or organizer; best first. */
    schools: async (query: string, options: SearchOptions = {}): Promise<SchoolSearchResult[]> => {
      const code = extractSchoolUnitCode(query);
      if (code !== undefined && !hasFilters(options)) {
        return byCode(code, code === query.trim() ? "code" : "url");
      }
      const snap = await current();
      return snap.schools.search(query, options).flatMap((hit) => {
        const school = snap.units.get(hit.doc.schoolUnitCode);
        const organizer = snap.organizerById.get(hit.doc.organizerId);
        if (!school || !organizer) return [];
        return [{ school, organizer, municipalityName: hit.doc.municipalityName, countyCode: hit.doc.countyCode, score: hit.score, matchedOn: hit.matchedOn }];
      });
    },

    /** Principal organizers by name, organisation number, municipality or county; best first. */
    organizers: async (query: string, options: SearchOptions = {}): Promise<OrganizerSearchResult[]> => {
      const snap = await current();
      // The organizer index knows municipalities by name only.
      const municipality = options.municipality?.trim();
      const named =
        municipality && /^\d{4}$/.test(municipality) ? { ...options, municipality: snap.municipalityNames.get(municipality) ?? municipality } : options;
      return snap.organizers.search(query, named).flatMap((hit) => {
        const organizer = snap.organizerById.get(hit.doc.organizerId);
        if (!organizer) return [];
        return [
          {
            organizer,
            municipalityName: hit.doc.municipalityName ?? null,
            schoolUnits: snap.unitCounts.get(organizer.id) ?? 0,
            score: hit.score,
            matchedOn: hit.matchedOn,
          },
        ];
      });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
