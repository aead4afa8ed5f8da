/** One school unit (skolenhet) as the search index sees it. */
export interface SchoolSearchDoc {
  /** 8-digit school unit code, e.g. "39907811". The index key. */
  schoolUnitCode: string;
  name: string;
  /** 4-digit municipality code, e.g. "0180". */
  municipalityCode: string;
  municipalityName: string;
  /** 2-digit county code, e.g. "01". */
  countyCode: string;
  /** Optional; when absent the official county name for `countyCode` is used. */
  countyName?: string;
  organizerId: string;
  organizerName: string;
}

/** One principal organizer (huvudman) as the search index sees it. */
export interface OrganizerSearchDoc {
  /** The index key. */
  organizerId: string;
  /** 10 digits without hyphen, e.g. "2120000142". */
  organizationNumber: string;
  name: string;
  municipalityName?: string;
  countyCode?: string;
}

export interface SearchOptions {
  /** Only units in this municipality: a 4-digit code or a name ("Göteborg", "Göteborgs kommun"). */
  municipality?: string;
  /** Only units in this county: a 2-digit code or a name ("01", "Stockholms län", "Skåne"). */
  county?: string;
  /** Only units run by this organizer (its `organizerId`). Ignored by the organizer index. */
  organizer?: string;
  /** Maximum number of hits: default 10, at most 100. */
  limit?: number;
}

/**
 * Which part of a document a query matched. `"municipality"` also covers the county;
 * `"code"` is a school unit code or organisation number; `"url"` a Skolverket link.
 */
export type MatchedField = "code" | "name" | "municipality" | "organizer" | "url";

export interface SearchHit<T> {
  doc: T;
  /** Relevance in (0, 1]; 1 only for a direct code or URL hit. */
  score: number;
  matchedOn: MatchedField[];
}
