/**
 * Renders appPackage/icons/{color,outline}.svg into appPackage/color.png (192×192) and
 * appPackage/outline.png (32×32) with resvg: `npx tsx scripts/generate-icons.ts`. Run it
 * once after editing an SVG and commit the PNGs; the package step only reads the files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "appPackage");
for (const name of ["color", "outline"]) {
  const svg = readFileSync(join(appPackageDir, "icons", `${name}.svg`), "utf8");
  writeFileSync(join(appPackageDir, `${name}.png`), new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
}
console.log(`Wrote color.png and outline.png to ${appPackageDir}`);
