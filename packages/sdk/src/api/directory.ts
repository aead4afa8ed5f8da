import type { Municipality } from "../domain/geography";
import type { OrganizerInput, PrincipalOrganizer } from "../domain/organizer";
import type { SchoolUnit, SchoolUnitInput } from "../domain/school-unit";
import type { WriteContext } from "../services/context";
import type { ListOptions, UpsertSummary } from "../services/directory";
import type { OrganizerSearchResult, SchoolSearchResult } from "../services/search";
import type { SearchOptions } from "../search/types";
import type { SchoolProfile } from "../services/profile";
import type { Ranking, RankingOptions } from "../selection/ranking";
import type { ManualImportSummary, ManualOrganizerInput, ManualOrganizerResult } from "../data/manual-organizers";

/** Sweden's municipalities (kommuner). Reached as `sv.municipalities`. */
export interface MunicipalitiesService {
  /**
   * Municipalities, optionally of one county.
   * @example
   * ```ts
   * const inVastraGotaland = await sv.municipalities.list({ county: "14" });
   * ```
   */
  list(filter?: { county?: string }): Promise<Municipality[]>;
  /**
   * One municipality by its 4-digit code, or undefined.
   * @example
   * ```ts
   * const boras = await sv.municipalities.get("1490");
   * ```
   */
  get(code: string): Promise<Municipality | undefined>;
  /**
   * Adds or updates municipalities (admin); an unchanged row writes nothing.
   * @throws {@link ValidationError} when an item is invalid.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const summary = await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], asAdmin);
   * ```
   */
  upsert(items: Municipality[], ctx: WriteContext): Promise<UpsertSummary>;
}

/** Principal organizers (huvudmän): lookup, search and additions by hand. Reached as `sv.organizers`. */
export interface OrganizersService {
  /**
   * One organizer by id.
   * @throws {@link NotFoundError} when there is no such organizer.
   * @example
   * ```ts
   * const org = await sv.organizers.get(id);
   * ```
   */
  get(id: string): Promise<PrincipalOrganizer>;
  /**
   * One organizer by organisation number, or undefined.
   * @example
   * ```ts
   * const org = await sv.organizers.getByOrganisationNumber("212000-1561");
   * ```
   */
  getByOrganisationNumber(organizationNumber: string): Promise<PrincipalOrganizer | undefined>;
  /**
   * By id, organisation number (with or without dash) or exact name, case-insensitive.
   * @example
   * ```ts
   * const org = await sv.organizers.find("Borås kommun");
   * ```
   */
  find(text: string): Promise<PrincipalOrganizer | undefined>;
  /**
   * Organizers by municipality or county, paged.
   * @example
   * ```ts
   * const page = await sv.organizers.list({ county: "14", limit: 50 });
   * ```
   */
  list(options?: ListOptions): Promise<PrincipalOrganizer[]>;
  /**
   * Adds or updates an organizer by organisation number (admin); an unchanged upsert writes nothing.
   * @throws {@link ValidationError} when the input is invalid.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const boras = await sv.organizers.upsert({ organizationNumber: "212000-1561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
   * ```
   */
  upsert(input: OrganizerInput, ctx: WriteContext): Promise<PrincipalOrganizer>;
  /**
   * Principal organizers by name, organisation number, municipality or county; typo-tolerant, best first.
   * @example
   * ```ts
   * const hits = await sv.organizers.search("borås", { limit: 5 });
   * ```
   */
  search(query: string, options?: SearchOptions): Promise<OrganizerSearchResult[]>;
  /**
   * Adds (or corrects) one organizer by hand, e.g. a preschool-only one. Admins only.
   * @throws {@link ValidationError} when the input is invalid or cannot be stored.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * await sv.organizers.add({ organizationNumber: "556677-8899", name: "Förskolan Lyckan AB", type: "private", municipalityCode: "1490" }, asAdmin);
   * ```
   */
  add(input: ManualOrganizerInput, ctx: WriteContext): Promise<ManualOrganizerResult>;
  /**
   * `organisationsnummer;namn;typ;kommunkod` (header row required; `,` also accepted as
   * delimiter). A bad row is reported by line; the good ones go in, in one transaction.
   * @throws {@link ValidationError} when the file has no usable header.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const summary = await sv.organizers.importCsv(await readFile("huvudman.csv", "utf8"), asAdmin);
   * ```
   */
  importCsv(text: string, ctx: WriteContext): Promise<ManualImportSummary>;
}

/** School units (skolenheter): lookup, search, profile and rankings. Reached as `sv.schools`. */
export interface SchoolsService {
  /**
   * One school unit by its 8-digit code.
   * @throws {@link ValidationError} when the code is malformed.
   * @throws {@link NotFoundError} when there is no such unit.
   * @example
   * ```ts
   * const unit = await sv.schools.get("12345678");
   * ```
   */
  get(code: string): Promise<SchoolUnit>;
  /**
   * School units by municipality, county or organizer, paged.
   * @example
   * ```ts
   * const units = await sv.schools.list({ organizerId: boras.id });
   * ```
   */
  list(options?: ListOptions & { organizerId?: string }): Promise<SchoolUnit[]>;
  /**
   * Adds or updates a school unit (admin); an unchanged upsert writes nothing.
   * @throws {@link ValidationError} when the input is invalid.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the organizer or acting staff member is unknown.
   * @example
   * ```ts
   * await sv.schools.upsert({ code: "12345678", name: "Sjöboskolan", organizerId: boras.id, municipalityCode: "1490" }, asAdmin);
   * ```
   */
  upsert(input: SchoolUnitInput, ctx: WriteContext): Promise<SchoolUnit>;
  /**
   * School units by name, code, Skolverket link, municipality or organizer; typo-tolerant, best first.
   * @example
   * ```ts
   * const hits = await sv.schools.search("sjöbo", { municipality: "Borås" });
   * ```
   */
  search(query: string, options?: SearchOptions): Promise<SchoolSearchResult[]>;
  /**
   * A unit with its organizer, county, serving office and latest results; by code or Skolverket link.
   * @throws {@link ValidationError} when no school unit code can be read from the text.
   * @throws {@link NotFoundError} when there is no such unit.
   * @example
   * ```ts
   * const profile = await sv.schools.profile("12345678");
   * ```
   */
  profile(codeOrLink: string): Promise<SchoolProfile>;
  /**
   * School units in an area ordered by one measure, with the national figure beside them.
   * @throws {@link ValidationError} when the area is not a known municipality or county.
   * @example
   * ```ts
   * const top = await sv.schools.rank({ area: "Borås", metric: "meritValue", order: "desc", limit: 10 });
   * ```
   */
  rank(options: RankingOptions): Promise<Ranking>;
}
