import { coverageChartUrl } from "@samverkan/chat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/harness";
import { CALENDAR } from "./support/world";

/** The coverage chart on the Slack app's own HTTP server, at links signed with SAMVERKAN_LINK_SECRET. */
describe("coverage chart on the Slack app's HTTP server", () => {
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    h = await startHarness();
    origin = new URL(h.url).origin;
  });
  afterAll(() => h?.close());

  it("serves a signed link as image/png and refuses a tampered one", async () => {
    const link = coverageChartUrl(h.world.sv.calendar.settings, "country", "sv", h.world.sv.clock())!;
    expect(link.startsWith(`${CALENDAR.publicUrl}/charts/coverage.png?`)).toBe(true);
    const ok = await fetch(link.replace(CALENDAR.publicUrl, origin));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
    expect((await fetch(link.replace(CALENDAR.publicUrl, origin).replace("scope=country", "scope=counties%3A01"))).status).toBe(403);
  });
});
