import type { WriteContext } from "../services/context";
import type { ImportOptions, ImportSummary } from "../data/import-export";
import type { SyncOptions, SyncSummary } from "../data/sync";
import type { RegisterStatus, RegisterSyncOptions, RegisterSyncSummary } from "../data/register-sync";

/** Bringing real school data in: Skolverket's statistics export, its API and Skolenhetsregistret. Reached as `sv.data`. */
export interface DataService {
  /**
   * Imports Skolverket's statistics export (CSV) in batches (admin).
   * @throws {@link StatisticsExportFormatError} when the text is not a statistics export.
   * @throws {@link ValidationError} when the school year cannot be told.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const summary = await sv.data.importStatisticsExport(await readFile("export.csv", "utf8"), asAdmin, { source: "export.csv" });
   * ```
   */
  importStatisticsExport(text: string, ctx: WriteContext, options?: ImportOptions): Promise<ImportSummary>;
  /**
   * Syncs municipalities' units from the Planned Educations API: statistics, SALSA and
   * inspection documents (admin). Resumable; a failing unit is reported, not thrown.
   * @throws {@link ValidationError} when no valid municipality or county is named.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const summary = await sv.data.sync({ client: createSkolverketClient(), municipalities: ["1490"] }, asAdmin);
   * ```
   */
  sync(options: SyncOptions, ctx: WriteContext): Promise<SyncSummary>;
  /**
   * Every organizer and school unit of Skolenhetsregistret (`samverkan sync --register`); admin, resumable.
   * @throws {@link ForbiddenError} when the actor is not an admin.
   * @throws {@link NotFoundError} when the acting staff member is unknown.
   * @example
   * ```ts
   * const summary = await sv.data.syncRegister({ client: createSkolenhetsregistretClient() }, asAdmin);
   * ```
   */
  syncRegister(options: RegisterSyncOptions, ctx: WriteContext): Promise<RegisterSyncSummary>;
  /**
   * Active/inactive counts and time of the last completed register sync; null before any.
   * @example
   * ```ts
   * const status = await sv.data.registerStatus();
   * ```
   */
  registerStatus(): Promise<RegisterStatus | null>;
}
