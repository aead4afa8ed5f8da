import type { LocalizedText } from "../errors";

/** Metrics read from Skolverket's statistics export, stored under these names in school_results. */
export const EXPORT_METRICS = ["pupils", "shareAllSubjects", "shareEligibleVocational", "meritValue"] as const;
export type ExportMetric = (typeof EXPORT_METRICS)[number];

/**
 * The API's names for the same figures (`statistics/gr`). The recordings carry identical
 * values under both names for 2024/25, so selection treats them as one figure.
 */
export const API_METRIC_ALIASES: Readonly<Record<Exclude<ExportMetric, "pupils">, string>> = {
  meritValue: "averageGradesMeritRating9thGrade",
  shareAllSubjects: "ratioOfPupilsIn9thGradeWithAllSubjectsPassed",
  shareEligibleVocational: "ratioOfPupils9thGradeEligibleForNationalProgramYR",
};

const LABELS: Record<string, LocalizedText> = {
  pupils: { sv: "Antal elever (åk 9)", en: "Pupils (year 9)" },
  meritValue: { sv: "Meritvärde", en: "Merit value" },
  shareAllSubjects: { sv: "Godkända i alla ämnen", en: "Passed all subjects" },
  shareEligibleVocational: { sv: "Behöriga till yrkesprogram", en: "Eligible for vocational programmes" },
  averageGradesMeritRating9thGrade: { sv: "Meritvärde åk 9", en: "Merit value, year 9" },
  ratioOfPupilsIn9thGradeWithAllSubjectsPassed: { sv: "Godkända i alla ämnen åk 9", en: "Passed all subjects, year 9" },
  ratioOfPupilsIn6thGradeWithAllSubjectsPassed: { sv: "Godkända i alla ämnen åk 6", en: "Passed all subjects, year 6" },
  ratioOfPupils9thGradeEligibleForNationalProgramYR: { sv: "Behöriga till yrkesprogram", en: "Eligible for vocational programmes" },
  ratioOfPupils9thGradeEligibleForNationalProgramES: { sv: "Behöriga till estetiska programmet", en: "Eligible for the arts programme" },
  ratioOfPupils9thGradeEligibleForNationalProgramSAEKHU: {
    sv: "Behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen",
    en: "Eligible for economics, humanities and social science programmes",
  },
  ratioOfPupils9thGradeEligibleForNationalProgramNATE: {
    sv: "Behöriga till naturvetenskaps- och teknikprogrammen",
    en: "Eligible for natural science and technology programmes",
  },
  totalNumberOfPupils: { sv: "Antal elever totalt", en: "Pupils in total" },
  studentsPerTeacherQuota: { sv: "Elever per lärare", en: "Pupils per teacher" },
  certifiedTeachersQuota: { sv: "Andel legitimerade lärare (%)", en: "Certified teachers (%)" },
  specialEducatorsQuota: { sv: "Specialpedagoger", en: "Special educators" },
  specialTeacherPositions: { sv: "Speciallärartjänster", en: "Special teacher positions" },
  completionRate: { sv: "Genomströmning", en: "Completion rate" },
};

const NATIONAL_TEST = /^averageResultNationalTestsSubject([A-Z]+)(6|9)thGrade$/;

/** A reader's label for a metric; unknown metrics keep their name. */
export function metricLabel(metric: string, locale: "sv" | "en" = "sv"): string {
  const known = LABELS[metric];
  if (known) return known[locale];
  const test = NATIONAL_TEST.exec(metric);
  if (test) return locale === "sv" ? `Nationella prov ${test[1]} åk ${test[2]}` : `National tests ${test[1]}, year ${test[2]}`;
  return metric;
}

/** Stable display order: the export's metrics first, then the rest by name. */
export function compareMetrics(a: string, b: string): number {
  const rank = (m: string) => {
    const i = (EXPORT_METRICS as readonly string[]).indexOf(m);
    return i === -1 ? EXPORT_METRICS.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
