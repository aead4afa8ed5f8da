import { coverageChartUrl } from "@samverkan/chat";
import { expectSignedChartRoute } from "@samverkan/vitest-config/chart-route";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startHarness, type Harness } from "./support/harness";
import { CALENDAR } from "./support/world";

/** The coverage chart on the Teams app's own HTTP server, at links signed with SAMVERKAN_LINK_SECRET. */
describe("coverage chart on the Teams app's HTTP server", () => {
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    h = await startHarness();
    origin = new URL(h.url).origin;
  });
  afterAll(() => h?.close());

  it("serves a signed link as image/png and refuses a tampered one", async () => {
    const link = coverageChartUrl(h.world.samverkan.calendar.settings, "country", "sv", h.world.samverkan.clock())!;
    await expectSignedChartRoute(link, CALENDAR.publicUrl, origin);
  });
});
