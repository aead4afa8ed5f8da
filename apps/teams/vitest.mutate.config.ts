import { samverkanVitestConfig } from "@samverkan/vitest-config";

// `pnpm mutate` (StrykerJS) runs only the tests that guard the allow-list.
const config = samverkanVitestConfig();
export default { ...config, test: { ...config.test, include: ["test/security.test.ts", "test/turn-guard.test.ts"] } };
