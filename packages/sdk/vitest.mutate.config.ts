import { samverkanVitestConfig } from "@samverkan/vitest-config";

// `pnpm mutate` (StrykerJS) runs only the tests that guard authorization, conflict
// checking and append-only progress: the whole suite is too slow to rerun per mutant.
const config = samverkanVitestConfig();
export default {
  ...config,
  test: {
    ...config.test,
    include: ["test/assignments.test.ts", "test/dialogues.test.ts", "test/digests/subscriptions.test.ts", "test/store/append-only.test.ts"],
  },
};
