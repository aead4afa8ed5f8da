import * as z from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" }).max(2048);
const guid = z.string().regex(GUID, { error: "must be a GUID" });

/**
 * The parts of the Teams app manifest (schema v1.17) we can check offline: required
 * fields, the length limits Teams enforces on upload, ids, icons and our bot and
 * message-extension wiring.
 */
export const manifestSchema = z.looseObject({
  $schema: z.string().startsWith("https://developer.microsoft.com/en-us/json-schemas/teams/"),
  manifestVersion: z.string().regex(/^1\.(1[6-9]|2\d)$/, { error: "use manifest schema 1.16 or later" }),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: "must be MAJOR.MINOR.PATCH" }),
  id: guid,
  developer: z.looseObject({ name: z.string().min(1).max(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.looseObject({ color: z.string().min(1), outline: z.string().min(1) }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  bots: z
    .array(
      z.looseObject({
        botId: guid,
        scopes: z.array(z.enum(["personal", "team", "groupChat"])).min(1),
        commandLists: z
          .array(
            z.looseObject({
              scopes: z.array(z.enum(["personal", "team", "groupChat"])),
              commands: z.array(z.looseObject({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) })).max(10),
            }),
          )
          .max(3)
          .optional(),
      }),
    )
    .length(1),
  composeExtensions: z
    .array(
      z.looseObject({
        botId: guid,
        commands: z
          .array(
            z.looseObject({
              id: z.string().min(1).max(64),
              type: z.enum(["query", "action"]),
              title: z.string().min(1).max(32),
              description: z.string().max(128).optional(),
              parameters: z
                .array(z.looseObject({ name: z.string().min(1).max(64), title: z.string().min(1).max(32), description: z.string().max(128).optional() }))
                .min(1)
                .max(5),
            }),
          )
          .min(1)
          .max(10),
      }),
    )
    .max(1),
  validDomains: z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, { error: "a host name without scheme or path" })).max(16),
});

export type TeamsManifest = z.infer<typeof manifestSchema>;

export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

/**
 * Fills `${{NAME}}` placeholders in the manifest template. Values are JSON-escaped;
 * a placeholder without a value is an error, except an empty `validDomains` entry,
 * which is dropped (BOT_DOMAIN is optional).
 */
export function fillManifest(template: string, values: Readonly<Record<string, string | undefined>>): unknown {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return "";
    }
    return JSON.stringify(value).slice(1, -1);
  });
  const json = JSON.parse(filled) as Record<string, unknown>;
  if (Array.isArray(json.validDomains)) json.validDomains = json.validDomains.filter((domain) => domain !== "");
  missing.delete("BOT_DOMAIN");
  if (missing.size > 0) throw new ManifestError(`no value for ${[...missing].join(", ")} in the manifest template`);
  return json;
}

/** Every problem with a filled manifest, as readable lines; empty means it passes. */
export function checkManifest(manifest: unknown): string[] {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".") || "manifest"}: ${issue.message}`);
  const problems: string[] = [];
  // The schema asks for exactly one bot.
  const botId = parsed.data.bots[0]?.botId;
  for (const extension of parsed.data.composeExtensions) {
    if (extension.botId !== botId) problems.push("composeExtensions.botId: must be the bot's id");
  }
  if (JSON.stringify(manifest).includes("${{")) problems.push("manifest: unfilled ${{…}} placeholder");
  return problems;
}
