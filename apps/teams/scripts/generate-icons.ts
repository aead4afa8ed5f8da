/**
 * Writes appPackage/color.png (192×192) and appPackage/outline.png (32×32), drawn in code:
 * `npx tsx scripts/generate-icons.ts`. The output is deterministic, so the committed
 * icons can be checked against it.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { colorIcon, outlineIcon } from "../src/app-package/icons";
import { encodePng } from "../src/app-package/png";

const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "appPackage");
writeFileSync(join(appPackageDir, "color.png"), encodePng(colorIcon()));
writeFileSync(join(appPackageDir, "outline.png"), encodePng(outlineIcon()));
console.log(`Wrote color.png and outline.png to ${appPackageDir}`);
