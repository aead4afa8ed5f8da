/**
 * Every environment variable Samverkan reads, its default and what it means: the one table
 * the README shows (rendered by `pnpm --filter @samverkan/runtime env-table`) and the zod
 * schema in env.ts checks. Plain data with no imports, so the render script runs under
 * Node's type stripping.
 */
export interface VariableDoc {
  name: string;
  /** Shown in the README; "–" when unset means "off" or "required". */
  default: string;
  meaning: string;
  /** Who reads it. */
  usedBy: ReadonlyArray<"all" | "cli" | "slack" | "teams" | "package script">;
}

export const VARIABLES = [
  { name: "SAMVERKAN_DB", default: "./data/samverkan.db", meaning: "embedded SQLite file (used when DATABASE_URL is unset)", usedBy: ["all"] },
  { name: "DATABASE_URL", default: "–", meaning: "`postgres://…`: use PostgreSQL (for several bot instances side by side)", usedBy: ["all"] },
  {
    name: "SAMVERKAN_PG_SCHEMA",
    default: "–",
    meaning: "PostgreSQL schema to use (created when missing); the connection's default otherwise",
    usedBy: ["all"],
  },
  {
    name: "SKOLVERKET_API_URL",
    default: "https://api.skolverket.se/planned-educations",
    meaning: "Skolverket's Planned Educations API v4 base",
    usedBy: ["all"],
  },
  {
    name: "SKOLENHETSREGISTRET_API_URL",
    default: "https://api.skolverket.se/skolenhetsregistret",
    meaning: "Skolverket's Skolenhetsregistret v2 base (`samverkan sync --register`, the scheduled sync)",
    usedBy: ["all"],
  },
  {
    name: "SAMVERKAN_SYNC_CRON",
    default: "–",
    meaning: "cron expression (store time zone, e.g. `30 2 * * *`): the apps refresh the register and statistics then, once across instances; off when unset",
    usedBy: ["slack", "teams"],
  },
  {
    name: "SAMVERKAN_SYNC_MUNICIPALITIES",
    default: "–",
    meaning: "municipality codes (comma-separated) whose statistics the scheduled sync refreshes after the register; the register only when unset",
    usedBy: ["slack", "teams"],
  },
  {
    name: "LOG_LEVEL",
    default: "info",
    meaning: "fatal, error, warn, info, debug, trace or silent (pino, JSON lines on stdout; secrets redacted)",
    usedBy: ["all"],
  },
  { name: "SAMVERKAN_USER", default: "–", meaning: "the staff member the CLI and terminal chat act as (`--as` wins)", usedBy: ["cli"] },
  { name: "SAMVERKAN_LANG", default: "sv", meaning: "language of CLI output: sv or en", usedBy: ["cli"] },
  {
    name: "SAMVERKAN_NOW",
    default: "the system clock",
    meaning: 'a fixed "now" (ISO 8601) for demos and tests: the CLI, `samverkan parse` (unless `--now`), the terminal chat and `start`',
    usedBy: ["cli"],
  },
  {
    name: "SAMVERKAN_PUBLIC_URL",
    default: "–",
    meaning: "public base URL of the apps, for signed calendar (.ics) links and coverage charts (PNG) on cards and digests",
    usedBy: ["all"],
  },
  { name: "SAMVERKAN_LINK_SECRET", default: "–", meaning: "secret that signs the expiring calendar and chart links", usedBy: ["all"] },
  { name: "SAMVERKAN_CHAT_URL", default: "–", meaning: "link back to the chat in calendar invitations", usedBy: ["all"] },
  { name: "SMTP_URL", default: "–", meaning: "`smtp://…`: send calendar invitations by mail (outbox)", usedBy: ["all"] },
  { name: "SAMVERKAN_MAIL_FROM", default: "–", meaning: "sender address of invitation mail", usedBy: ["all"] },
  { name: "GRAPH_TENANT_ID", default: "–", meaning: "Microsoft Graph calendar sync: tenant", usedBy: ["all"] },
  { name: "GRAPH_CLIENT_ID", default: "–", meaning: "Microsoft Graph calendar sync: app (client) id", usedBy: ["all"] },
  { name: "GRAPH_CLIENT_SECRET", default: "–", meaning: "Microsoft Graph calendar sync: client secret", usedBy: ["all"] },
  {
    name: "GRAPH_AUTHORITY_URL",
    default: "the public Entra ID endpoint",
    meaning: "Microsoft Graph token endpoint base (tests point it at a fake)",
    usedBy: ["all"],
  },
  { name: "GRAPH_BASE_URL", default: "the public Graph API", meaning: "Microsoft Graph API base (tests point it at a fake)", usedBy: ["all"] },
  {
    name: "PORT",
    default: "3000 (Slack), 3978 (Teams)",
    meaning: "HTTP port of the app (`/healthz`, the platform endpoints, `/metrics`)",
    usedBy: ["slack", "teams"],
  },
  { name: "HOST", default: "0.0.0.0 (Teams dev mode: 127.0.0.1)", meaning: "address the app listens on", usedBy: ["slack", "teams"] },
  {
    name: "SHUTDOWN_GRACE_SECONDS",
    default: "10",
    meaning: "on SIGTERM, how long accepted work may finish (new requests get 503) before exit",
    usedBy: ["slack", "teams"],
  },
  { name: "NODE_ENV", default: "–", meaning: "`production` refuses TEAMS_DEV_NO_AUTH", usedBy: ["teams"] },
  {
    name: "METRICS_TOKEN",
    default: "–",
    meaning: "bearer token that opens `GET /metrics` on PORT; without it (and without METRICS_PORT) /metrics is not served",
    usedBy: ["slack", "teams"],
  },
  { name: "METRICS_PORT", default: "–", meaning: "serve `GET /metrics` without a token on this port, bound to 127.0.0.1 only", usedBy: ["slack", "teams"] },
  { name: "SLACK_BOT_TOKEN", default: "–", meaning: "Bot User OAuth Token (`xoxb-…`)", usedBy: ["slack"] },
  { name: "SLACK_SIGNING_SECRET", default: "–", meaning: "Signing Secret (HTTP mode; every request is verified with it)", usedBy: ["slack"] },
  { name: "SLACK_APP_TOKEN", default: "–", meaning: "app-level token (`xapp-…`): Socket Mode instead of a public URL", usedBy: ["slack"] },
  {
    name: "SLACK_ALLOWED_TEAM_IDS",
    default: "–",
    meaning: "workspaces (`T…`) or Enterprise Grid orgs (`E…`) allowed, comma-separated; all others are refused",
    usedBy: ["slack"],
  },
  { name: "SLACK_API_URL", default: "https://slack.com/api/", meaning: "Slack Web API base (tests point it at a fake)", usedBy: ["slack"] },
  { name: "SLACK_COMMAND", default: "/samverkan", meaning: "the slash command as configured in the manifest", usedBy: ["slack"] },
  { name: "SLACK_WORK_QUEUE_LIMIT", default: "256", meaning: 'answers queued or running before new requests get a polite "busy" note', usedBy: ["slack"] },
  { name: "MICROSOFT_APP_ID", default: "–", meaning: "the Azure Bot's app id (also read as `MicrosoftAppId`)", usedBy: ["teams", "package script"] },
  {
    name: "MICROSOFT_APP_PASSWORD",
    default: "–",
    meaning: "the bot's client secret (also `MicrosoftAppPassword`); not with UserAssignedMSI",
    usedBy: ["teams"],
  },
  {
    name: "MICROSOFT_APP_TYPE",
    default: "SingleTenant with a tenant id, else MultiTenant",
    meaning: "SingleTenant, MultiTenant or UserAssignedMSI (also `MicrosoftAppType`)",
    usedBy: ["teams"],
  },
  { name: "MICROSOFT_APP_TENANT_ID", default: "–", meaning: "the bot's Entra ID tenant (also `MicrosoftAppTenantId`)", usedBy: ["teams"] },
  {
    name: "TEAMS_ALLOWED_TENANT_IDS",
    default: "the bot's tenant",
    meaning: "Entra ID tenants whose users may use the bot, comma-separated",
    usedBy: ["teams"],
  },
  {
    name: "TEAMS_DEV_NO_AUTH",
    default: "–",
    meaning: "`1`: run without MICROSOFT_APP_ID, requests NOT authenticated (local development only)",
    usedBy: ["teams"],
  },
  {
    name: "TEAMS_APP_ID",
    default: "derived from MICROSOFT_APP_ID",
    meaning: "Teams app manifest id (`pnpm --filter @samverkan/teams package`)",
    usedBy: ["package script"],
  },
  { name: "TEAMS_APP_VERSION", default: "the package version", meaning: "Teams app manifest version", usedBy: ["package script"] },
  { name: "BOT_DOMAIN", default: "–", meaning: "public host of the bot, for the manifest's valid domains", usedBy: ["package script"] },
] as const satisfies readonly VariableDoc[];

export type VariableName = (typeof VARIABLES)[number]["name"];

export const TABLE_START = "<!-- environment-table:start (generated from packages/runtime/src/variables.ts) -->";
export const TABLE_END = "<!-- environment-table:end -->";

/** The Markdown table between the README's markers. */
export function renderTable(): string {
  const code = (text: string) => (text === "–" || text.includes(" ") ? text : `\`${text}\``);
  const rows = VARIABLES.map((v) => `| \`${v.name}\` | ${code(v.default)} | ${v.usedBy.join(", ")} | ${v.meaning} |`);
  return ["| variable | default | used by | meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README with its table replaced by the current one; throws when the markers are missing. */
export function withTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderTable()}\n${readme.slice(end)}`;
}
