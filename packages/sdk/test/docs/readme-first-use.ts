// The README's first example, verbatim: test/docs/readme-example.test.ts keeps the two equal,
// and `pnpm typecheck` compiles this file against the SDK.
import { createSamverkan, ConflictError } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";

const store = await createSqliteStore({ file: "./data/samverkan.db" }); // migrations run on open
const sv = createSamverkan({ store });

const system = { actor: { system: "setup" }, channel: "api" } as const;
const karin = await sv.staff.create({ name: "Karin Lind", agency: "spsm", role: "advisor", homeOfficeId: "Solna" }, system);
const boras = await sv.organizers.upsert({ organizationNumber: "212000-1561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);

const asKarin = { actor: { staffId: karin.id }, channel: "api" } as const;
try {
  const dialogue = await sv.dialogues.book({ organizerId: boras.id, officeId: "Göteborg", start: "2026-12-03T14:00", durationMinutes: 90 }, asKarin);
  console.log(dialogue.start); // 2026-12-03T14:00:00+01:00
} catch (error) {
  if (error instanceof ConflictError) console.log(error.localized("sv")); // "Tiden krockar: Karin Lind är upptagen …"
}
