import * as z from "zod";

/**
 * zod schemas for the raw JSON of Skolverket's Planned Educations API v4, written from
 * recorded responses (April 2026). Unknown extra fields are allowed and dropped.
 */

const schoolUnitCode = z.string().regex(/^\d{8}$/, "expected an 8-digit school unit code");
const municipalityCode = z.string().regex(/^\d{4}$/, "expected a 4-digit municipality code");

const link = z.object({ href: z.string() });
export const halLinksSchema = z.object({
  self: link.optional(),
  first: link.optional(),
  prev: link.optional(),
  next: link.optional(),
  last: link.optional(),
});

export const halPageSchema = z.object({
  size: z.number().int().nonnegative(),
  totalElements: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
  number: z.number().int().nonnegative(),
});

/** Every answer is wrapped: `{ status: "OK", message: "Success", body }`. */
export function envelopeSchema<T extends z.ZodType>(body: T) {
  return z.object({ status: z.string(), message: z.string().nullish(), body });
}

export const typeOfSchoolingSchema = z.object({
  code: z.string(),
  displayName: z.string().nullish(),
  schoolYears: z.array(z.string()).nullish(),
});

/** An item of `GET /v4/school-units` (`_embedded.listedSchoolUnits`). */
export const listedSchoolUnitSchema = z.object({
  code: schoolUnitCode,
  name: z.string(),
  geographicalAreaCode: municipalityCode,
  postCodeDistrict: z.string().nullish(),
  typeOfSchooling: z.array(typeOfSchoolingSchema).nullish(),
  studentsPerTeacherQuota: z.string().nullish(),
  principalOrganizerType: z.string().nullish(),
  abroadSchool: z.boolean().nullish(),
});

export const schoolUnitListSchema = envelopeSchema(
  z.object({
    _embedded: z.object({ listedSchoolUnits: z.array(listedSchoolUnitSchema) }).optional(),
    _links: halLinksSchema.optional(),
    page: halPageSchema,
  }),
);

export const addressSchema = z.object({
  type: z.string().nullish(),
  street: z.string().nullish(),
  zipCode: z.string().nullish(),
  city: z.string().nullish(),
});

/** `GET /v4/school-units/{code}`. */
export const schoolUnitDetailsSchema = envelopeSchema(
  z.object({
    code: schoolUnitCode,
    name: z.string(),
    contactInfo: z
      .object({
        email: z.string().nullish(),
        web: z.string().nullish(),
        telephone: z.string().nullish(),
        addresses: z.array(addressSchema).nullish(),
      })
      .nullish(),
    geographicalAreaCode: municipalityCode,
    wgs84_Lat: z.string().nullish(),
    wgs84_Long: z.string().nullish(),
    sweRef_N: z.string().nullish(),
    sweRef_E: z.string().nullish(),
    organisationRegistryNumber: z
      .string()
      .regex(/^\d{10}$/, "expected a 10-digit organisation number")
      .nullish(),
    principalOrganizerType: z.string().nullish(),
    corporationName: z.string().nullish(),
    companyForm: z.string().nullish(),
    schoolOrientation: z.string().nullish(),
    typeOfSchooling: z.array(typeOfSchoolingSchema).nullish(),
    abroadSchool: z.boolean().nullish(),
  }),
);

/** One point of a statistics series: values are Swedish-formatted text or markers. */
export const statisticEntrySchema = z.object({
  value: z.string().nullable(),
  valueType: z.string(),
  timePeriod: z.string().nullable(),
});

/**
 * `GET /v4/school-units/{code}/statistics/{gr|gy}`: `schoolUnit`, `_links`, `docLinks`,
 * and every other field a series (`[{ value, valueType, timePeriod }]`).
 */
export const schoolUnitStatisticsSchema = envelopeSchema(
  z
    .object({
      schoolUnit: schoolUnitCode,
      docLinks: z.unknown().optional(),
      _links: halLinksSchema.optional(),
    })
    .catchall(z.array(statisticEntrySchema)),
);

/** An item of `GET /v4/compact-school-units` (`_embedded.compactSchoolUnits`). */
export const compactSchoolUnitSchema = z.object({
  schoolUnitCode: schoolUnitCode,
  schoolUnitName: z.string(),
  educationEventTypeOfSchooling: z.string().nullish(),
  coordinateSystemType: z.string().nullish(),
  wgs84Latitude: z.string().nullish(),
  wgs84Longitude: z.string().nullish(),
  sweref99Latitude: z.string().nullish(),
  sweref99Longitude: z.string().nullish(),
  abroadSchool: z.boolean().nullish(),
});

export const compactSchoolUnitListSchema = envelopeSchema(
  z.object({
    _embedded: z.object({ compactSchoolUnits: z.array(compactSchoolUnitSchema) }).optional(),
    _links: halLinksSchema.optional(),
    page: halPageSchema,
  }),
);

export type RawSchoolUnitList = z.infer<typeof schoolUnitListSchema>;
export type RawListedSchoolUnit = z.infer<typeof listedSchoolUnitSchema>;
export type RawSchoolUnitDetails = z.infer<typeof schoolUnitDetailsSchema>;
export type RawSchoolUnitStatistics = z.infer<typeof schoolUnitStatisticsSchema>;
export type RawCompactSchoolUnitList = z.infer<typeof compactSchoolUnitListSchema>;
export type RawHalLinks = z.infer<typeof halLinksSchema>;
export type RawStatisticEntry = z.infer<typeof statisticEntrySchema>;
export type RawTypeOfSchooling = z.infer<typeof typeOfSchoolingSchema>;

/** A programme's figures in `statistics/gy` and national values: series, plus test names (text) and nulls. */
const programmeFields = z.union([z.array(statisticEntrySchema), z.string(), z.null()]);

/** `GET /v4/school-units/{code}/statistics/gy`: one entry per programme in `programMetrics`. */
export const programmeStatisticsSchema = envelopeSchema(
  z.object({
    programMetrics: z
      .array(
        z
          .object({
            programCode: z.string().min(1),
            schoolUnit: schoolUnitCode.nullish(),
            docLinks: z.unknown().optional(),
            _links: halLinksSchema.optional(),
          })
          .catchall(programmeFields),
      )
      .nullish(),
  }),
);

/** `GET /v4/statistics/national-values/gy/{programCode}`. */
export const nationalProgrammeValuesSchema = envelopeSchema(
  z.object({ programCode: z.string().nullish(), docLinks: z.unknown().optional(), _links: halLinksSchema.optional() }).catchall(programmeFields),
);

const salsaValue = z.object({ value: z.string().nullable(), valueType: z.string() }).nullable();

export const SALSA_METRICS = [
  "salsaAverageGradesIn9thGradeActual",
  "salsaAverageGradesIn9thGradeDeviation",
  "salsaAverageCalculated",
  "salsaRequirementsReachedActual",
  "salsaRequirementsReachedDeviation",
  "salsaRequirementsReachedCalculated",
  "salsaNewlyImmigratedQuota",
  "salsaBoysQuota",
  "salsaParentsEducation",
] as const;

/** `GET /v4/statistics/all-schools/salsa`: every grundskola unit at once, one school year. */
export const salsaListSchema = envelopeSchema(
  z.object({
    compulsorySchoolUnitSalsaMetricList: z.array(
      z
        .object({
          schoolUnitCode: schoolUnitCode,
          name: z.string().nullish(),
          geographicalAreaCode: z.string().nullish(),
          _links: halLinksSchema.optional(),
        })
        // Every other field is a SALSA figure (`SALSA_METRICS` are the known ones).
        .catchall(salsaValue),
    ),
    timePeriod: z.string().nullish(),
  }),
);

/** `GET /v4/school-units/{code}/documents`: Skolinspektionen's decisions, reports and surveys per school form. */
export const documentsSchema = envelopeSchema(
  z.array(
    z.object({
      typeOfSchoolingCode: z.string(),
      documents: z
        .array(
          z.object({
            type: z.string(),
            typeId: z.string().nullish(),
            title: z.string(),
            url: z.string().min(1),
            fileName: z.string().nullish(),
            mimeType: z.string().nullish(),
            size: z.union([z.string(), z.number()]).nullish(),
          }),
        )
        .nullish(),
      _links: halLinksSchema.optional(),
    }),
  ),
);
