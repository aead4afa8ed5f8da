import * as z from "zod";
import type { Kysely, Transaction } from "kysely";
import type { QualityDialogue } from "../domain/dialogue";
import type { Database } from "../store/schema";

/** Someone invited to a dialogue besides the booking staff member. */
export interface CalendarAttendee {
  name: string;
  email: string;
  /** `staff` for participating staff; other sources (contact persons) name their own kind. */
  kind: string;
}

/**
 * Adds attendees to a dialogue's invitation, e.g. the organizer's contact persons chosen
 * for the dialogue. Called inside the booking's transaction (reads see its writes).
 */
export type AttendeeSource = (dialogue: QualityDialogue, db: Kysely<Database> | Transaction<Database>) => Promise<CalendarAttendee[]>;

export const mailSettingsSchema = z.object({
  /** `smtp://user:pass@host:587` or `smtps://…`. */
  smtpUrl: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL." }),
  /** The sender, e.g. `Samverkan <samverkan@skolverket.se>`. */
  from: z.string().trim().min(3),
});

export const graphSettingsSchema = z.object({
  tenantId: z.string().trim().min(1),
  clientId: z.string().trim().min(1),
  clientSecret: z.string().min(1),
  /** Default `https://graph.microsoft.com/v1.0`. */
  baseUrl: z.url().default("https://graph.microsoft.com/v1.0"),
  /** Default `https://login.microsoftonline.com`; the token endpoint is `<authority>/<tenant>/oauth2/v2.0/token`. */
  authorityUrl: z.url().default("https://login.microsoftonline.com"),
});
export type GraphSettings = z.output<typeof graphSettingsSchema>;

export const calendarSettingsSchema = z.object({
  mail: mailSettingsSchema.nullable().default(null),
  /** Public base URL of the app's HTTP server, for feed URLs and "add to calendar" links. */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .nullable()
    .default(null),
  /** Key for signed links and feed tokens; at least 32 characters. */
  linkSecret: z.string().min(32, { message: "SAMVERKAN_LINK_SECRET must be at least 32 characters." }).nullable().default(null),
  /** Link back to the chat, printed in every invitation (e.g. the Slack app or Teams app deep link). */
  chatUrl: z.url().nullable().default(null),
  graph: graphSettingsSchema.nullable().default(null),
});
export type CalendarSettingsInput = z.input<typeof calendarSettingsSchema>;
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

/**
 * Reads calendar, mail and Graph settings from an environment object. Only entry points
 * (the apps, the CLI) call this with the environment they read; the SDK itself never reads it.
 * Mail is on only when both SMTP_URL and SAMVERKAN_MAIL_FROM are set, Graph only when all three GRAPH_* are.
 */
export function calendarSettingsFromEnv(env: Record<string, string | undefined>): CalendarSettings {
  const smtpUrl = blank(env.SMTP_URL);
  const from = blank(env.SAMVERKAN_MAIL_FROM);
  const tenantId = blank(env.GRAPH_TENANT_ID);
  const clientId = blank(env.GRAPH_CLIENT_ID);
  const clientSecret = blank(env.GRAPH_CLIENT_SECRET);
  const input: CalendarSettingsInput = {
    mail: smtpUrl && from ? { smtpUrl, from } : null,
    publicUrl: blank(env.SAMVERKAN_PUBLIC_URL) ?? null,
    linkSecret: blank(env.SAMVERKAN_LINK_SECRET) ?? null,
    chatUrl: blank(env.SAMVERKAN_CHAT_URL) ?? null,
    graph:
      tenantId && clientId && clientSecret
        ? {
            tenantId,
            clientId,
            clientSecret,
            ...(blank(env.GRAPH_BASE_URL) ? { baseUrl: blank(env.GRAPH_BASE_URL) } : {}),
            ...(blank(env.GRAPH_AUTHORITY_URL) ? { authorityUrl: blank(env.GRAPH_AUTHORITY_URL) } : {}),
          }
        : null,
  };
  return resolveCalendarSettings(input);
}

export function resolveCalendarSettings(input: CalendarSettingsInput = {}): CalendarSettings {
  const parsed = calendarSettingsSchema.safeParse(input);
  if (!parsed.success) {
    // Name the setting, never echo its value (it may be a secret).
    const details = parsed.error.issues.map((i) => `${i.path.join(".") || "calendar"}: ${i.message}`).join("; ");
    throw new Error(`Invalid calendar configuration: ${details}`);
  }
  return parsed.data;
}
