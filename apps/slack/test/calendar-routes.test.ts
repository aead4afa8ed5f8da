import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/harness";
import { CALENDAR } from "./support/world";

/** The calendar routes on the Slack app's own HTTP server, beside Bolt's endpoint. */
describe("calendar feed and .ics links on the Slack app's HTTP server", () => {
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    h = await startHarness();
    origin = new URL(h.url).origin;
  });
  afterAll(() => h?.close());

  const onServer = (publicUrl: string) => publicUrl.replace(CALENDAR.publicUrl, origin);

  it("serves Karin's feed with validators and answers 304 when unchanged", async () => {
    const { url } = await h.world.sv.calendar.feedUrl(h.world.karinId);
    const response = await fetch(onServer(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    const [dialogue] = await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId });
    expect(body).toContain(`UID:${dialogue!.id}@samverkan`);
    expect(body).toContain("DTSTART;TZID=Europe/Stockholm:");
    const again = await fetch(onServer(url), { headers: { "if-none-match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers 404 for an unknown token and 405 for other methods, and leaves Slack's endpoint alone", async () => {
    expect((await fetch(`${origin}/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${origin}/calendar/${"x".repeat(43)}.ics`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    // Unsigned requests to Slack's endpoint are still Bolt's to refuse.
    expect((await fetch(h.url, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it("serves a dialogue's signed link and refuses it once tampered with", async () => {
    const [dialogue] = await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId });
    const link = h.world.sv.calendar.dialogueLink(dialogue!.id)!;
    const ok = await fetch(onServer(link));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("METHOD:PUBLISH");
    expect((await fetch(onServer(link).replace(/sig=.*/, "sig=forged"))).status).toBe(404);
  });
});
