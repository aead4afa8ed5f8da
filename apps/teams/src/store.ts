import type { Store } from "@samverkan/sdk";
import { openStore as openRuntimeStore, type StoreSettings } from "@samverkan/runtime";

/** PostgreSQL when DATABASE_URL is set (several instances side by side), else the embedded SQLite file. */
export function openStore(settings: StoreSettings, onQueryError?: (error: unknown) => void): Promise<Store> {
  return openRuntimeStore(settings, onQueryError);
}
