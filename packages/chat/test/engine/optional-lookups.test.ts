import type { SchoolUnitStatus } from "@samverkan/sdk";
import { describe, expect, it } from "vitest";
import type { EngineLogger } from "../../src/engine/index";
import { chatWorld } from "./world";

type Logged = { level: "warn" | "error"; obj: Record<string, unknown>; msg: string };

function recordingLogger(): EngineLogger & { logged: Logged[] } {
  const logged: Logged[] = [];
  return {
    logged,
    warn: (obj, msg) => void logged.push({ level: "warn", obj, msg }),
    error: (obj, msg) => void logged.push({ level: "error", obj, msg }),
  };
}

/**
 * Some lookups a reply can do without (selection flags on an organizer card, the school
 * in a booking draft). The reply stays as it was, but a failure other than "not found"
 * must reach the log with what was looked up: swallowed silently, a broken selection
 * would look like an organizer with nothing flagged.
 */
describe("optional lookups", () => {
  it("shows the organizer card without selection flags when the selection fails, and logs why", async () => {
    const logger = recordingLogger();
    const w = await chatWorld({ logger });
    const boras = await w.sv.organizers.find("Borås kommun");
    if (!boras) throw new Error("the world has Borås kommun");
    const show = () => w.act({ id: "organizer.show", value: { organizerId: boras.id } });
    const before = await show();
    expect(logger.logged).toEqual([]);

    // A unit elsewhere with a status no writer sets: Borås's own card still reads, the national selection cannot.
    // (The cast is the point: the column's type rules this value out, as a bad migration would not.)
    await w.store.db
      .updateTable("school_units")
      .set({ status: "gone" as SchoolUnitStatus })
      .where("code", "=", "39907811")
      .execute();
    const after = await show();

    expect(after.messages).toEqual(before.messages);
    expect(logger.logged).toHaveLength(1);
    expect(logger.logged[0]).toMatchObject({ level: "warn", obj: { lookup: "selection.candidates", organizerId: boras.id, countyCode: "14" } });
    expect(logger.logged[0]?.obj.err).toMatchObject({ code: "invalid_stored_value", column: "school_units.status" });
  });

  it("keeps a plain not-found quiet: a booking draft for an unknown school unit just lacks the school", async () => {
    const logger = recordingLogger();
    const w = await chatWorld({ logger });
    await w.say("boka dialog med skolenhet 99999999 imorgon kl 10 digitalt");
    expect(logger.logged).toEqual([]);
  });
});
