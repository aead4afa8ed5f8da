import type { Command } from "commander";
import type { OrganizerSearchResult } from "@samverkan/sdk";
import { organisationNumber } from "../format/stat-text";
import { printJson, printLines, table } from "../output";
import type { RunWith } from "../main";
import { searchOptions, type SearchFlags } from "./schools";
import { registerContacts } from "./contacts";
import { dataContext, readText } from "./import";
import { t } from "../i18n";

const TYPES: Record<string, "municipal" | "independent" | "state" | "region"> = {
  kommunal: "municipal",
  municipal: "municipal",
  enskild: "independent",
  independent: "independent",
  statlig: "state",
  state: "state",
  region: "region",
};

/** The `--json` shape of an organizer hit. */
function hitJson(h: OrganizerSearchResult) {
  return {
    organizerId: h.organizer.id,
    organizationNumber: h.organizer.organizationNumber,
    name: h.organizer.name,
    type: h.organizer.type,
    municipality: h.municipalityName,
    municipalityCode: h.organizer.municipalityCode,
    schoolUnits: h.schoolUnits,
    score: h.score,
  };
}

export function registerOrganizers(program: Command, run: RunWith): void {
  const organizers = program.command("organizers").description("Find and add principal organizers (huvudmän) and manage their contact persons");
  organizers
    .command("search <query...>")
    .description("Search organizers by name, organisation number, municipality or county")
    .option("--municipality <name|code>", "only organizers based in this municipality")
    .option("--county <name|code>", "only organizers based in this county")
    .option("--limit <n>", "most hits (default 10, at most 100)")
    .option(
      "--json",
      "print a JSON array of matches, best first: {organizerId, organizationNumber, name, type, municipality, municipalityCode, schoolUnits, score}",
    )
    .action((words: string[], opts: SearchFlags) =>
      run(opts, async (rt) => {
        const query = words.join(" ");
        const hits = await rt.sv.organizers.search(query, searchOptions(opts));
        if (opts.json) return printJson(hits.map(hitJson));
        const m = t(rt.locale).organizers;
        if (hits.length === 0) return printLines([m.noOrganizersMatched(query)]);
        printLines(
          table(
            hits.map((h) => [organisationNumber(h.organizer.organizationNumber), h.organizer.name, h.municipalityName ?? "–", m.schoolUnit(h.schoolUnits)]),
          ),
        );
      }),
    );
  organizers
    .command("add <organisationNumber> <name...>")
    .description("Add an organizer by hand (admins): preschool-only organizers are not in Skolenhetsregistret, so the coverage population is completed here")
    .requiredOption("--municipality <code>", "seat municipality, 4 digits, e.g. 2281")
    .option("--type <type>", "kommunal, enskild, statlig or region (default enskild)")
    .option("--as <who>", "act as this staff member (admin)")
    .option("--json", "print {organizationNumber, id, outcome}")
    .action((organizationNumber: string, words: string[], opts: { municipality: string; type?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const ctx = await dataContext(rt, opts.as, "organizers");
        const type = opts.type ? TYPES[opts.type.trim().toLowerCase()] : "independent";
        const m = t(rt.locale).organizers;
        if (!type) {
          printLines([m.unknownTypeGiveKommunalEnskild(opts.type)]);
          process.exitCode = 2;
          return;
        }
        const result = await rt.sv.organizers.add({ organizationNumber, name: words.join(" "), type, municipalityCode: opts.municipality }, ctx);
        if (opts.json) return printJson(result);
        const text = {
          added: m.added,
          updated: m.updated,
          unchanged: m.unchanged,
          inRegister: m.alreadyInTheSchoolUnit,
        }[result.outcome];
        printLines([`${text} ${organisationNumber(result.organizationNumber)} ${words.join(" ")}`]);
      }),
    );
  organizers
    .command("import <file>")
    .description("Add organizers from a CSV (organisationsnummer;namn;typ;kommunkod, header row required)")
    .option("--as <who>", "act as this staff member (admin)")
    .option("--json", "print the summary as JSON")
    .action((file: string, opts: { as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const ctx = await dataContext(rt, opts.as, "organizers");
        const summary = await rt.sv.organizers.importCsv(readText(file), ctx);
        if (opts.json) return printJson(summary);
        const m = t(rt.locale).organizers;
        printLines([
          m.rowsAddedUpdatedUnchangedAlready({
            rows: summary.rows,
            added: summary.added,
            updated: summary.updated,
            unchanged: summary.unchanged,
            inRegister: summary.inRegister,
          }),
          ...summary.errors.map((e) => `  ${m.line} ${e.line}: ${e.reason}`),
        ]);
        if (summary.errors.length > 0 && summary.added + summary.updated + summary.unchanged + summary.inRegister === 0) process.exitCode = 1;
      }),
    );
  registerContacts(organizers, run);
}
