import { defineConfig } from "tsup";
import { appBuild, withoutBuiltinEsmFacades } from "@samverkan/tsconfig/tsup-app.js";

const app = appBuild({ main: "src/main.ts" });

export default defineConfig(
  withoutBuiltinEsmFacades({
    ...app,
    // Every command starts a fresh process: zod alone is some 95 files, whose resolving and
    // linking cost more than the code itself, so the pure-JavaScript libraries every command
    // loads are bundled too (native modules and the rest stay in node_modules).
    noExternal: [...(app.noExternal ?? []), "zod", "commander", "croner"],
  }),
);
