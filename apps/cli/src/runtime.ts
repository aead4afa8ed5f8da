import { calendarSettingsFromEnv, createSamverkan, type Samverkan, type Store, type WriteContext, type Locale } from "@samverkan/sdk";
import { openStore as openRuntimeStore, readEnv, type RuntimeEnv } from "@samverkan/runtime";

export interface CliRuntime {
  sv: Samverkan;
  store: Store;
  locale: Locale;
  close(): Promise<void>;
}

let env: RuntimeEnv | undefined;

/** The environment, read and checked once (by @samverkan/runtime) on first use. */
export function cliEnv(): RuntimeEnv {
  env ??= readEnv();
  return env;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file. */
export function openStore(): Promise<Store> {
  return openRuntimeStore(cliEnv().store);
}

/** The language of messages; Swedish when even the environment cannot be read. */
export function cliLocale(): Locale {
  try {
    return cliEnv().cli.locale;
  } catch {
    return "sv";
  }
}

export async function openRuntime(): Promise<CliRuntime> {
  const store = await openStore();
  const now = cliEnv().cli.now;
  // Mail (SMTP_URL, SAMVERKAN_MAIL_FROM), links (SAMVERKAN_PUBLIC_URL, SAMVERKAN_LINK_SECRET) and Graph.
  const calendar = calendarSettingsFromEnv(cliEnv().vars);
  const sv = createSamverkan({ store, calendar, ...(now ? { clock: () => new Date(now) } : {}) });
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
  const who = as ?? cliEnv().cli.user;
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
