import base, { typed, ZOD_SYNTAX } from "@samverkan/eslint-config";

export default [
  ...base,
  ...typed(import.meta.dirname),
  // This package is where the environment is read.
  { files: ["src/**/*.ts"], rules: { "no-restricted-properties": "off", "no-restricted-syntax": ["error", ...ZOD_SYNTAX] } },
];
