import base, { typed, ZOD_SYNTAX } from "@samverkan/eslint-config";

export default [
  ...base,
  ...typed(import.meta.dirname),
  // Test support: like the tests it serves, it reads the test database settings from the environment.
  { files: ["src/**/*.ts"], rules: { "no-restricted-properties": "off", "no-restricted-syntax": ["error", ...ZOD_SYNTAX] } },
];
