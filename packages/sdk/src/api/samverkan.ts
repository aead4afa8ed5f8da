import type { Kysely } from "kysely";
import type { Database } from "../store/schema";
import type { Store } from "../store/store";
import type { SamverkanConfig } from "../services/context";
import type { Clock } from "../time";
import type { AssignmentService } from "./assignments";
import type { AuditService } from "./audit";
import type { BriefingService } from "./briefing";
import type { CalendarService } from "./calendar";
import type { ContactService } from "./contacts";
import type { CoverageService } from "./coverage";
import type { DataService } from "./data";
import type { DialogueService } from "./dialogues";
import type { DigestService } from "./digests";
import type { MunicipalitiesService, OrganizersService, SchoolsService } from "./directory";
import type { MailService } from "./mail";
import type { MinutesService } from "./minutes";
import type { NudgeService } from "./nudges";
import type { SelectionService } from "./selection";
import type { StaffService } from "./staff";
import type { StateService } from "./state";

/** Rows per table, for status pages and `samverkan status`. */
export interface StoreCounts {
  municipalities: number;
  organizers: number;
  schoolUnits: number;
  dialogues: number;
  assignments: number;
  staff: number;
}

/**
 * The SDK's entry point, made by `createSamverkan`: typed services over one store. Every
 * write takes a `WriteContext` (who, through which channel) and is checked and audited.
 *
 * @example
 * ```ts
 * const sv = createSamverkan({ store: await createSqliteStore({ file: "./data/samverkan.db" }) });
 * const karin = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor", homeOfficeId: "Solna" }, system);
 * const next = await sv.dialogues.listUpcoming({ staffId: karin.id });
 * ```
 */
export interface Samverkan {
  /**
   * The store the services run on.
   * @deprecated Read with {@link Samverkan.query} instead (it cannot write); writes go through the services,
   * which check roles and audit. Kept while apps and tests move over.
   */
  readonly store: Store;
  /** The resolved configuration: offices, working hours, time zone, coverage goal. */
  readonly config: SamverkanConfig;
  /** The clock every service reads "now" from. */
  readonly clock: Clock;
  /** Sweden's municipalities. */
  readonly municipalities: MunicipalitiesService;
  /** Principal organizers (huvudmän): lookup, search, additions by hand. */
  readonly organizers: OrganizersService;
  /** School units: lookup, search, profile, rankings. */
  readonly schools: SchoolsService;
  /** Skolverket's statistics export, API sync and Skolenhetsregistret. */
  readonly data: DataService;
  /** Which school units to approach, with figures in context. */
  readonly selection: SelectionService;
  /** Staff, roles and linked chat accounts. */
  readonly staff: StaffService;
  /** Quality dialogues: booking, rescheduling, cancelling, availability. */
  readonly dialogues: DialogueService;
  /** iCalendar, personal feeds and signed .ics links. */
  readonly calendar: CalendarService;
  /** The invitation outbox (SMTP or Microsoft Graph). */
  readonly mail: MailService;
  /** Contact persons at organizers (personal data: staff only, audited without the data). */
  readonly contacts: ContactService;
  /** Minutes after a dialogue, with agreed actions and the next dialogue's date. */
  readonly minutes: MinutesService;
  /** Everything to know before a dialogue with an organizer. */
  readonly briefing: BriefingService;
  /** Personal reminders as direct messages, claimed once across instances. */
  readonly nudges: NudgeService;
  /** Plans, assignments and their append-only progress. */
  readonly assignments: AssignmentService;
  /** Progress toward meeting every principal organizer. */
  readonly coverage: CoverageService;
  /** The audit trail. */
  readonly audit: AuditService;
  /** Shared key/value state and exactly-once event claims for the apps. */
  readonly state: StateService;
  /** Scheduled digests: subscriptions, runs and facts. */
  readonly digests: DigestService;
  /**
   * Rows per table.
   * @example
   * ```ts
   * const { schoolUnits } = await sv.counts();
   * ```
   */
  counts(): Promise<StoreCounts>;
  /**
   * Runs a read of your own against the database, typed by the store's schema. The read
   * runs in a read-only transaction: on PostgreSQL a `READ ONLY` transaction, on SQLite
   * with `query_only` on, so an insert, update or delete inside fails and nothing is
   * written. Use the services for writes: they check roles and leave an audit trail.
   * Query through the `db` given to `read`, not through anything else, while it runs.
   *
   * @param read - the read; its result is returned.
   * @throws Whatever `read` throws, and the database's error when it tries to write.
   * @example
   * ```ts
   * const busiest = await sv.query((db) =>
   *   db.selectFrom("dialogues").select(["organizer_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("organizer_id").orderBy("n", "desc").limit(5).execute(),
   * );
   * ```
   */
  query<T>(read: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}
