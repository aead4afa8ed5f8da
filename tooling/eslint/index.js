import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ENV_SYNTAX = [
  { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: "Read the environment in packages/runtime (readEnv) and pass the value in." },
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
  { selector: "ObjectExpression:has(> Property[key.name='sv'][value.type=/^(Literal|TemplateLiteral|ArrayExpression|ObjectExpression)$/]):has(> Property[key.name='en'])", message: CATALOGUE },
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
      rules: { "no-restricted-syntax": ["error", ...ENV_SYNTAX, ...INLINE_LANGUAGE_SYNTAX] },
    },
  ];
}

/** Shared flat config: recommended JS and TypeScript rules, no `any` leaking out. */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
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
      "no-restricted-syntax": ["error", ...ENV_SYNTAX],
    },
  },
  {
    // Plain JS entry points (bins, configs) run in Node.
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
