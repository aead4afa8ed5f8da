import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/sqlite.ts", "src/postgres.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // Native drivers stay external: importing the root entry never loads them.
  external: ["better-sqlite3", "pg"],
});
