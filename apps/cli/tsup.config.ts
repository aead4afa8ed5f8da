import { defineConfig } from "tsup";
import { appBuild, withoutBuiltinEsmFacades } from "@samverkan/tsconfig/tsup-app.js";

const app = appBuild({ main: "src/main.ts" });

export default defineConfig(
  withoutBuiltinEsmFacades({
    ...app,
    // Every command starts a fresh process, so the other pure-JavaScript libraries every command
    // loads are bundled too: resolving and linking their files costs more than their code
    // (native modules and the rest stay in node_modules).
    noExternal: [...(app.noExternal ?? []), "commander", "croner"],
  }),
);
