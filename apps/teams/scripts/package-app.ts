/**
 * `pnpm --filter @samverkan/teams package`: fills appPackage/manifest.json from the
 * environment (MICROSOFT_APP_ID; optional TEAMS_APP_ID, TEAMS_APP_VERSION, BOT_DOMAIN),
 * checks it and the icons, and writes appPackage/build/samverkan-teams.zip to sideload
 * in Teams. `--out <file>` writes elsewhere.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ManifestError } from "../src/app-package/manifest";
import { packageApp } from "../src/app-package/package-app";

const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "appPackage");
const outIndex = process.argv.indexOf("--out");
const outArg = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const outFile = outArg ? resolve(outArg) : join(appPackageDir, "build", "samverkan-teams.zip");

try {
  const { manifest, zipPath } = packageApp({ appPackageDir, outFile, env: process.env });
  console.log(`Teams app package: ${zipPath}`);
  console.log(`  app id ${manifest.id}, bot id ${manifest.bots[0]?.botId}, version ${manifest.version}`);
  console.log("Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.");
} catch (error) {
  if (error instanceof ManifestError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
