export type { SchoolSearchDoc, OrganizerSearchDoc, SearchOptions, SearchHit, MatchedField } from "./types";
export { SchoolSearchIndex } from "./school-index";
export { OrganizerSearchIndex } from "./organizer-index";
export { normalizeSwedish } from "./normalize";
export { extractSchoolUnitCode, extractOrganizationNumber } from "./codes";
