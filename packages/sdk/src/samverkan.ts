import { resolveConfig, type SamverkanConfigInput } from "./config";
import type { Store } from "./store/store";
import { createAssignmentService } from "./services/assignments";
import { createAuditService } from "./services/audit";
import { createCoverageService } from "./services/coverage";
import { createDialogueService } from "./services/dialogues";
import { createDirectory } from "./services/directory";
import { createStaffService } from "./services/staff";
import { createStateService } from "./services/state";
import { createSearchService } from "./services/search";
import { createProfileService } from "./services/profile";
import { createDataService } from "./data/index";
import { createManualOrganizers } from "./data/manual-organizers";
import { createRankingService, createSelectionService } from "./selection/index";
import { createDigestService } from "./digests/service";
import { createContactService } from "./services/contacts";
import { createMinutesService } from "./services/minutes";
import { createBriefingService } from "./services/briefing";
import { createNudgeService } from "./services/nudges";
import { systemClock, type Clock } from "./time";
import { createCalendarService } from "./calendar/service";
import { resolveCalendarSettings, type AttendeeSource, type CalendarSettingsInput } from "./calendar/settings";
import { createMailService, type MailServiceOptions } from "./mail/service";
import { contactAttendees } from "./calendar/contact-attendees";
import type { Deps } from "./services/context";
import type { Samverkan } from "./api/samverkan";
import { readOnly } from "./store/read-only";

export type { Samverkan, StoreCounts } from "./api/samverkan";

export interface CreateSamverkanOptions {
  store: Store;
  config?: SamverkanConfigInput;
  /** Injected for tests and simulations; default the system clock. */
  clock?: Clock;
  /**
   * Calendar invitations, feeds and signed links (see `calendarSettingsFromEnv`). Off by
   * default: no mail is queued and no link is made until configured.
   */
  calendar?: CalendarSettingsInput & {
    /** Extra invitees per dialogue, e.g. the organizer's contact persons. */
    attendeeSources?: readonly AttendeeSource[];
    /** Replaces SMTP delivery of the outbox. */
    mailTransport?: MailServiceOptions["transport"];
    /** Retry tuning of the Microsoft Graph client. */
    graphClient?: MailServiceOptions["graph"];
  };
}

/**
 * The SDK's entry point: typed services over one store (see {@link Samverkan}).
 * @example
 * ```ts
 * const sv = createSamverkan({ store: await createSqliteStore({ file: "./data/samverkan.db" }) });
 * ```
 */
export function createSamverkan(options: CreateSamverkanOptions): Samverkan {
  const deps: Deps = { store: options.store, config: resolveConfig(options.config), clock: options.clock ?? systemClock };
  const directory = createDirectory(deps);
  const search = createSearchService(deps);
  const { attendeeSources = [], mailTransport, graphClient, ...calendarInput } = options.calendar ?? {};
  const calendarSettings = resolveCalendarSettings(calendarInput);
  // Contact persons chosen for a dialogue are invited along with the staff.
  const calendar = createCalendarService(deps, calendarSettings, [contactAttendees, ...attendeeSources], graphClient);
  const mail = createMailService(deps, calendarSettings, {
    ...(mailTransport ? { transport: mailTransport } : {}),
    ...(graphClient ? { graph: graphClient } : {}),
  });
  const { db } = deps.store;
  const dialogues = createDialogueService(deps, { calendar });
  const assignments = createAssignmentService(deps);
  const contacts = createContactService(deps, { calendar });
  const minutes = createMinutesService(deps);

  async function count(table: "municipalities" | "organizers" | "school_units" | "dialogues" | "assignments" | "staff"): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    store: deps.store,
    config: deps.config,
    clock: deps.clock,
    municipalities: directory.municipalities,
    organizers: { ...directory.organizers, search: search.organizers, ...createManualOrganizers(deps) },
    schools: { ...directory.schools, search: search.schools, profile: createProfileService(deps), rank: createRankingService(deps).rank },
    data: createDataService(deps, directory),
    selection: createSelectionService(deps),
    staff: createStaffService(deps),
    dialogues,
    /** iCalendar, personal feeds and signed .ics links. */
    calendar,
    /** The invitation outbox (SMTP or Microsoft Graph). */
    mail,
    /** Contact persons at organizers (personal data: staff only, audited without the data). */
    contacts,
    /** Minutes after a dialogue, with agreed actions and the next dialogue's date. */
    minutes,
    /** Everything to know before a dialogue with an organizer. */
    briefing: createBriefingService(deps, { dialogues, minutes, assignments, contacts }),
    /** Personal reminders as direct messages, claimed once across instances. */
    nudges: createNudgeService(deps, { assignments }),
    assignments,
    coverage: createCoverageService(deps),
    audit: createAuditService(deps),
    state: createStateService(deps),
    digests: createDigestService(deps),
    query: (read) => readOnly(deps.store, read),
    async counts() {
      const [municipalities, organizers, schoolUnits, dialogues, assignments, staff] = await Promise.all([
        count("municipalities"),
        count("organizers"),
        count("school_units"),
        count("dialogues"),
        count("assignments"),
        count("staff"),
      ]);
      return { municipalities, organizers, schoolUnits, dialogues, assignments, staff };
    },
  };
}
