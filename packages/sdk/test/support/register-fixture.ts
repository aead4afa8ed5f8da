import type { RecordedExchangeInput } from "@samverkan/replay-server";
import { hasValidLuhnCheckDigit } from "../../src/domain/luhn";

/**
 * Skolenhetsregistret v2 responses built from its OpenAPI description
 * (../shared/reference/skolverket/skolenhetsregistret-v2.openapi.yaml), served by the
 * replay server. Shapes follow the spec's schemas and examples, including what the spec
 * itself does oddly: `startdate` next to `endDate`, phone numbers as JSON numbers, a
 * providerType (`SV`) outside its enum, `included` as one object, SWEREF coordinates with
 * decimal commas.
 */

export const REGISTER_PREFIX = "/skolenhetsregistret";

/** Nine digits plus their Luhn check digit. */
export function organisationNumber(nine: string): string {
  for (let d = 0; d <= 9; d++) if (hasValidLuhnCheckDigit(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error("unreachable");
}

export interface FixtureOrganizer {
  organizationNumber: string;
  displayName: string;
  organizerType: string;
  /** Seat municipality; undefined leaves the optional `municipalities` block out. */
  seat?: string;
  legalEntityStatus?: string;
  companyStatus?: string;
  companyForm?: { code: string; displayName: string };
}

export interface FixtureUnit {
  schoolUnitCode: string;
  name: string;
  status: string;
  municipalityCode: string;
  organizationNumber: string;
  schoolTypes: string[];
  /** Leaves `schoolTypeProperties` and `addresses` out. */
  bare?: boolean;
  /** `included` as a JSON:API array instead of the spec's single object. */
  includedAsArray?: boolean;
  programmes?: string[];
}

const EXTRACT = "2026-11-24T00:06:10.19+01:00";

export function organizerListBody(organizers: readonly FixtureOrganizer[]) {
  return {
    meta: { extractDate: EXTRACT },
    data: {
      type: "organizer",
      attributes: organizers.map((o) => ({ organizationNumber: o.organizationNumber, displayName: o.displayName, organizerType: o.organizerType })),
    },
  };
}

export function organizerInfoBody(o: FixtureOrganizer) {
  return {
    meta: { extractDate: EXTRACT, created: "2015-12-12", modified: "2025-03-05" },
    links: { href: `https://api.skolverket.se/skolenhetsregistret/v2/organizers/${o.organizationNumber}`, rel: "self", method: "GET" },
    data: {
      type: "organizer",
      organizationNumber: o.organizationNumber,
      attributes: {
        displayName: o.displayName,
        address: { type: "POSTADRESS", streetAddress: "Box 1", postalCode: "234 67", locality: "Borås" },
        url: "https://www.example.se",
        email: [
          { providerType: "SCB", email: "kansli@example.se" },
          { providerType: "SV", email: "skola@example.se" },
        ],
        phoneNumber: [
          { providerType: "SCB", phone: 12345678 },
          { providerType: "SV", phone: "23456789" },
        ],
        ...(o.companyForm ? { companyForm: o.companyForm } : {}),
        organizerType: o.organizerType,
        legalEntityStatus: o.legalEntityStatus ?? "INKLUDERAD_SKV",
        companyStatus: o.companyStatus ?? "AKTIV",
        isInternational: false,
        ...(o.seat ? { municipalities: [{ municipalityCode: o.seat, displayName: `Kommun ${o.seat}` }] } : {}),
        schoolTypes: ["GR", "FKLASS"],
      },
      relationships: { schoolunit: { links: { href: "x", rel: "self", method: "GET" }, data: [] } },
    },
  };
}

export function unitListBody(units: readonly FixtureUnit[]) {
  return {
    meta: { extractDate: EXTRACT },
    data: { type: "schoolunit", attributes: units.map((u) => ({ schoolUnitCode: u.schoolUnitCode, name: u.name, status: u.status })) },
  };
}

export function unitInfoBody(u: FixtureUnit, organizer: FixtureOrganizer | undefined) {
  const included = {
    type: "organization",
    organizationNumber: u.organizationNumber,
    attributes: { displayName: organizer?.displayName ?? "Upphörd huvudman AB", organizerType: organizer?.organizerType ?? "ENSKILD" },
    links: { href: `https://api.skolverket.se/skolenhetsregistret/v2/organizers/${u.organizationNumber}`, rel: "related", method: "GET" },
  };
  return {
    meta: { extractDate: EXTRACT, created: "2015-12-12", modified: "2025-08-01" },
    links: { href: `https://api.skolverket.se/skolenhetsregistret/v2/school-units/${u.schoolUnitCode}`, rel: "self", method: "GET" },
    data: {
      type: "schoolunit",
      schoolUnitCode: u.schoolUnitCode,
      attributes: {
        displayName: u.name,
        status: u.status,
        url: null,
        email: "skola@example.se",
        phoneNumber: "12345678",
        headMaster: "Pelle Sträng",
        ...(u.bare
          ? {}
          : {
              addresses: [
                {
                  type: "BESOKSADRESS",
                  streetAddress: "Agatan 1",
                  postalCode: "234 67",
                  locality: "Borås",
                  geoCoordinates: {
                    coordinateSweRefN: "6562397,097",
                    coordinateSweRefE: "679180,062",
                    latitude: "59.16286545184274",
                    longitude: "18.134313905557242",
                  },
                },
              ],
              schoolTypeProperties: { gr: { grades: ["7", "8", "9"] }, ...(u.programmes ? { gy: { programmes: u.programmes, csnCode: "21" } } : {}) },
            }),
        orientationType: "ALLMAN",
        schoolUnitType: "SKOLENHET",
        schoolName: null,
        municipalityCode: u.municipalityCode,
        schoolTypes: u.schoolTypes,
        specialSupportSchool: false,
        hospitalSchool: null,
        reportsStudents: "NEJ",
        reportsPersonell: "NEJ",
        startdate: "2015-08-01",
        endDate: u.status === "UPPHORT" ? "2025-06-30" : null,
      },
    },
    included: u.includedAsArray ? [included] : included,
  };
}

/** The whole register as recorded exchanges: two lists, and one detail per organizer and unit. */
export function registerExchanges(organizers: readonly FixtureOrganizer[], units: readonly FixtureUnit[]): RecordedExchangeInput[] {
  const byNumber = new Map(organizers.map((o) => [o.organizationNumber, o]));
  const get = (url: string, body: unknown): RecordedExchangeInput => ({
    method: "GET",
    url: `${REGISTER_PREFIX}${url}`,
    accept: "application/json",
    status: 200,
    body,
  });
  return [
    get("/v2/organizers", organizerListBody(organizers)),
    get("/v2/school-units", unitListBody(units)),
    ...organizers.map((o) => get(`/v2/organizers/${o.organizationNumber}`, organizerInfoBody(o))),
    ...units.map((u) => get(`/v2/school-units/${u.schoolUnitCode}`, unitInfoBody(u, byNumber.get(u.organizationNumber)))),
  ];
}

const MUNICIPALITIES = ["0180", "0114", "1280", "1480", "2281", "2280", "2580", "0380", "1880", "0580", "2480", "2180", "0780"];

/** A synthetic register of the given size (for the benchmark): every organizer active, four units each on average. */
export function syntheticRegister(organizerCount: number, unitCount: number): { organizers: FixtureOrganizer[]; units: FixtureUnit[] } {
  const organizers: FixtureOrganizer[] = Array.from({ length: organizerCount }, (_, i) => {
    const municipal = i < 290;
    return {
      organizationNumber: organisationNumber(`${municipal ? "212" : "556"}${String(100000 + i).padStart(6, "0")}`),
      displayName: municipal ? `Kommun nummer ${i} kommun` : `Skolbolaget ${i} AB`,
      organizerType: municipal ? "KOMMUN" : "ENSKILD",
      seat: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
    };
  });
  const units: FixtureUnit[] = Array.from({ length: unitCount }, (_, i) => {
    const o = organizers[i % organizers.length]!;
    return {
      schoolUnitCode: String(10000000 + i * 7),
      name: `Skola ${i}`,
      status: i % 50 === 0 ? "UPPHORT" : "AKTIV",
      municipalityCode: o.seat!,
      organizationNumber: o.organizationNumber,
      schoolTypes: i % 3 === 0 ? ["GY"] : ["GR", "FKLASS"],
    };
  });
  return { organizers, units };
}
