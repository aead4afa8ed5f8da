import { createSamverkan, type Samverkan, type Store } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";

/** The workspace on the allow-list, and one that is not. */
export const TEAM_ID = "T0SAMVERK";
export const FOREIGN_TEAM_ID = "T00FAKE00BB";
export const BOT_USER_ID = "U0SAMBOT";
export const BOT_ID = "B0SAMBOT";

/** Karin is an SPSM advisor linked to Slack; Sven is in the workspace but not registered. */
export const KARIN = { teamId: TEAM_ID, userId: "U0KARIN" };
export const UNKNOWN_USER = { teamId: TEAM_ID, userId: "U0SVEN" };

/** Monday 23 November 2026, 09:00 Swedish time. */
export const NOW = new Date("2026-11-23T09:00:00+01:00");

export interface World {
  sv: Samverkan;
  store: Store;
  karinId: string;
  stockholmId: string;
  borasId: string;
  assignmentRef: string;
}

/** Calendar links in tests: a public URL that is never dialled, and a test-only secret. */
export const CALENDAR = { publicUrl: "https://samverkan.example.se", linkSecret: "slack-test-link-secret-0123456789abcdefgh" };

/**
 * A small real-looking world in an in-memory SQLite store: three staff, Stockholm and
 * Borås with real school units and organisation numbers (from Skolverket's statistics
 * export), one assignment for Karin and one dialogue already in her calendar.
 */
export async function buildWorld(): Promise<World> {
  const store = await createSqliteStore({ file: ":memory:" });
  const sv = createSamverkan({ store, clock: () => NOW, calendar: CALENDAR });
  const system = { actor: { system: "test" }, channel: "system" } as const;
  const admin = await sv.staff.create({ name: "Astrid Admin", email: "astrid@skolverket.se", agency: "skolverket", role: "admin" }, system);
  const asAdmin = { actor: { staffId: admin.id }, channel: "api" } as const;
  const karin = await sv.staff.create(
    { name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "advisor", homeOfficeId: "solna", identities: [{ platform: "slack", ...KARIN }] },
    asAdmin,
  );
  const unitHead = await sv.staff.create({ name: "Ulla Chef", email: "ulla@spsm.se", agency: "spsm", role: "unitHead", homeOfficeId: "solna" }, asAdmin);

  await sv.municipalities.upsert(
    [
      { code: "0180", name: "Stockholm", countyCode: "01" },
      { code: "1490", name: "Borås", countyCode: "14" },
    ],
    system,
  );
  const stockholm = await sv.organizers.upsert(
    { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
    system,
  );
  const boras = await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
  await sv.schools.upsert({ code: "37416253", name: "Rinkebyskolan", municipalityCode: "0180", organizerId: stockholm.id, typesOfSchooling: ["gr"] }, system);
  await sv.schools.upsert({ code: "98081621", name: "Sandgärdskolan 7-9", municipalityCode: "1490", organizerId: boras.id, typesOfSchooling: ["gr"] }, system);
  await sv.schools.upsert(
    { code: "86215855", name: "Engelbrektskolan 7-9", municipalityCode: "1490", organizerId: boras.id, typesOfSchooling: ["gr"] },
    system,
  );

  const asUnitHead = { actor: { staffId: unitHead.id }, channel: "api" } as const;
  const plan = await sv.assignments.createPlan({ title: "Plan Rinkebyskolan 2026", schoolUnitCode: "37416253" }, asUnitHead);
  const assignment = await sv.assignments.create(
    { planId: plan.id, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: karin.id },
    asUnitHead,
  );

  // Karin is busy Thursday 3 December 10:00–11:00 (a digital dialogue with Stockholm).
  await sv.dialogues.book(
    { organizerId: stockholm.id, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 },
    { actor: { staffId: karin.id }, channel: "api" },
  );

  return { sv, store, karinId: karin.id, stockholmId: stockholm.id, borasId: boras.id, assignmentRef: assignment.ref };
}
