import * as z from "zod";

/**
 * zod schemas for Skolenhetsregistret v2, written from its OpenAPI description
 * (`../shared/reference/skolverket/skolenhetsregistret-v2.openapi.yaml`). Everything the
 * spec marks optional is optional here; enum-like codes are kept as text and normalised
 * by the mappers, because the spec's own examples use values outside its enums.
 */

const organisationNumber = z.string().regex(/^\d{10}$/, "expected a 10-digit organisation number");
const schoolUnitCode = z.string().regex(/^\d{8}$/, "expected an 8-digit school unit code");
const municipalityCode = z.string().regex(/^\d{4}$/, "expected a 4-digit municipality code");

const metaSchema = z.object({ extractDate: z.string().nullish(), created: z.string().nullish(), modified: z.string().nullish() }).partial().nullish();

/** An item of `GET /v2/organizers`. */
export const registerOrganizerSchema = z.object({
  organizationNumber: organisationNumber,
  displayName: z.string().min(1),
  organizerType: z.string().nullish(),
});

export const registerOrganizerListSchema = z.object({
  meta: metaSchema,
  data: z.object({ type: z.string().nullish(), attributes: z.array(registerOrganizerSchema) }),
});

/** The spec's own example writes phone numbers as JSON numbers. */
const text = z.union([z.string(), z.number().transform(String)]);

const geoCoordinatesSchema = z
  .object({
    coordinateSweRefN: z.string().nullish(),
    coordinateSweRefE: z.string().nullish(),
    latitude: z.string().nullish(),
    longitude: z.string().nullish(),
  })
  .nullish();

export const registerAddressSchema = z.object({
  type: z.string().nullish(),
  careOfAddress: z.string().nullish(),
  streetAddress: z.string().nullish(),
  postalCode: z.string().nullish(),
  locality: z.string().nullish(),
  geoCoordinates: geoCoordinatesSchema,
  country: z.string().nullish(),
  continent: z.string().nullish(),
});

/** `GET /v2/organizers/{organizationNumber}`. */
export const registerOrganizerInfoSchema = z.object({
  meta: metaSchema,
  data: z.object({
    type: z.string().nullish(),
    organizationNumber: organisationNumber,
    attributes: z.object({
      displayName: z.string().min(1),
      address: registerAddressSchema.nullish(),
      url: z.string().nullish(),
      email: z.array(z.object({ providerType: z.string().nullish(), email: z.string().nullish() })).nullish(),
      phoneNumber: z.array(z.object({ providerType: z.string().nullish(), phone: text.nullish() })).nullish(),
      companyForm: z.object({ code: text.nullish(), displayName: z.string().nullish() }).nullish(),
      organizerType: z.string().nullish(),
      legalEntityStatus: z.string().nullish(),
      companyStatus: z.string().nullish(),
      isInternational: z.boolean().nullish(),
      /** Seat municipality (säteskommun); from 2025-03-05. */
      municipalities: z.array(z.object({ municipalityCode: municipalityCode, displayName: z.string().nullish() })).nullish(),
      regions: z.array(z.object({ regionCode: z.string().nullish(), displayName: z.string().nullish() })).nullish(),
      schoolTypes: z.array(z.string()).nullish(),
      highSchoolAssociationId: z.string().nullish(),
    }),
    relationships: z.unknown().optional(),
  }),
});

/** An item of `GET /v2/school-units`. */
export const registerSchoolUnitSchema = z.object({
  schoolUnitCode: schoolUnitCode,
  name: z.string().min(1),
  status: z.string().nullish(),
});

export const registerSchoolUnitListSchema = z.object({
  meta: metaSchema,
  data: z.object({ type: z.string().nullish(), attributes: z.array(registerSchoolUnitSchema) }),
});

const includedOrganizerSchema = z.object({
  type: z.string().nullish(),
  organizationNumber: organisationNumber,
  attributes: z.object({ displayName: z.string().nullish(), organizerType: z.string().nullish() }).nullish(),
});

const gradesSchema = z.object({ grades: z.array(z.string()).nullish() }).nullish();
const programmesSchema = z
  .object({ programmes: z.array(z.string()).nullish() })
  .passthrough()
  .nullish();

/** `GET /v2/school-units/{schoolUnitCode}`. */
export const registerSchoolUnitInfoSchema = z.object({
  meta: metaSchema,
  data: z.object({
    type: z.string().nullish(),
    schoolUnitCode: schoolUnitCode,
    attributes: z.object({
      displayName: z.string().min(1),
      status: z.string().nullish(),
      url: z.string().nullish(),
      email: z.string().nullish(),
      phoneNumber: text.nullish(),
      headMaster: z.string().nullish(),
      addresses: z.array(registerAddressSchema).nullish(),
      orientationType: z.string().nullish(),
      schoolUnitType: z.string().nullish(),
      schoolName: z.string().nullish(),
      municipalityCode: municipalityCode,
      schoolTypes: z.array(z.string()).nullish(),
      schoolTypeProperties: z
        .object({ gr: gradesSchema, gran: gradesSchema, sam: gradesSchema, sp: gradesSchema, gy: programmesSchema, gyan: programmesSchema })
        .passthrough()
        .nullish(),
      specialSupportSchool: z.boolean().nullish(),
      hospitalSchool: z.boolean().nullish(),
      // The spec spells the start date `startdate` and the end date `endDate`; both spellings are read.
      startdate: z.string().nullish(),
      startDate: z.string().nullish(),
      endDate: z.string().nullish(),
      enddate: z.string().nullish(),
    }),
  }),
  // The spec describes `included` as one object; JSON:API writes an array. Both are read.
  included: z.union([includedOrganizerSchema, z.array(includedOrganizerSchema)]).nullish(),
});

export type RawRegisterOrganizerList = z.infer<typeof registerOrganizerListSchema>;
export type RawRegisterOrganizerInfo = z.infer<typeof registerOrganizerInfoSchema>;
export type RawRegisterSchoolUnitList = z.infer<typeof registerSchoolUnitListSchema>;
export type RawRegisterSchoolUnitInfo = z.infer<typeof registerSchoolUnitInfoSchema>;
export type RawRegisterAddress = z.infer<typeof registerAddressSchema>;
