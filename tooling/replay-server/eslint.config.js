import base, { typed } from "@samverkan/eslint-config";

export default [...base, ...typed(import.meta.dirname)];
