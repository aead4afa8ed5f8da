import { afterAll, beforeEach, expect, it } from "vitest";
import { buildWorld, describeEachStore, storesReady, type World } from "../support/stores";

await storesReady;

// `sv.query` is the typed way to read what the services do not offer; it must not be a way around them for writes.
describeEachStore("sv.query: reads of your own, read-only", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  it("returns what the read selects, typed by the schema", async () => {
    const names = await w.sv.query((db) => db.selectFrom("staff").select("name").orderBy("name").execute());
    expect(names.map((r) => r.name)).toEqual(["Astrid Admin", "Karin Lind", "Omar Haddad", "Ulla Chef", "Vera Viewer"]);
  });

  it("fails a write inside the read and writes nothing", async () => {
    const before = await w.sv.counts();
    await expect(w.sv.query((db) => db.deleteFrom("staff").execute())).rejects.toThrow(/read-only|readonly|read only/i);
    await expect(w.sv.query((db) => db.updateTable("organizers").set({ name: "Renamed" }).execute())).rejects.toThrow(/read-only|readonly|read only/i);
    expect(await w.sv.counts()).toEqual(before);
    expect((await w.sv.organizers.get(w.organizerId)).name).not.toBe("Renamed");
  });

  it("leaves the store writable afterwards, also after a failed write", async () => {
    await expect(w.sv.query((db) => db.deleteFrom("staff").execute())).rejects.toThrow();
    await w.sv.state.set("test", "after", { ok: true });
    expect(await w.sv.state.get("test", "after")).toEqual({ ok: true });
  });

  it("passes on the read's own error", async () => {
    await expect(w.sv.query(() => Promise.reject(new Error("from the read")))).rejects.toThrow("from the read");
  });
});
