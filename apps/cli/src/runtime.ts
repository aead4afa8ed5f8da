import { calendarSettingsFromEnv, createSamverkan, type Samverkan, type Store, type WriteContext, type Locale } from "@samverkan/sdk";
// The environment and store entry points alone: the package's root also brings the logger
// (pino) and metrics, which only `samverkan start` needs, and every command would load them.
import { readEnv, type RuntimeEnv } from "@samverkan/runtime/env";
import { openStore as openRuntimeStore } from "@samverkan/runtime/store";
import { t, type Messages } from "./i18n";

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

/** Bad input on the command line; its text comes from the catalogue, in both languages. */
export class CliUsageError extends Error {
  readonly sv: string;
  readonly en: string;
  constructor(text: (m: Messages) => string) {
    const en = text(t("en"));
    super(en);
    this.en = en;
    this.sv = text(t("sv"));
  }
}

/** The staff member named by `--as` or SAMVERKAN_USER (id, e-mail or name). */
export async function actingAs(rt: CliRuntime, as: string | undefined): Promise<WriteContext> {
  const who = as ?? cliEnv().cli.user;
  if (!who) {
    throw new CliUsageError((m) => m.usage.sayWhoYouAreWith);
  }
  const staff = await rt.sv.staff.find(who);
  if (!staff) {
    throw new CliUsageError((m) => m.usage.noStaffMemberSeeSamverkan(who));
  }
  return { actor: { staffId: staff.id }, channel: "cli" };
}
