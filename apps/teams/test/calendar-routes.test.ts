import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/harness";
import { CALENDAR } from "./support/world";

/** The calendar routes on the Teams app's own HTTP server, beside /api/messages. */
describe("calendar feed and .ics links on the Teams app's HTTP server", () => {
  let h: Harness;
  let origin: string;
  let dialogueId: string;
  beforeAll(async () => {
    h = await startHarness();
    origin = new URL(h.url).origin;
    const d = await h.world.samverkan.dialogues.book(
      { organizerId: h.world.stockholmId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 },
      { actor: { staffId: h.world.advisorId }, channel: "api" },
    );
    dialogueId = d.id;
  });
  afterAll(() => h?.close());

  const onServer = (publicUrl: string) => publicUrl.replace(CALENDAR.publicUrl, origin);

  it("serves the advisor's feed, 304 when unchanged, 404 after rotation", async () => {
    const { url } = await h.world.samverkan.calendar.feedUrl(h.world.advisorId);
    const response = await fetch(onServer(url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`UID:${dialogueId}@samverkan`);
    expect((await fetch(onServer(url), { headers: { "if-modified-since": response.headers.get("last-modified")! } })).status).toBe(304);
    const rotated = await h.world.samverkan.calendar.feedUrl(h.world.advisorId, { rotate: true });
    expect((await fetch(onServer(url))).status).toBe(404);
    expect((await fetch(onServer(rotated.url))).status).toBe(200);
  });

  it("serves a signed dialogue link, and /api/messages and unknown paths behave as before", async () => {
    const link = h.world.samverkan.calendar.dialogueLink(dialogueId)!;
    const ok = await fetch(onServer(link));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect((await fetch(`${origin}/calendar/dialogues/${dialogueId}.ics`)).status).toBe(404);
    expect((await fetch(h.url)).status).toBe(405);
    expect((await fetch(`${origin}/nothing-here`)).status).toBe(404);
  });
});
