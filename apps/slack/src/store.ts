import type { Store } from "@samverkan/sdk";
import type { SlackConfig } from "./config";

/** PostgreSQL when DATABASE_URL is set (several instances side by side), else the SQLite file. */
export async function openStore(config: Pick<SlackConfig, "store">, onQueryError?: (error: unknown) => void): Promise<Store> {
  const hook = onQueryError ? { onQueryError } : {};
  if (config.store.kind === "postgres") {
    const { createPostgresStore } = await import("@samverkan/sdk/postgres");
    return createPostgresStore({ connectionString: config.store.url, ...(config.store.schema ? { schema: config.store.schema } : {}), ...hook });
  }
  const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
  return createSqliteStore({ ...(config.store.file ? { file: config.store.file } : {}), ...hook });
}
