import { defineConfig } from "tsup";
import { appBuild } from "@samverkan/tsconfig/tsup-app.js";

// A command starts cold every time: pure-JS dependencies are bundled (tree-shaken, one file to
// read instead of hundreds to resolve). Native addons, pino (its transports load files by path)
// and the lazily imported chart libraries stay in node_modules.
export default defineConfig(appBuild({ main: "src/main.ts" }, { bundle: ["zod", "kysely", "commander", "chrono-node", "croner", "ky", "@date-fns/tz"] }));
