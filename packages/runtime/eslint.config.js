export { default } from "@samverkan/eslint-config";
