import base, { catalogueOnly } from "@samverkan/eslint-config";

export default [...base, ...catalogueOnly()];
