import type * as z from "zod";
import type { documentsSchema, RawStatisticEntry, salsaListSchema } from "./schemas";
import { parseStatValue } from "./stat-value";
import type { InspectionDocument, SalsaList, StatisticSeries } from "./types";

/** The series of a programme object: arrays of `{ value, valueType, timePeriod }`; names and nulls are left out. */
export function toProgrammeSeries(raw: Record<string, unknown>): StatisticSeries[] {
  const series: StatisticSeries[] = [];
  for (const [metric, value] of Object.entries(raw)) {
    if (!Array.isArray(value) || metric === "_links" || metric === "docLinks") continue;
    const entries = value as RawStatisticEntry[];
    series.push({ metric, values: entries.map((e) => ({ timePeriod: e.timePeriod, value: parseStatValue(e.value, e.valueType) })) });
  }
  return series;
}

export function toSalsaList(raw: z.output<typeof salsaListSchema>): SalsaList {
  return {
    timePeriod: raw.body.timePeriod ?? null,
    units: raw.body.compulsorySchoolUnitSalsaMetricList.map((unit) => {
      const values: SalsaList["units"][number]["values"] = {};
      for (const [key, v] of Object.entries(unit)) {
        if (!key.startsWith("salsa") || v === null || typeof v !== "object" || !("valueType" in v)) continue;
        values[key] = parseStatValue(v.value, v.valueType);
      }
      return { schoolUnitCode: unit.schoolUnitCode, name: unit.name ?? null, municipalityCode: unit.geographicalAreaCode ?? null, values };
    }),
  };
}

const TERM = /\b(VT|HT)\s?(\d{2}|\d{4})\b/;
const DATE = /\b(20\d{2}-\d{2}-\d{2})\b/;

/** The date or school term a document's title names: `… 2024-03-01 …`, `… VT24 (pdf …)`. */
export function documentPeriod(title: string): { period: string | null; sortKey: string | null } {
  const date = DATE.exec(title);
  if (date?.[1]) return { period: date[1], sortKey: date[1] };
  const term = TERM.exec(title);
  if (term?.[1] && term[2]) {
    const year = term[2].length === 2 ? `20${term[2]}` : term[2];
    // VT (spring) runs January–June, HT (autumn) August–December.
    return { period: `${term[1]}${term[2]}`, sortKey: `${year}-${term[1] === "VT" ? "01" : "08"}-01` };
  }
  return { period: null, sortKey: null };
}

export function toDocuments(raw: z.output<typeof documentsSchema>): InspectionDocument[] {
  const out: InspectionDocument[] = [];
  for (const group of raw.body) {
    for (const d of group.documents ?? []) {
      out.push({ schoolForm: group.typeOfSchoolingCode, type: d.type, typeId: d.typeId ?? null, title: d.title, url: d.url, ...documentPeriod(d.title) });
    }
  }
  return out;
}
