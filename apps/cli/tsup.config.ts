import { defineConfig } from "tsup";
import { appBuild } from "@samverkan/tsconfig/tsup-app.js";

export default defineConfig(appBuild({ main: "src/main.ts" }));
