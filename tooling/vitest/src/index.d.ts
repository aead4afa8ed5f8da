import type { ViteUserConfig } from "vitest/config";
export declare function samverkanVitestConfig(overrides?: ViteUserConfig): ViteUserConfig;
