// Plain JavaScript: vitest loads config files through Node, which cannot import .ts from a package.
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig, mergeConfig } from "vitest/config";

/** Resolve workspace packages to their TypeScript sources, so tests never need a build. */
const source = "@samverkan/source";

/** @param {import("vitest/config").ViteUserConfig} [overrides] */
export function samverkanVitestConfig(overrides = {}) {
  const base = defineConfig({
    resolve: { conditions: [source, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [source, ...defaultServerConditions] } },
    test: {
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 60_000,
      include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    },
  });
  return mergeConfig(base, overrides);
}
