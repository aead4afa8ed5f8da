import { calendarSettingsFromEnv, createSamverkan, type Samverkan, type Store, type WriteContext, type Locale } from "@samverkan/sdk";

export interface CliRuntime {
  sv: Samverkan;
  store: Store;
  locale: Locale;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file. */
export async function openStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { createPostgresStore } = await import("@samverkan/sdk/postgres");
    return createPostgresStore({ connectionString: url, ...(process.env.SAMVERKAN_PG_SCHEMA ? { schema: process.env.SAMVERKAN_PG_SCHEMA } : {}) });
  }
  const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
  return createSqliteStore({});
}

export function cliLocale(): Locale {
  return (process.env.SAMVERKAN_LANG ?? "sv").toLowerCase().startsWith("en") ? "en" : "sv";
}

export async function openRuntime(): Promise<CliRuntime> {
  const store = await openStore();
  // Mail (SMTP_URL, SAMVERKAN_MAIL_FROM), links (SAMVERKAN_PUBLIC_URL, SAMVERKAN_LINK_SECRET) and Graph.
  const calendar = calendarSettingsFromEnv(process.env);
  const sv = createSamverkan({ store, calendar, ...(process.env.SAMVERKAN_NOW ? { clock: () => new Date(process.env.SAMVERKAN_NOW!) } : {}) });
  return { sv, store, locale: cliLocale(), close: () => store.close() };
}

export class CliUsageError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The staff member named by `--as` or SAMVERKAN_USER (id, e-mail or name). */
export async function actingAs(rt: CliRuntime, as: string | undefined): Promise<WriteContext> {
  const who = as ?? process.env.SAMVERKAN_USER;
  if (!who) {
    throw new CliUsageError(
      "Ange vem du är med --as <e-post eller id> eller SAMVERKAN_USER. Lägg till dig själv med `samverkan staff add`.",
      "Say who you are with --as <email or id> or SAMVERKAN_USER. Add yourself with `samverkan staff add`.",
    );
  }
  const staff = await rt.sv.staff.find(who);
  if (!staff) {
    throw new CliUsageError(
      `Hittade ingen medarbetare "${who}". Se \`samverkan staff list\`, eller lägg till med \`samverkan staff add\`.`,
      `No staff member "${who}". See \`samverkan staff list\`, or add one with \`samverkan staff add\`.`,
    );
  }
  return { actor: { staffId: staff.id }, channel: "cli" };
}
