import { samverkanVitestConfig } from "@samverkan/vitest-config";

// `pnpm mutate:history` mutates the triggers that keep history append-only; only the
// tests that try to rewrite history (on both stores) judge them.
const config = samverkanVitestConfig();
export default { ...config, test: { ...config.test, include: ["test/store/append-only.test.ts", "test/lifecycle.test.ts"] } };
