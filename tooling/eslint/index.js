import js from "@eslint/js";
import checkFile from "eslint-plugin-check-file";
import tseslint from "typescript-eslint";

const JS_FILES = ["**/*.js", "**/*.mjs", "**/*.cjs"];
/** Files in no tsconfig (plain JS, build and mutation-testing configs): linted without type information. */
const UNTYPED_FILES = [...JS_FILES, "tsup.config.ts", "vitest.mutate*.config.ts"];
const untyped = [{ files: UNTYPED_FILES, ...tseslint.configs.disableTypeChecked }];

const ENV_SYNTAX = [
  {
    selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
    message: "Read the environment in packages/runtime (readEnv) and pass the value in.",
  },
];

/**
 * `{ z }` is zod's whole namespace object, locales and JSON Schema converters included, so a
 * bundler must keep all of it; `* as z` lets the apps' (and SDK users') bundles drop what is
 * unused: the CLI's bundle shrank from 2.0 to 1.4 MB.
 */
export const ZOD_SYNTAX = [
  {
    selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
    message: 'Import zod as `import * as z from "zod"`, which bundlers can tree-shake.',
  },
];

const CATALOGUE = "Take user-facing text from the message catalogue (t(locale).section.key in src/i18n), not an inline Swedish/English choice.";
const LANGUAGE_TEST = "/^(sv|en)$/";

/**
 * Inline language choices: `sv ? "…" : "…"`, `locale === "sv" ? … : …`, `{ sv: "…", en: "…" }` and
 * `locale === "sv"` itself. Text comes from one catalogue per language; only src/i18n may tell them apart.
 */
const INLINE_LANGUAGE_SYNTAX = [
  { selector: "ConditionalExpression[test.type='Identifier'][test.name=/^(sv|isSv|swedish|english|isEn)$/]", message: CATALOGUE },
  { selector: `BinaryExpression[operator=/^[!=]==?$/][right.type='Literal'][right.value=${LANGUAGE_TEST}]`, message: CATALOGUE },
  { selector: `BinaryExpression[operator=/^[!=]==?$/][left.type='Literal'][left.value=${LANGUAGE_TEST}]`, message: CATALOGUE },
  {
    selector:
      "ObjectExpression:has(> Property[key.name='sv'][value.type=/^(Literal|TemplateLiteral|ArrayExpression|ObjectExpression)$/]):has(> Property[key.name='en'])",
    message: CATALOGUE,
  },
];

/**
 * For packages whose text is all in a catalogue (chat, cli): forbids inline Swedish/English choices
 * in src, except in the catalogue itself (src/i18n) and the files listed in `allow`.
 */
export function catalogueOnly({ allow = [] } = {}) {
  return [
    {
      files: ["src/**/*.ts"],
      ignores: ["src/main.ts", "src/**/*.test.ts", "src/i18n/**", ...allow],
      rules: { "no-restricted-syntax": ["error", ...ENV_SYNTAX, ...ZOD_SYNTAX, ...INLINE_LANGUAGE_SYNTAX] },
    },
  ];
}

/**
 * Shared flat config: recommended JS rules and typescript-eslint's type-checked recommended rules,
 * no `any` leaking out, no unhandled promises, no non-null assertions. Type information comes from
 * the package's own tsconfig.json (projectService); pass the package directory as `tsconfigRootDir`
 * with `typed(import.meta.dirname)` so ESLint run from any working directory finds it.
 */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // `async` without `await` is how this code implements Promise-returning contracts (Bolt
      // listeners, stop()/close(), fakes): a throw becomes a rejection. Rewriting them as
      // `Promise.resolve()` wrappers would turn such throws synchronous.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": ["error", ...ZOD_SYNTAX],
    },
  },
  {
    // Tests: a `!` on a value the test has just arranged fails the test with a TypeError if the
    // assumption breaks, which is the assertion wanted; parsed JSON output (`any`) is checked with
    // expect(), not by the type system; a method taken off its object is only put back or wrapped
    // (a store that fails, a crash at a given statement). Source and scripts keep these rules.
    files: ["test/**/*.ts", "src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Benchmarks index the arrays and maps they have just filled (samples, percentiles, workers);
    // a wrong assumption there throws at once and aborts the run, which is what a `!` says.
    files: ["bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The environment is read once, in @samverkan/runtime (readEnv); libraries and app modules
    // get values passed in. Entry points (src/main.ts), tests, benchmarks and scripts may read it.
    files: ["src/**/*.ts"],
    ignores: ["src/main.ts", "src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment in packages/runtime (readEnv) and pass the value in." },
      ],
      "no-restricted-syntax": ["error", ...ENV_SYNTAX, ...ZOD_SYNTAX],
    },
  },
  {
    // One case style for file names: kebab-case (`digest-cards.ts`, `slack-poster.test.ts`; the
    // part after the first dot is not checked). Imports then never differ only in case.
    files: ["**/*.{ts,mts,js,mjs,cjs}"],
    plugins: { "check-file": checkFile },
    rules: { "check-file/filename-naming-convention": ["error", { "**/*.{ts,mts,js,mjs,cjs}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }] },
  },
  {
    // Plain JS entry points (bins, configs) run in Node.
    files: JS_FILES,
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  ...untyped,
);

/**
 * Points type-aware linting at the package's tsconfig.json: `...typed(import.meta.dirname)` after the
 * base config. Files in no tsconfig (bins, eslint.config.js, tsup.config.ts) stay untyped.
 */
export function typed(tsconfigRootDir) {
  return [{ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } } }, ...untyped];
}
