import type { Messages } from "../sv";

/** English texts of `samverkan start` and its first-run setup. */
export const start: Messages["start"] = {
  starting: (apps: readonly string[]) => `Starting ${apps.join(" and ")} …`,
  notBuilt: (entry: string) => `${entry} is missing: run \`pnpm build\` (or \`pnpm start\` at the repository root) first.`,
  chooseWhoYouAre: (staff: string) => `Choose who you are with SAMVERKAN_USER=<e-mail>. Staff: ${staff}`,
  welcome: "Welcome to Samverkan! This is the first start, so I am adding you as an administrator.",
  askName: "What is your name? ",
  defaultName: "Administrator",
  askEmail: "Your e-mail address (optional): ",
  noSchoolData: "There is no school data yet.",
  optionExport: "1) Load Skolverket's statistics export (CSV file)",
  optionApi: "2) Fetch from Skolverket's API (one municipality, e.g. 0180 Stockholm)",
  optionSkip: "3) Skip",
  askOption: "Choose 1, 2 or 3 [1]: ",
  imported: (p: { schoolUnits: number; errors: number }) => `Loaded: ${p.schoolUnits} school units, ${p.errors} rows with errors.`,
  askMunicipality: "Municipality code [0180]: ",
  fetching: "Fetching from Skolverket …",
  synced: (p: { added: number; updated: number; failed: number }) => `Done: ${p.added} added, ${p.updated} updated, ${p.failed} failed.`,
  importLater: "You can load it later with `samverkan import <file.csv>`.",
  askExport: (defaultDir: string) => `File or folder with the export [${defaultDir}]: `,
  notFound: (path: string) => `Could not find ${path}.`,
  noCsvFiles: (dir: string) => `There are no CSV files in ${dir}. Put Skolverket's export (e.g. slutbetyg-ak9-2025-skolenhet.csv) there.`,
  askFile: "Choose a file [1]: ",
  noSuchFile: "There is no such file in the list.",
};
