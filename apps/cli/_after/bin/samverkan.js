#!/usr/bin/env node
// The `samverkan` command: runs the built CLI (dist/main.js) in this very process.
import { existsSync } from "node:fs";
import module from "node:module";

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("samverkan is not built yet: run `pnpm build` (or `pnpm start` / `pnpm samverkan` at the repository root, which build first).\n");
  process.exit(1);
}
// Node caches the compiled bundle on disk, so every start after the first skips parsing it.
module.enableCompileCache?.();
await import(main.href);
