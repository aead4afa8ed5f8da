import { ValidationError } from "../errors";
import { createHttp, type Query } from "./http";
import { toCompactSchoolUnits, toListedSchoolUnit, toPageInfo, toSchoolUnitDetails, toSchoolUnitStatistics } from "./mappers";
import { toDocuments, toProgrammeSeries, toSalsaList } from "./mappers-results";
import {
  documentsSchema,
  nationalProgrammeValuesSchema,
  programmeStatisticsSchema,
  salsaListSchema,
  compactSchoolUnitListSchema,
  schoolUnitDetailsSchema,
  schoolUnitListSchema,
  schoolUnitStatisticsSchema,
  type RawHalLinks,
} from "./schemas";
import type {
  InspectionDocument,
  SalsaList,
  StatisticSeries,
  UpperSecondaryStatistics,
  CompactSchoolUnit,
  ListedSchoolUnit,
  Page,
  PageInfo,
  SchoolUnitDetails,
  SchoolUnitStatistics,
  StatisticsSchoolForm,
} from "./types";

export const DEFAULT_SKOLVERKET_API_URL = "https://api.skolverket.se/planned-educations";

export type SkolverketClientOptions = {
  /** Default: `SKOLVERKET_API_URL`, else `https://api.skolverket.se/planned-educations`. */
  baseUrl?: string;
  /** Per attempt. Default 15 000. */
  timeoutMs?: number;
  /** Retries after 408/429/5xx and network errors (not timeouts). Default 4. */
  retries?: number;
  /** Requests in flight at once, retries included. Default 4. */
  concurrency?: number;
  /** Longest `Retry-After` honoured; longer ones are capped to it. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Cap on the exponential back-off between retries. Default 10 000. */
  backoffLimitMs?: number;
  fetch?: typeof fetch;
  userAgent?: string;
};

export type SchoolUnitFilter = {
  /** 4-digit municipality code, e.g. `0180` (Stockholm). */
  geographicalAreaCode?: string;
  /** `gr`, `gy`, `fsk`, `gran`, … */
  typeOfSchooling?: string;
  /** One school year (`9`) or several (sent as repeated parameters). */
  schoolYears?: string | number | readonly (string | number)[];
  /** 0-based. Default 0. */
  page?: number;
  /** Default 50. */
  size?: number;
  /** Default `WGS84`, as in the recorded requests; null to omit. */
  coordinateSystemType?: string | null;
};

export type CompactSchoolUnitFilter = {
  /** Note: the live API ignored this filter when recorded (April 2026) and returned national pages. */
  municipalityCode?: string;
  /** Upper case, e.g. `GR`. */
  schoolType?: string;
  page?: number;
  size?: number;
  coordinateSystemType?: string | null;
};

export type SkolverketClient = {
  readonly baseUrl: string;
  listSchoolUnits(filter?: SchoolUnitFilter): Promise<Page<ListedSchoolUnit>>;
  /** Every unit matching the filter, page after page, starting at `filter.page` (default 0). */
  iterateSchoolUnits(filter?: SchoolUnitFilter): AsyncGenerator<ListedSchoolUnit, void, undefined>;
  /** @throws SkolverketNotFoundError (code `skolverket_not_found`) when the unit does not exist. */
  getSchoolUnit(code: string): Promise<SchoolUnitDetails>;
  /** @throws SkolverketNotFoundError when the unit (or its statistics) does not exist. */
  getStatistics(code: string, schoolForm: StatisticsSchoolForm): Promise<SchoolUnitStatistics>;
  listCompactSchoolUnits(filter?: CompactSchoolUnitFilter): Promise<Page<CompactSchoolUnit>>;
  /** `statistics/gy`: per programme (`ratioOfPupilsWithExamWithin3Years`, …). @throws SkolverketNotFoundError */
  getUpperSecondaryStatistics(code: string): Promise<UpperSecondaryStatistics>;
  /** National values for one upper secondary programme, to compare with. */
  getNationalProgrammeValues(programCode: string): Promise<StatisticSeries[]>;
  /** SALSA for every grundskola unit, in one response. */
  getSalsa(): Promise<SalsaList>;
  /** Skolinspektionen's documents for a unit (decisions, reports, surveys). @throws SkolverketNotFoundError */
  getDocuments(code: string): Promise<InspectionDocument[]>;
};

const DEFAULT_PAGE_SIZE = 50;

function assertSchoolUnitCode(code: string): void {
  if (!/^\d{8}$/.test(code)) {
    throw ValidationError.field("code", {
      sv: `En skolenhetskod har 8 siffror, fick ${JSON.stringify(code)}`,
      en: `A school unit code has 8 digits, got ${JSON.stringify(code)}`,
    });
  }
}

/** The API's `_links.next` is authoritative when links are present; `page` otherwise. */
function hasNextPage(page: PageInfo, links: RawHalLinks | undefined): boolean {
  const more = page.number + 1 < page.totalPages;
  return links === undefined ? more : more && links.next !== undefined;
}

export function createSkolverketClient(options: SkolverketClientOptions = {}): SkolverketClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_SKOLVERKET_API_URL).replace(/\/+$/, "");
  const { getJson } = createHttp({
    baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 4,
    concurrency: options.concurrency ?? 4,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    backoffLimitMs: options.backoffLimitMs ?? 10_000,
    userAgent: options.userAgent ?? "@samverkan/sdk (Skolverket client)",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const listSchoolUnits = async (filter: SchoolUnitFilter = {}): Promise<Page<ListedSchoolUnit>> => {
    const query: Query = {
      geographicalAreaCode: filter.geographicalAreaCode,
      typeOfSchooling: filter.typeOfSchooling,
      schoolYears: filter.schoolYears,
      coordinateSystemType: filter.coordinateSystemType === undefined ? "WGS84" : filter.coordinateSystemType,
      page: filter.page ?? 0,
      size: filter.size ?? DEFAULT_PAGE_SIZE,
    };
    const { body } = await getJson("v4/school-units", query, schoolUnitListSchema);
    return {
      items: (body._embedded?.listedSchoolUnits ?? []).map(toListedSchoolUnit),
      page: toPageInfo(body.page),
      hasNext: hasNextPage(body.page, body._links),
    };
  };

  async function* iterateSchoolUnits(filter: SchoolUnitFilter = {}): AsyncGenerator<ListedSchoolUnit, void, undefined> {
    let page = filter.page ?? 0;
    for (;;) {
      const result = await listSchoolUnits({ ...filter, page });
      yield* result.items;
      if (!result.hasNext || result.items.length === 0) return;
      page = result.page.number + 1;
    }
  }

  const getSchoolUnit = async (code: string): Promise<SchoolUnitDetails> => {
    assertSchoolUnitCode(code);
    return toSchoolUnitDetails(await getJson(`v4/school-units/${code}`, {}, schoolUnitDetailsSchema));
  };

  const getStatistics = async (code: string, schoolForm: StatisticsSchoolForm): Promise<SchoolUnitStatistics> => {
    assertSchoolUnitCode(code);
    if (schoolForm !== "gr" && schoolForm !== "gy") {
      throw ValidationError.field("schoolForm", {
        sv: `schoolForm ska vara "gr" eller "gy", fick ${String(schoolForm)}`,
        en: `schoolForm must be "gr" or "gy", got ${String(schoolForm)}`,
      });
    }
    const raw = await getJson(`v4/school-units/${code}/statistics/${schoolForm}`, {}, schoolUnitStatisticsSchema);
    return toSchoolUnitStatistics(raw, schoolForm);
  };

  const listCompactSchoolUnits = async (filter: CompactSchoolUnitFilter = {}): Promise<Page<CompactSchoolUnit>> => {
    const query: Query = {
      municipalityCode: filter.municipalityCode,
      schoolType: filter.schoolType,
      coordinateSystemType: filter.coordinateSystemType === undefined ? "WGS84" : filter.coordinateSystemType,
      page: filter.page ?? 0,
      size: filter.size ?? DEFAULT_PAGE_SIZE,
    };
    const raw = await getJson("v4/compact-school-units", query, compactSchoolUnitListSchema);
    return { items: toCompactSchoolUnits(raw), page: toPageInfo(raw.body.page), hasNext: hasNextPage(raw.body.page, raw.body._links) };
  };

  const getUpperSecondaryStatistics = async (code: string): Promise<UpperSecondaryStatistics> => {
    assertSchoolUnitCode(code);
    const raw = await getJson(`v4/school-units/${code}/statistics/gy`, {}, programmeStatisticsSchema);
    return {
      schoolUnitCode: code,
      programmes: (raw.body.programMetrics ?? []).map((p) => ({ programCode: p.programCode, series: toProgrammeSeries(p) })),
    };
  };

  const getNationalProgrammeValues = async (programCode: string): Promise<StatisticSeries[]> => {
    if (!/^[A-Za-z0-9]{1,10}$/.test(programCode)) {
      throw ValidationError.field("programCode", {
        sv: `En programkod är några bokstäver, t.ex. EK, fick ${JSON.stringify(programCode)}`,
        en: `A programme code is a few letters, e.g. EK, got ${JSON.stringify(programCode)}`,
      });
    }
    const raw = await getJson(`v4/statistics/national-values/gy/${programCode}`, {}, nationalProgrammeValuesSchema);
    return toProgrammeSeries(raw.body);
  };

  const getSalsa = async (): Promise<SalsaList> => toSalsaList(await getJson("v4/statistics/all-schools/salsa", {}, salsaListSchema));

  const getDocuments = async (code: string): Promise<InspectionDocument[]> => {
    assertSchoolUnitCode(code);
    return toDocuments(await getJson(`v4/school-units/${code}/documents`, {}, documentsSchema));
  };

  return {
    baseUrl,
    listSchoolUnits,
    iterateSchoolUnits,
    getSchoolUnit,
    getStatistics,
    listCompactSchoolUnits,
    getUpperSecondaryStatistics,
    getNationalProgrammeValues,
    getSalsa,
    getDocuments,
  };
}
