import { ValidationError, type LocalizedText } from "../../errors";
import { createHttp } from "../http";
import { toRegisterOrganizer, toRegisterOrganizerDetails, toRegisterSchoolUnit, toRegisterSchoolUnitDetails } from "./mappers";
import { registerOrganizerInfoSchema, registerOrganizerListSchema, registerSchoolUnitInfoSchema, registerSchoolUnitListSchema } from "./schemas";
import type { RegisterOrganizer, RegisterOrganizerDetails, RegisterSchoolUnit, RegisterSchoolUnitDetails } from "./types";

export const DEFAULT_SKOLENHETSREGISTRET_API_URL = "https://api.skolverket.se/skolenhetsregistret";

export interface SkolenhetsregistretClientOptions {
  /** Default `https://api.skolverket.se/skolenhetsregistret`. The SDK reads no environment; apps pass SKOLENHETSREGISTRET_API_URL here. */
  baseUrl?: string;
  /** Per attempt. Default 30 000: the list endpoints return all of Sweden at once. */
  timeoutMs?: number;
  /** Retries after 408/429/5xx and network errors. Default 4. */
  retries?: number;
  /** Requests in flight at once, retries included. Default 4. */
  concurrency?: number;
  /** Longest `Retry-After` honoured. Default 60 000. */
  maxRetryAfterMs?: number;
  backoffLimitMs?: number;
  fetch?: typeof fetch;
  userAgent?: string;
}

export interface RegisterList<T> {
  items: T[];
  /** `meta.extractDate`: when the register was extracted. */
  extractDate: string | null;
}

/** Skolenhetsregistret v2: every school unit and organizer of Sweden (not preschool-only organizers). */
export interface SkolenhetsregistretClient {
  readonly baseUrl: string;
  /** Every organizer, in one response. */
  listOrganizers(): Promise<RegisterList<RegisterOrganizer>>;
  /** @throws SkolverketNotFoundError when the register has no such organizer. */
  getOrganizer(organizationNumber: string): Promise<RegisterOrganizerDetails>;
  /** Every school unit, in one response. */
  listSchoolUnits(): Promise<RegisterList<RegisterSchoolUnit>>;
  /** @throws SkolverketNotFoundError when the register has no such unit. */
  getSchoolUnit(code: string): Promise<RegisterSchoolUnitDetails>;
}

function assertDigits(value: string, digits: number, field: string, what: LocalizedText): void {
  if (!new RegExp(`^\\d{${digits}}$`).test(value)) {
    throw ValidationError.field(field, {
      sv: `${what.sv} har ${digits} siffror, fick ${JSON.stringify(value)}`,
      en: `${what.en} has ${digits} digits, got ${JSON.stringify(value)}`,
    });
  }
}

export function createSkolenhetsregistretClient(options: SkolenhetsregistretClientOptions = {}): SkolenhetsregistretClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_SKOLENHETSREGISTRET_API_URL).replace(/\/+$/, "");
  const { getJson } = createHttp({
    baseUrl,
    accept: "application/json",
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 4,
    concurrency: options.concurrency ?? 4,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    backoffLimitMs: options.backoffLimitMs ?? 10_000,
    userAgent: options.userAgent ?? "@samverkan/sdk (Skolenhetsregistret client)",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    baseUrl,
    async listOrganizers() {
      const raw = await getJson("v2/organizers", {}, registerOrganizerListSchema);
      return { items: raw.data.attributes.map(toRegisterOrganizer), extractDate: raw.meta?.extractDate ?? null };
    },
    async getOrganizer(organizationNumber) {
      assertDigits(organizationNumber, 10, "organizationNumber", { sv: "Ett organisationsnummer", en: "An organisation number" });
      return toRegisterOrganizerDetails(await getJson(`v2/organizers/${organizationNumber}`, {}, registerOrganizerInfoSchema));
    },
    async listSchoolUnits() {
      const raw = await getJson("v2/school-units", {}, registerSchoolUnitListSchema);
      return { items: raw.data.attributes.map(toRegisterSchoolUnit), extractDate: raw.meta?.extractDate ?? null };
    },
    async getSchoolUnit(code) {
      assertDigits(code, 8, "code", { sv: "En skolenhetskod", en: "A school unit code" });
      return toRegisterSchoolUnitDetails(await getJson(`v2/school-units/${code}`, {}, registerSchoolUnitInfoSchema));
    },
  };
}
