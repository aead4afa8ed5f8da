// Shared tsup settings for the apps (Slack, Teams, CLI): one ESM bundle per entry for plain `node`.
import { builtinModules, isBuiltin } from "node:module";

/**
 * Node's ESM face of a built-in module reads every export when it is first imported, which
 * loads what those getters hide (fs's streams, crypto's WebCrypto) even if nothing uses it,
 * a few milliseconds of every start. Bundled as `process.getBuiltinModule()`, a built-in is
 * read the way `require()` reads it, and only what the code touches is loaded.
 * @type {import("esbuild").Plugin}
 */
const builtinsWithoutEsmFacade = {
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
    // building the packages first; the app's own dependencies stay in node_modules.
    // Built-ins too, so that tsup leaves them to the plugin below instead of marking them external.
    noExternal: [/^@samverkan\//, new RegExp(`^(node:)?(${builtinModules.join("|")})$`)],
    esbuildPlugins: [builtinsWithoutEsmFacade],
    // tsup would otherwise strip `node:` and mark the built-in external before the plugin sees it.
    removeNodeProtocol: false,
    esbuildOptions(options) {
      options.conditions = ["@samverkan/source"];
    },
    // CommonJS code bundled into ESM still calls require() for what stays in node_modules
    // (node:module is read without an ESM import, for the reason given at the plugin above).
    banner: { js: 'const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);' },
  };
}
