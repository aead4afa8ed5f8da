import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { createCalendarRequestHandler, createSamverkan, dialogueUid, InvalidStoredValueError, ValidationError } from "../../src/index";
import { as, buildWorld, describeEachStore, FIXED_NOW, storesReady, type World } from "../support/stores";
import { parseIcs } from "../support/calendar";

await storesReady;

const SECRET = "test-link-secret-0123456789-abcdefghijklmnop";

describeEachStore("personal calendar feeds and signed .ics links", (factory) => {
  let w: World;
  let server: Server;
  let base: string;
  let reported: unknown[];
  beforeEach(async () => {
    reported = [];
    // The server listens before the world exists (its URL is the world's public URL).
    const routes: { handle?: ReturnType<typeof createCalendarRequestHandler> } = {};
    server = createServer((req, res) => {
      if (routes.handle?.(req, res)) return;
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    w = await buildWorld(await factory.open(), {}, { publicUrl: base, linkSecret: SECRET });
    routes.handle = createCalendarRequestHandler(w.sv.calendar, { onError: (error) => reported.push(error) });
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => factory.cleanup());

  it("serves a staff member's dialogues, and only theirs, to whoever holds the URL", async () => {
    const mine = await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "Solna", start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await w.sv.dialogues.book({ organizerId: w.organizer2Id, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor2));
    const { url, created } = await w.sv.calendar.feedUrl(w.advisor.staffId);
    expect(created).toBe(true);
    expect(url).toMatch(new RegExp(`^${base}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    // The URL is stable until rotated, and the token is stored only as a hash.
    expect((await w.sv.calendar.feedUrl(w.advisor.staffId)).url).toBe(url);
    const token = /calendar\/(.+)\.ics$/.exec(url)![1]!;
    const rows = await w.store.db.selectFrom("calendar_feeds").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const feed = parseIcs(await response.text());
    expect(feed.events.map((e) => e.uid)).toEqual([dialogueUid(mine.id)]);
    expect(feed.events[0]).toMatchObject({ startLocal: "2026-12-03T10:00:00", start: Date.parse("2026-12-03T10:00:00+01:00"), status: "CONFIRMED" });
  });

  it("answers 404 for a foreign token, a rotated token and a revoked feed", async () => {
    const first = (await w.sv.calendar.feedUrl(w.advisor.staffId)).url;
    expect((await fetch(`${base}/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/not-a-token.ics`)).status).toBe(404);
    const rotated = await w.sv.calendar.feedUrl(w.advisor.staffId, { rotate: true });
    expect(rotated.url).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(rotated.url)).status).toBe(200);
    expect(await w.sv.calendar.revokeFeed(w.advisor.staffId)).toBe(true);
    expect((await fetch(rotated.url)).status).toBe(404);
    expect((await fetch(rotated.url, { method: "POST" })).status).toBe(405);
  });

  it("answers 304 while the feed is unchanged and 200 with a new ETag after a change", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    const { url } = await w.sv.calendar.feedUrl(w.advisor.staffId);
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(lastModified).toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    // Same content on another request: byte-identical, same validator.
    expect((await fetch(url)).headers.get("etag")).toBe(etag);

    w.setNow("2026-11-24T12:00:00+01:00");
    await w.sv.dialogues.reschedule(d.id, { start: "2026-12-04T10:00" }, as(w.advisor));
    const changed = await fetch(url, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(parseIcs(await changed.text()).events[0]).toMatchObject({ startLocal: "2026-12-04T10:00:00", sequence: 1 });
  });

  it("shows a cancelled dialogue as cancelled for 30 days, then drops it", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    await w.sv.dialogues.cancel(d.id, {}, as(w.advisor));
    const { url } = await w.sv.calendar.feedUrl(w.advisor.staffId);
    const feed = parseIcs(await (await fetch(url)).text());
    expect(feed.events).toMatchObject([{ uid: dialogueUid(d.id), status: "CANCELLED", sequence: 1 }]);
    w.setNow("2026-12-24T09:00:00+01:00");
    expect(parseIcs(await (await fetch(url)).text()).events).toEqual([]);
  });

  it("serves one dialogue through a signed, expiring link and refuses a tampered or expired one", async () => {
    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "Solna", start: "2026-03-30T10:00", durationMinutes: 60 }, as(w.advisor));
    const link = w.sv.calendar.dialogueLink(d.id, { ttlSeconds: 3600 })!;
    expect(link).toMatch(new RegExp(`^${base}/calendar/dialogues/${d.id}\\.ics\\?expires=\\d+&sig=`));
    const ok = await fetch(link);
    expect(ok.status).toBe(200);
    const ics = parseIcs(await ok.text());
    expect(ics.method).toBe("PUBLISH");
    expect(ics.events[0]).toMatchObject({ uid: dialogueUid(d.id), start: Date.parse("2026-03-30T08:00:00Z") });
    expect((await fetch(link.replace(/sig=.*/, "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).status).toBe(404);
    expect((await fetch(link.replace(/expires=(\d+)/, (_, n: string) => `expires=${Number(n) + 1}`))).status).toBe(404);
    w.setNow("2026-11-23T10:00:01+01:00");
    expect((await fetch(link)).status).toBe(410);
  });

  it("answers a signed link to a dialogue that is gone with 404, and one it cannot read with 500, reporting the error", async () => {
    const gone = w.sv.calendar.dialogueLink("00000000-0000-4000-8000-000000000000", { ttlSeconds: 3600 })!;
    expect((await fetch(gone)).status).toBe(404);
    expect(reported).toEqual([]);

    const d = await w.sv.dialogues.book({ organizerId: w.organizerId, officeId: "Solna", start: "2026-03-30T10:00", durationMinutes: 60 }, as(w.advisor));
    // A value no writer produces: the link must not pretend the dialogue does not exist.
    await w.sv.store.db.updateTable("dialogues").set({ topics: "not json" }).where("id", "=", d.id).execute();
    const broken = await fetch(w.sv.calendar.dialogueLink(d.id, { ttlSeconds: 3600 })!);
    expect(broken.status).toBe(500);
    expect(reported).toEqual([expect.any(InvalidStoredValueError)]);
  });

  it("refuses to make links without a public URL and a secret", async () => {
    const bare = createSamverkan({ store: w.store, clock: () => FIXED_NOW });
    const d = await bare.dialogues.book({ organizerId: w.organizerId, digital: true, start: "2026-12-03T10:00", durationMinutes: 60 }, as(w.advisor));
    expect(bare.calendar.dialogueLink(d.id)).toBeNull();
    const error = await bare.calendar.feedUrl(w.advisor.staffId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).localized("sv")).toContain("SAMVERKAN_PUBLIC_URL");
  });
});
