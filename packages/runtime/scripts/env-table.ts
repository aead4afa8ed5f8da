// Writes the environment table into the root README (between its markers); `--check` only
// compares and exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { withTable } from "../src/variables.ts";

const readmeUrl = new URL("../../../README.md", import.meta.url);
const current = readFileSync(readmeUrl, "utf8");
const next = withTable(current);
if (process.argv.includes("--check")) {
  if (next !== current) {
    process.stderr.write("README.md's environment table differs from packages/runtime/src/variables.ts: run `pnpm --filter @samverkan/runtime env-table`.\n");
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(readmeUrl, next);
  process.stdout.write("README.md: environment table updated.\n");
}
