/**
 * A small real world in an in-memory SQLite store, built through the SDK: an admin, a
 * Teams-linked advisor (the fixtures' user), an unlinked Teams user, two organizers and
 * their schools. The clock is fixed on a Monday morning so "imorgon kl 10" is a weekday.
 */
import { createSamverkan, type Samverkan, type Store } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";

/** The tenant and user the recorded Teams fixtures come from. */
export const TENANT_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
export const ADVISOR_AAD_ID = "00000000-1111-2222-3333-444444444444";
export const FOREIGN_TENANT_ID = "99999999-8888-7777-6666-555555555555";
export const UNLINKED_AAD_ID = "77777777-1111-2222-3333-444444444444";

export const FIXED_NOW = new Date("2026-11-23T09:00:00+01:00");

export interface World {
  samverkan: Samverkan;
  store: Store;
  advisorId: string;
  stockholmId: string;
  goteborgId: string;
}

/** Calendar links in tests: a public URL that is never dialled, and a test-only secret. */
export const CALENDAR = { publicUrl: "https://samverkan.example.se", linkSecret: "teams-test-link-secret-0123456789abcdefgh" };

/** `file` defaults to an in-memory store; the benchmark passes a real file (WAL, as deployed). */
export async function buildWorld(file = ":memory:"): Promise<World> {
  const store = await createSqliteStore({ file });
  const samverkan = createSamverkan({ store, clock: () => new Date(FIXED_NOW), calendar: CALENDAR });
  const system = { actor: { system: "test" }, channel: "system" } as const;
  const admin = await samverkan.staff.create({ name: "Astrid Admin", email: "astrid@skolverket.se", agency: "skolverket", role: "admin" }, system);
  const asAdmin = { actor: { staffId: admin.id }, channel: "api" } as const;
  const advisor = await samverkan.staff.create(
    {
      name: "Karin Lind",
      email: "karin.lind@spsm.se",
      agency: "spsm",
      role: "advisor",
      homeOfficeId: "solna",
      identities: [{ platform: "teams", tenantId: TENANT_ID, aadObjectId: ADVISOR_AAD_ID }],
    },
    asAdmin,
  );
  await samverkan.municipalities.upsert(
    [
      { code: "0180", name: "Stockholm", countyCode: "01" },
      { code: "1480", name: "Göteborg", countyCode: "14" },
    ],
    asAdmin,
  );
  const stockholm = await samverkan.organizers.upsert(
    { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
    asAdmin,
  );
  const goteborg = await samverkan.organizers.upsert(
    { organizationNumber: "2120001355", name: "Göteborgs kommun", type: "municipal", municipalityCode: "1480" },
    asAdmin,
  );
  await samverkan.schools.upsert(
    { code: "39907811", name: "Rinkebyskolan", municipalityCode: "0180", organizerId: stockholm.id, typesOfSchooling: ["gr"] },
    asAdmin,
  );
  await samverkan.schools.upsert(
    { code: "12345678", name: "Hammarkullsskolan", municipalityCode: "1480", organizerId: goteborg.id, typesOfSchooling: ["gr"] },
    asAdmin,
  );
  return { samverkan, store, advisorId: advisor.id, stockholmId: stockholm.id, goteborgId: goteborg.id };
}

/** Rows in the store's shared-state tables (to show that nothing was written). */
export async function stateRowCounts(store: Store): Promise<{ kvState: number; processedEvents: number }> {
  const kv = await store.db
    .selectFrom("kv_state")
    .select(({ fn }) => fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const events = await store.db
    .selectFrom("processed_events")
    .select(({ fn }) => fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { kvState: Number(kv.n), processedEvents: Number(events.n) };
}
