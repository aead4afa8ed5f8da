#!/usr/bin/env node
// The `samverkan` command: runs the built CLI (dist/main.js) in this very process.
// Built-ins are read with getBuiltinModule: an ESM import of node:fs would load its streams too,
// a few milliseconds of every command (see tooling/typescript/tsup-app.js).
const { existsSync } = process.getBuiltinModule("node:fs");
const module = process.getBuiltinModule("node:module");

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("samverkan is not built yet: run `pnpm build` (or `pnpm start` / `pnpm samverkan` at the repository root, which build first).\n");
  process.exit(1);
}
// Node caches the compiled bundle on disk, so every start after the first skips parsing it.
module.enableCompileCache?.();
await import(main.href);
