import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as z from "zod";
import { checkManifest, fillManifest, ManifestError, type TeamsManifest } from "./manifest";
import { decodeRgbaPng, readPngInfo } from "./png";
import { createZip } from "./zip";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const packageEnvSchema = z.object({
  MICROSOFT_APP_ID: z.string({ error: "MICROSOFT_APP_ID: set the bot's app id (a GUID)" }).regex(GUID, { error: "MICROSOFT_APP_ID: must be a GUID" }),
  TEAMS_APP_ID: z.string().regex(GUID, { error: "TEAMS_APP_ID: must be a GUID" }).optional(),
  TEAMS_APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, { error: "TEAMS_APP_VERSION: use MAJOR.MINOR.PATCH, e.g. 1.0.0" })
    .optional(),
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, { error: "BOT_DOMAIN: a host name such as samverkan.example.se, without https://" })
    .optional(),
});

export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Problems with the two icons Teams requires (size; outline only white on transparent). */
export function checkIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, file] of [
    ["color", color],
    ["outline", outline],
  ] as const) {
    const info = readPngInfo(file);
    const size = ICON_SIZES[name];
    if (info.width !== size || info.height !== size) problems.push(`${name}.png: must be ${size}×${size}, is ${info.width}×${info.height}`);
  }
  const image = decodeRgbaPng(outline);
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r, g, b, a] = [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2], image.pixels[i + 3]];
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      problems.push("outline.png: only white (#FFFFFF) on a transparent background is allowed");
      break;
    }
  }
  return problems;
}

export interface PackageResult {
  manifest: TeamsManifest;
  zipPath: string;
}

/**
 * Fills the manifest template from the environment, checks manifest and icons, and zips
 * manifest.json, color.png and outline.png (at the archive root, as Teams wants them).
 * The Teams app id defaults to the bot's app id.
 */
export function packageApp(options: { appPackageDir: string; outFile: string; env: Readonly<Record<string, string | undefined>> }): PackageResult {
  const env = packageEnvSchema.safeParse(Object.fromEntries(Object.entries(options.env).filter(([, value]) => value !== undefined && value !== "")));
  if (!env.success) throw new ManifestError(env.error.issues.map((issue) => issue.message).join("; "));
  const template = readFileSync(join(options.appPackageDir, "manifest.json"), "utf8");
  const manifest = fillManifest(template, {
    MICROSOFT_APP_ID: env.data.MICROSOFT_APP_ID.toLowerCase(),
    TEAMS_APP_ID: (env.data.TEAMS_APP_ID ?? env.data.MICROSOFT_APP_ID).toLowerCase(),
    TEAMS_APP_VERSION: env.data.TEAMS_APP_VERSION ?? "1.0.0",
    BOT_DOMAIN: env.data.BOT_DOMAIN,
  });
  const color = readFileSync(join(options.appPackageDir, "color.png"));
  const outline = readFileSync(join(options.appPackageDir, "outline.png"));
  const problems = [...checkManifest(manifest), ...checkIcons(color, outline)];
  if (problems.length > 0) throw new ManifestError(`the app package is not valid:\n- ${problems.join("\n- ")}`);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(
    options.outFile,
    createZip([
      { name: "manifest.json", data: Buffer.from(manifestText, "utf8") },
      { name: "color.png", data: color },
      { name: "outline.png", data: outline },
    ]),
  );
  return { manifest: manifest as TeamsManifest, zipPath: options.outFile };
}
