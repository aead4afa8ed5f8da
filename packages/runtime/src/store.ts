import type { Store } from "@samverkan/sdk";
import type { StoreSettings } from "./env";

/** PostgreSQL when DATABASE_URL is set (several instances side by side), else the embedded SQLite file. */
export async function openStore(settings: StoreSettings, onQueryError?: (error: unknown) => void): Promise<Store> {
  if (settings.kind === "postgres") {
    const { createPostgresStore } = await import("@samverkan/sdk/postgres");
    return createPostgresStore({
      connectionString: settings.url,
      ...(settings.schema ? { schema: settings.schema } : {}),
      ...(onQueryError ? { onQueryError } : {}),
    });
  }
  const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
  return createSqliteStore({ file: settings.file, ...(onQueryError ? { onQueryError } : {}) });
}
