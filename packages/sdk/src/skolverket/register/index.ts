export {
  createSkolenhetsregistretClient,
  DEFAULT_SKOLENHETSREGISTRET_API_URL,
  type RegisterList,
  type SkolenhetsregistretClient,
  type SkolenhetsregistretClientOptions,
} from "./client";
export { normaliseCode } from "./mappers";
export * as registerSchemas from "./schemas";
export {
  REGISTER_ORGANIZER_TYPES,
  type CompanyStatus,
  type LegalEntityStatus,
  type RegisterOrganizer,
  type RegisterOrganizerDetails,
  type RegisterOrganizerType,
  type RegisterSchoolUnit,
  type RegisterSchoolUnitDetails,
} from "./types";
