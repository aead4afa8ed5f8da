import { samverkanVitestConfig } from "@samverkan/vitest-config";

export default samverkanVitestConfig();
