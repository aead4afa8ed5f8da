#!/usr/bin/env node
// Runs the TypeScript entry through tsx, resolving workspace packages to their sources.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");
const entry = resolve(here, "../src/main.ts");
const result = spawnSync(
  process.execPath,
  [tsxCli, "--conditions=@samverkan/source", entry, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
