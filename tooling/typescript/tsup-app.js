// Shared tsup settings for the apps (Slack, Teams, CLI): one ESM bundle per entry for plain `node`.
import { builtinModules, isBuiltin } from "node:module";

/**
 * Node's ESM face of a built-in module reads every export when it is first imported, which
 * loads what those getters hide (fs's streams, crypto's WebCrypto) even if nothing uses it,
 * a few milliseconds of every start. Bundled as `process.getBuiltinModule()`, a built-in is
 * read the way `require()` reads it, and only what the code touches is loaded.
 *
 * For the CLI only, where every command is a fresh process: the long-running apps came out
 * 20–40 MiB bigger after 1,000 turns with it (Teams memory benchmark), for a start-up that
 * happens once.
 * @type {import("esbuild").Plugin}
 */
export const builtinsWithoutEsmFacade = {
  name: "builtins-without-esm-facade",
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (isBuiltin(args.path) ? { path: args.path, namespace: "node-builtin" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "node-builtin" }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};
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
    // building the packages first; the app's own dependencies stay in node_modules, except zod:
    // its root re-exports every error-message locale and the JSON Schema converters (over half
    // of its code), which only a bundler leaves out (the code imports it as `import * as z`).
    noExternal: [/^@samverkan\//, "zod"],
    esbuildOptions(options) {
      options.conditions = ["@samverkan/source"];
    },
    // CommonJS code bundled into ESM still calls require() for Node built-ins and what stays in
    // node_modules (node:module is read without an ESM import, for the reason given above).
    banner: { js: 'const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);' },
  };
}

/**
 * `options` with Node's built-ins bundled through `builtinsWithoutEsmFacade`.
 * @param {import("tsup").Options} options @returns {import("tsup").Options}
 */
export function withoutBuiltinEsmFacades(options) {
  return {
    ...options,
    // Built-ins are left to the plugin instead of being marked external by tsup, which would
    // otherwise also strip `node:` before the plugin sees them.
    noExternal: [...(options.noExternal ?? []), new RegExp(`^(node:)?(${builtinModules.join("|")})$`)],
    esbuildPlugins: [...(options.esbuildPlugins ?? []), builtinsWithoutEsmFacade],
    removeNodeProtocol: false,
  };
}
