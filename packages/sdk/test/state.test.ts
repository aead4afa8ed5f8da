import { afterAll, beforeEach, expect, it } from "vitest";
import { buildWorld, describeEachStore, storesReady, type World } from "./support/stores";

await storesReady;

describeEachStore("shared state", (factory) => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld(await factory.open());
  });
  afterAll(() => factory.cleanup());

  it("keeps conversation state until it expires", async () => {
    await w.sv.state.set("conversation", "slack:T1:U1:C1", { flow: "dialogue.book", step: "time" }, 60_000);
    expect(await w.sv.state.get("conversation", "slack:T1:U1:C1")).toEqual({ flow: "dialogue.book", step: "time" });
    w.setNow("2026-11-23T09:02:00+01:00");
    expect(await w.sv.state.get("conversation", "slack:T1:U1:C1")).toBeUndefined();
    expect(await w.sv.state.sweep()).toBe(1);
  });

  it("claims a redelivered event only once, even when claims race", async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => w.sv.state.claimEvent("slack:Ev123")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await w.sv.state.claimEvent("slack:Ev124")).toBe(true);
  });
});
