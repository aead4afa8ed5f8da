import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      "no-restricted-syntax": [
        "error",
        { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: "Read the environment in packages/runtime (readEnv) and pass the value in." },
      ],
    },
  },
  {
    // Plain JS entry points (bins, configs) run in Node.
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
