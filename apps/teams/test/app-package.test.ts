import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { checkManifest, fillManifest } from "../src/app-package/manifest";
import { checkIcons, packageApp } from "../src/app-package/package-app";
import { readPngInfo } from "../src/app-package/png";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../src/handlers/message-extension";
import { readZip } from "./support/zip-reader";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const appPackageDir = join(appDir, "appPackage");
const APP_ID = "11111111-2222-3333-4444-555555555555";
const TEAMS_APP_ID = "22222222-3333-4444-5555-666666666666";
const temp = mkdtempSync(join(tmpdir(), "samverkan-teams-package-"));

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("Teams app package", () => {
  it("zips manifest.json, color.png and outline.png with the ids filled in", () => {
    const outFile = join(temp, "samverkan-teams.zip");
    const { manifest } = packageApp({ appPackageDir, outFile, env: { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: "samverkan.example.se" } });
    const entries = readZip(readFileSync(outFile));
    expect([...entries.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const zipped = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as typeof manifest;
    expect(zipped).toEqual(manifest);
    expect(zipped.id).toBe(TEAMS_APP_ID);
    expect(zipped.bots[0]!.botId).toBe(APP_ID);
    expect(zipped.composeExtensions[0]!.botId).toBe(APP_ID);
    expect(zipped.validDomains).toEqual(["samverkan.example.se"]);
    expect(checkManifest(zipped)).toEqual([]);
    expect(readPngInfo(entries.get("color.png")!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(entries.get("outline.png")!)).toMatchObject({ width: 32, height: 32 });
    expect(checkIcons(entries.get("color.png")!, entries.get("outline.png")!)).toEqual([]);
  });

  it("declares the bot in all three scopes and the message extension the app handles", () => {
    const { manifest } = packageApp({ appPackageDir, outFile: join(temp, "b.zip"), env: { MICROSOFT_APP_ID: APP_ID } });
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.manifestVersion).toBe("1.17");
    expect(manifest.$schema).toContain("/v1.17/MicrosoftTeams.schema.json");
    expect(manifest.bots[0]!.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.validDomains).toEqual([]);
    const [command] = manifest.composeExtensions[0]!.commands;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: "query", parameters: [{ name: SEARCH_PARAMETER }] });
    expect(manifest.name.short).toBe("Samverkan");
  });

  it("refuses to package without a valid MICROSOFT_APP_ID", () => {
    expect(() => packageApp({ appPackageDir, outFile: join(temp, "c.zip"), env: {} })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => packageApp({ appPackageDir, outFile: join(temp, "c.zip"), env: { MICROSOFT_APP_ID: "bot" } })).toThrow(/GUID/);
  });

  it("reports what the offline checks catch", () => {
    const template = readFileSync(join(appPackageDir, "manifest.json"), "utf8");
    const manifest = fillManifest(template, { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: "1.0.0" }) as Record<string, unknown>;
    expect(checkManifest({ ...manifest, name: { short: "S".repeat(31), full: "Samverkan" } })).toEqual([expect.stringContaining("name.short")]);
    expect(checkManifest({ ...manifest, manifestVersion: "1.13" })).toEqual([expect.stringContaining("manifestVersion")]);
    expect(checkManifest({ ...manifest, composeExtensions: [{ ...(manifest.composeExtensions as object[])[0], botId: TEAMS_APP_ID }] })).toEqual([
      expect.stringContaining("composeExtensions.botId"),
    ]);
    const { icons: _icons, ...withoutIcons } = manifest;
    expect(checkManifest(withoutIcons)).toEqual([expect.stringContaining("icons")]);
    expect(() => fillManifest(template, { MICROSOFT_APP_ID: APP_ID })).toThrow(/TEAMS_APP_ID/);
    const [color, outline] = [readFileSync(join(appPackageDir, "color.png")), readFileSync(join(appPackageDir, "outline.png"))];
    expect(checkIcons(outline, color)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("color.png: must be 192×192"),
        expect.stringContaining("outline.png: must be 32×32"),
        expect.stringContaining("only white"),
      ]),
    );
  });

  it("ships the icons rendered from their SVG sources", () => {
    // The PNGs are committed; scripts/generate-icons.ts renders them again after an SVG changes.
    for (const name of ["color", "outline"]) expect(readFileSync(join(appPackageDir, "icons", `${name}.svg`), "utf8")).toContain("<svg");
    const outline = readFileSync(join(appPackageDir, "outline.png"));
    expect(checkIcons(readFileSync(join(appPackageDir, "color.png")), outline)).toEqual([]);
  });

  it("packages from the command line (pnpm package)", async () => {
    const outFile = join(temp, "cli.zip");
    const tsx = join(appDir, "node_modules", ".bin", "tsx");
    const { stdout } = await promisify(execFile)(tsx, ["scripts/package-app.ts", "--out", outFile], {
      cwd: appDir,
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID },
    });
    expect(stdout).toContain(outFile);
    expect([...readZip(readFileSync(outFile)).keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
  });
});
