// Books dialogues on the SQLite file argv[2] for staff argv[3] with organizer argv[4]:
// the slots numbered in argv[5] (comma-separated ranges like `0-79` or a list), in order.
import { ConflictError, createSamverkan } from "../../../src/index";
import { createSqliteStore } from "../../../src/sqlite";
import { readyThenGo, report } from "./signal";
import { slotStart } from "./slots";

const [file, staffId, organizerId, slotSpec] = process.argv.slice(2) as [string, string, string, string];
const slots = slotSpec.split(",").flatMap((part) => {
  const [a, b] = part.split("-").map(Number) as [number, number | undefined];
  return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
});
const store = await createSqliteStore({ file });
const sv = createSamverkan({ store, clock: () => new Date("2026-11-23T09:00:00+01:00") });
await readyThenGo();
const booked: number[] = [];
let conflicts = 0;
const errors: string[] = [];
for (const slot of slots) {
  try {
    await sv.dialogues.book(
      { organizerId, start: slotStart(slot), durationMinutes: 60, digital: true, staffIds: [staffId] },
      { actor: { staffId }, channel: "api" },
    );
    booked.push(slot);
  } catch (error) {
    if (error instanceof ConflictError) conflicts++;
    else errors.push(`${(error as { code?: string }).code ?? ""} ${(error as Error).message}`);
  }
}
report({ booked, conflicts, errors });
await store.close();
