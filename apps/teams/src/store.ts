import type { Store } from "@samverkan/sdk";

/** PostgreSQL when DATABASE_URL is set (several instances side by side), else the embedded SQLite file. */
export async function openStore(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Store> {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { createPostgresStore } = await import("@samverkan/sdk/postgres");
    return createPostgresStore({ connectionString: url, ...(env.SAMVERKAN_PG_SCHEMA ? { schema: env.SAMVERKAN_PG_SCHEMA } : {}) });
  }
  const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
  return createSqliteStore(env.SAMVERKAN_DB ? { file: env.SAMVERKAN_DB } : {});
}
