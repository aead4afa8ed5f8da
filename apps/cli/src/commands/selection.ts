import type { Command } from "commander";
import { countyName, metricLabel, type CriteriaInput, type CriterionId, type Locale, type SelectionResult } from "@samverkan/sdk";
import { decimal } from "../format/stat-text";
import { printJson, printLines } from "../output";
import { CliUsageError } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

interface SelectionFlags {
  county?: string;
  municipality?: string;
  merit?: string;
  allSubjects?: string;
  eligible?: string;
  schoolYear?: string;
  limit?: string;
  json?: boolean;
}

function threshold(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(",", "."));
  if (!Number.isFinite(n) || n < 0) throw new CliUsageError((m) => m.usage.mustBeANumberGot({ flag, value }));
  return n;
}

const PERCENT: ReadonlySet<CriterionId> = new Set(["shareAllSubjects", "shareEligibleVocational", "completionRate"]);

function figure(metric: CriterionId, value: number | null, locale: Locale): string {
  if (value === null) return "–";
  return `${decimal(value, locale, Number.isInteger(value) ? 0 : 1)}${PERCENT.has(metric) ? " %" : ""}`;
}

/** The `--json` shape: flat rows like `schools search`, plus the criteria and figures used. */
function toJson(result: SelectionResult) {
  return {
    scope: result.scope,
    criteria: result.criteria,
    assessed: result.assessed,
    candidateCount: result.candidateCount,
    candidates: result.candidates.map((c) => ({
      schoolUnitCode: c.school.code,
      name: c.school.name,
      municipality: c.municipalityName,
      municipalityCode: c.school.municipalityCode,
      organizer: c.organizer.name,
      organizerId: c.organizer.id,
      score: c.score,
      reasons: c.reasons,
      notAssessed: c.notAssessed,
    })),
    notAssessable: result.notAssessable.map((n) => ({
      schoolUnitCode: n.school.code,
      name: n.school.name,
      municipality: n.municipalityName,
      municipalityCode: n.school.municipalityCode,
      organizer: n.organizer.name,
      values: n.values,
    })),
  };
}

const shown = (result: SelectionResult, locale: Locale) =>
  result.candidates.length < result.candidateCount ? t(locale).selection.weakestShown(result.candidates.length) : "";

function report(result: SelectionResult, locale: Locale): string[] {
  const msg = t(locale).selection;
  const scope = result.scope.municipality
    ? `${msg.municipality} ${result.scope.municipality}`
    : result.scope.county
      ? `${countyName(result.scope.county) ?? result.scope.county} (${result.scope.county})`
      : msg.allOfSweden;
  const used = result.criteria.filter((c) => c.schoolYear !== null);
  const unused = result.criteria.filter((c) => c.schoolYear === null);
  const lines = [
    `${msg.selection}: ${scope}, ${msg.schoolYear} ${[...new Set(used.map((c) => c.schoolYear))].join(", ") || "–"}`,
    `${msg.thresholdsNational}: ${used.map((c) => `${metricLabel(c.id, locale).toLowerCase()} < ${figure(c.id, c.threshold, locale)} (${figure(c.id, c.national?.value ?? null, locale)})`).join("; ")}`,
  ];
  if (unused.length > 0) {
    lines.push(msg.noDataOn(unused.map((c) => metricLabel(c.id, locale).toLowerCase()).join(", ")));
  }
  lines.push("", msg.ofAssessedSchoolUnitsHave({ candidateCount: result.candidateCount, assessed: result.assessed, shown: shown(result, locale) }));
  result.candidates.forEach((c, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${c.school.name} (${c.school.code}), ${c.municipalityName}, ${c.organizer.name}: ${msg.score} ${decimal(c.score, locale, 2)}`,
    );
    for (const r of c.reasons) {
      lines.push(
        `       ${metricLabel(r.metric, locale)} ${figure(r.metric, r.value, locale)} (${msg.threshold} ${figure(r.metric, r.threshold, locale)}, ` +
          `${msg.national} ${figure(r.metric, r.national, locale)}, ${msg.municipality2} ${figure(r.metric, r.municipal, locale)})`,
      );
    }
  });
  if (result.notAssessable.length > 0) {
    lines.push("", msg.notAssessableHiddenOrMissing(result.notAssessable.length));
    for (const n of result.notAssessable) {
      lines.push(
        `     ${n.school.name} (${n.school.code}), ${n.municipalityName}: ${n.values.map((v) => `${metricLabel(v.metric, locale).toLowerCase()} ${v.raw.trim() || "–"}`).join(", ")}`,
      );
    }
  }
  return lines;
}

export function registerSelection(program: Command, run: RunWith): void {
  program
    .command("selection")
    .description(
      "Schools with low results (merit value, passed all subjects, eligible for vocational programmes) against thresholds, national and municipal figures",
    )
    .option("--county <name|code>", "only units in this county, e.g. 22")
    .option("--municipality <name|code>", "only units in this municipality")
    .option("--merit <n>", "merit value threshold (default 190)")
    .option("--all-subjects <percent>", "passed all subjects threshold (default 60)")
    .option("--eligible <percent>", "eligible for vocational programmes threshold (default 75)")
    .option("--school-year <year>", "school year, e.g. 2024/25 (default: the year most units report)")
    .option("--limit <n>", "most candidates shown")
    .option("--json", "print JSON: {scope, criteria, assessed, candidates, notAssessable}")
    .action((opts: SelectionFlags) =>
      run(opts, async (rt) => {
        const criteria: CriteriaInput = {};
        const merit = threshold("--merit", opts.merit);
        const allSubjects = threshold("--all-subjects", opts.allSubjects);
        const eligible = threshold("--eligible", opts.eligible);
        if (merit !== undefined) criteria.meritValue = merit;
        if (allSubjects !== undefined) criteria.shareAllSubjects = allSubjects;
        if (eligible !== undefined) criteria.shareEligibleVocational = eligible;
        const limit = threshold("--limit", opts.limit);
        const result = await rt.sv.selection.candidates({
          criteria,
          ...(opts.county ? { county: opts.county } : {}),
          ...(opts.municipality ? { municipality: opts.municipality } : {}),
          ...(opts.schoolYear ? { schoolYear: opts.schoolYear } : {}),
          ...(limit !== undefined ? { limit: Math.floor(limit) } : {}),
        });
        if (opts.json) return printJson(toJson(result));
        printLines(report(result, rt.locale));
      }),
    );
}
