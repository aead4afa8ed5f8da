import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/** Resolve workspace packages to their TypeScript sources, so tests never need a build. */
const sourceConditions = ["@samverkan/source", "import", "module", "node", "default"];

export function samverkanVitestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  const base = defineConfig({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ["node"] } },
    test: {
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: process.env.CI ? ["default"] : ["default"],
      include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    },
  });
  return mergeConfig(base, overrides);
}
