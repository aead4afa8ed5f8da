import type { Command } from "commander";
import {
  API_METRIC_ALIASES,
  metricLabel,
  ORGANIZER_TYPE_NAMES,
  type Locale,
  type SchoolProfile,
  type SchoolSearchResult,
  type SearchOptions,
} from "@samverkan/sdk";
import { markedValue, organisationNumber } from "../format/stat-text";
import { printJson, printLines, table } from "../output";
import { CliUsageError } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

export interface SearchFlags {
  municipality?: string;
  county?: string;
  limit?: string;
  json?: boolean;
}

export function searchOptions(opts: SearchFlags): SearchOptions {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new CliUsageError((m) => m.usage.limitMustBeAPositive(opts.limit));
  }
  return {
    ...(opts.municipality ? { municipality: opts.municipality } : {}),
    ...(opts.county ? { county: opts.county } : {}),
    ...(limit ? { limit } : {}),
  };
}

/** The `--json` shape of a school hit; keep it stable, scripts read it. */
function hitJson(h: SchoolSearchResult) {
  return {
    schoolUnitCode: h.school.code,
    name: h.school.name,
    municipality: h.municipalityName,
    municipalityCode: h.school.municipalityCode,
    countyCode: h.countyCode,
    organizer: h.organizer.name,
    organizerId: h.organizer.id,
    score: h.score,
  };
}

/** The API repeats the export's figures under its own names; show each figure once. */
function withoutApiCopies(results: SchoolProfile["results"]): SchoolProfile["results"] {
  const shown = new Set(results.map((r) => `${r.metric}|${r.schoolYear}`));
  const exportNameOf = new Map(Object.entries(API_METRIC_ALIASES).map(([exportMetric, apiMetric]) => [apiMetric, exportMetric]));
  return results.filter((r) => {
    const exportMetric = exportNameOf.get(r.metric);
    return exportMetric === undefined || !shown.has(`${exportMetric}|${r.schoolYear}`);
  });
}

function profileLines(p: SchoolProfile, locale: Locale): string[] {
  const msg = t(locale).schools;
  const contact = p.details?.contact;
  const address = contact?.addresses.find((a) => a.street);
  const facts: string[][] = [
    [
      msg.organizer,
      `${p.organizer.name} (${organisationNumber(p.organizer.organizationNumber)}, ${ORGANIZER_TYPE_NAMES[p.organizer.type][locale].toLowerCase()})`,
    ],
    [msg.municipality, p.municipality ? `${p.municipality.name} (${p.municipality.code})` : p.school.municipalityCode],
    [msg.county, p.county ? `${p.county.name} (${p.county.code})` : "–"],
    [msg.regionalOffice, p.office?.town ?? "–"],
    [msg.typesOfSchooling, p.school.typesOfSchooling.join(", ") || "–"],
  ];
  if (address) facts.push([msg.address, [address.street, [address.zipCode, address.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")]);
  if (contact?.web) facts.push([msg.web, contact.web]);
  if (contact?.telephone) facts.push([msg.phone, contact.telephone]);
  const results = withoutApiCopies(p.results).map((r) => [`${metricLabel(r.metric, locale)}:`, markedValue(r.value, locale), r.schoolYear]);
  return [
    `${p.school.name} (${p.school.code})`,
    ...table(facts.map(([label, value]) => [`${label}:`, value ?? ""])),
    "",
    ...(results.length === 0 ? [msg.noResultsLoadedRunSamverkan] : [msg.resultsLatestSchoolYearPer, ...table(results).map((line) => `  ${line}`)]),
  ];
}

export function registerSchools(program: Command, run: RunWith): void {
  const schools = program.command("schools").description("Find school units and show their details and results");
  schools
    .command("search <query...>")
    .description("Search school units by name, code, Skolverket link, municipality or organizer (typos and missing å/ä/ö are fine)")
    .option("--municipality <name|code>", "only units in this municipality")
    .option("--county <name|code>", "only units in this county")
    .option("--limit <n>", "most hits (default 10, at most 100)")
    .option(
      "--json",
      "print a JSON array of matches, best first: {schoolUnitCode, name, municipality, municipalityCode, countyCode, organizer, organizerId, score}",
    )
    .action((words: string[], opts: SearchFlags) =>
      run(opts, async (rt) => {
        const query = words.join(" ");
        const hits = await rt.sv.schools.search(query, searchOptions(opts));
        if (opts.json) return printJson(hits.map(hitJson));
        const msg = t(rt.locale).schools;
        if (hits.length === 0) return printLines([msg.noSchoolUnitsMatched(query)]);
        printLines(table(hits.map((h) => [h.school.code, h.school.name, h.municipalityName, h.organizer.name])));
      }),
    );
  schools
    .command("show <code>")
    .description("Show a school unit: organizer, municipality, county, serving office and latest results (code or Skolverket link)")
    .option("--json", "print JSON: {school, organizer, municipality, county, office, results, details}")
    .action((code: string, opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        const profile = await rt.sv.schools.profile(code);
        if (opts.json) return printJson(profile);
        printLines(profileLines(profile, rt.locale));
      }),
    );
}
