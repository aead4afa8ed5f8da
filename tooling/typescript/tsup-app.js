// Shared tsup settings for the apps (Slack, Teams, CLI): one ESM bundle per entry for plain `node`.
/** @param {Record<string, string>} entry @returns {import("tsup").Options} */
export function appBuild(entry) {
  return {
    entry,
    format: ["esm"],
    platform: "node",
    target: "node24",
    clean: true,
    sourcemap: true,
    splitting: true,
    // Workspace packages are bundled from their TypeScript sources, so an app builds without
    // building the packages first; the app's own dependencies stay in node_modules.
    noExternal: [/^@samverkan\//],
    esbuildOptions(options) {
      options.conditions = ["@samverkan/source"];
    },
    // CommonJS code bundled into ESM still calls require() for Node built-ins.
    banner: { js: 'import { createRequire as __samverkanRequire } from "node:module"; const require = __samverkanRequire(import.meta.url);' },
  };
}
