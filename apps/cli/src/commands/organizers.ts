import type { Command } from "commander";
import type { OrganizerSearchResult } from "@samverkan/sdk";
import { organisationNumber } from "../format/stat-text";
import { printJson, printLines, table } from "../output";
import type { RunWith } from "../main";
import { searchOptions, type SearchFlags } from "./schools";
import { registerContacts } from "./contacts";

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
  const organizers = program.command("organizers").description("Find principal organizers (huvudmän) and manage their contact persons");
  organizers
    .command("search <query...>")
    .description("Search organizers by name, organisation number, municipality or county")
    .option("--municipality <name|code>", "only organizers based in this municipality")
    .option("--county <name|code>", "only organizers based in this county")
    .option("--limit <n>", "most hits (default 10, at most 100)")
    .option("--json", "print a JSON array of matches, best first: {organizerId, organizationNumber, name, type, municipality, municipalityCode, schoolUnits, score}")
    .action((words: string[], opts: SearchFlags) =>
      run(opts, async (rt) => {
        const query = words.join(" ");
        const hits = await rt.sv.organizers.search(query, searchOptions(opts));
        if (opts.json) return printJson(hits.map(hitJson));
        const sv = rt.locale === "sv";
        if (hits.length === 0) return printLines([sv ? `Inga huvudmän matchade "${query}".` : `No organizers matched "${query}".`]);
        printLines(
          table(
            hits.map((h) => [
              organisationNumber(h.organizer.organizationNumber),
              h.organizer.name,
              h.municipalityName ?? "–",
              sv ? `${h.schoolUnits} ${h.schoolUnits === 1 ? "skolenhet" : "skolenheter"}` : `${h.schoolUnits} school unit${h.schoolUnits === 1 ? "" : "s"}`,
            ]),
          ),
        );
      }),
    );
  registerContacts(organizers, run);
}
