import base, { catalogueOnly, typed } from "@samverkan/eslint-config";

export default [...base, ...typed(import.meta.dirname), ...catalogueOnly()];
