import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
// The probes are not files in the tsconfig, so they are linted without type information
// (the catalogue rule is syntax only).
const eslint = new ESLint({ cwd: packageRoot, overrideConfig: tseslint.configs.disableTypeChecked });

async function catalogueComplaints(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax" && /message catalogue/.test(m.message)).length;
}

describe("text comes from the catalogue (lint)", () => {
  it("rejects a new inline Swedish/English choice in a flow", async () => {
    const code = [
      'export const a = (sv: boolean) => (sv ? "Hej" : "Hi");',
      'export const b = (locale: "sv" | "en") => (locale === "sv" ? "Hej" : "Hi");',
      'export const c = { sv: "Hej", en: "Hi" };',
    ].join("\n");
    expect(await catalogueComplaints(code, "src/engine/flows/probe.ts")).toBe(3);
  });

  it("allows the catalogue itself and code that only reads it", async () => {
    expect(await catalogueComplaints('export const a = { sv: "Hej", en: "Hi" };', "src/i18n/probe.ts")).toBe(0);
    expect(await catalogueComplaints('import { t } from "../../i18n";\nexport const a = t("sv").common.booked;', "src/engine/flows/probe.ts")).toBe(0);
  });
});
