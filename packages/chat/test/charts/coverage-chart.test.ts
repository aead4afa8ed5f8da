import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/index";
import { checkSlackLimits, createChartRequestHandler, renderAdaptiveCard, renderCoverageChart, renderSlack, type Message } from "../../src/index";
import { coverageChartSvg } from "../../src/charts/coverage-chart";
import { validateAdaptiveCard } from "../cards/adaptive-validate";
import { chatWorld, type ChatWorld } from "../engine/world";

const CHARTS = { publicUrl: "https://samverkan.example.se", linkSecret: "a-test-secret-that-is-long-enough-0123456789" };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Two organizers met: held dialogues in the world's SQLite store, in October and November 2026. */
async function withHeldDialogues(w: ChatWorld): Promise<void> {
  const organizers = await w.store.db.selectFrom("organizers").select("id").orderBy("name").limit(2).execute();
  const now = Date.parse("2026-11-20T09:00:00+01:00");
  await w.store.db
    .insertInto("dialogues")
    .values(
      organizers.map((o, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        organizer_id: o.id,
        office_id: null,
        digital: 1,
        start_at: now - i * 30 * 86_400_000,
        end_at: now - i * 30 * 86_400_000 + 3_600_000,
        status: "held",
        topics: "[]",
        notes: "",
        follows_up_id: null,
        school_unit_code: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

function imageBlocks(message: Message) {
  return message.blocks.filter((b) => b.type === "image");
}

let server: Server | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

/** The chart handler on a real HTTP server on loopback, with a 404 for anything else. */
async function serve(w: ChatWorld): Promise<string> {
  const charts = createChartRequestHandler(w.sv);
  server = createServer((req, res) => {
    if (!charts(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the coverage chart", () => {
  it("writes its axes as the reader's language does: Swedish month names and digit grouping, or English", async () => {
    const w = await chatWorld({ calendar: CHARTS });
    await withHeldDialogues(w);
    const history = await w.sv.coverage.history();
    const real = await w.sv.coverage.compute();
    // A national goal, so the axes reach thousands.
    const coverage = { ...real, goal: 2800, byOffice: real.byOffice.map((o, i) => ({ ...o, goal: i === 0 ? 1400 : o.goal })) };
    const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const sv = labels(await coverageChartSvg(history, coverage, "sv"));
    expect(sv).toEqual(expect.arrayContaining(["okt. 2026", "juli 2026", "1\u00a0400", "Mötta huvudmän mot takten som behövs (mål 2\u00a0800)"]));
    expect(sv.join(" ")).not.toMatch(/\b(Nov|Oct) 2026\b|2026-1[01]|1,400/);
    const en = labels(await coverageChartSvg(history, coverage, "en"));
    expect(en).toEqual(expect.arrayContaining(["Oct 2026", "Jul 2026", "1,400", "Organizers met against the pace needed (goal 2,800)"]));
  });

  it("is a real PNG: met against the pace needed over time, and met per office", async () => {
    const w = await chatWorld({ calendar: CHARTS });
    await withHeldDialogues(w);
    const history = await w.sv.coverage.history();
    expect(history.points.at(-1)).toEqual({ month: "2026-11", met: 2, needed: expect.any(Number) });
    const png = await renderCoverageChart(history, await w.sv.coverage.compute(), "sv");
    const { width, height } = pngSize(png);
    // Drawn at twice the layout's size (about 620 pixels wide), two charts stacked.
    expect(width % 2).toBe(0);
    expect(width).toBeGreaterThan(1000);
    expect(width).toBeLessThan(2000);
    expect(height).toBeGreaterThan(600);
  });

  it("is served at a signed link over HTTP; a tampered or expired link is refused", async () => {
    const w = await chatWorld({ calendar: CHARTS });
    await withHeldDialogues(w);
    const base = await serve(w);
    const card = (await w.say("täckning")).messages[0]!;
    const [image] = imageBlocks(card);
    expect(image).toBeDefined();
    const link = new URL(image!.type === "image" ? image!.url : "");
    expect(`${link.origin}${link.pathname}`).toBe("https://samverkan.example.se/charts/coverage.png");
    const local = `${base}${link.pathname}${link.search}`;

    const ok = await fetch(local);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
    pngSize(Buffer.from(await ok.arrayBuffer()));

    const tampered = new URL(local);
    tampered.searchParams.set("scope", "counties:14");
    expect((await fetch(tampered)).status).toBe(403);
    const forged = new URL(local);
    forged.searchParams.set("sig", "A".repeat(43));
    expect((await fetch(forged)).status).toBe(403);
    expect((await fetch(`${base}/charts/coverage.png`)).status).toBe(403);

    w.setNow("2026-12-23T09:00:00+01:00");
    const expired = await fetch(local);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain("gått ut");
  });

  it("is on the coverage card and in the digest only when the apps have a public URL, within Slack's and Teams' limits", async () => {
    const without = await chatWorld();
    const plain = (await without.say("täckning")).messages[0]!;
    expect(imageBlocks(plain)).toEqual([]);
    expect(JSON.stringify(renderSlack(plain))).toContain("▱▱▱");

    const w = await chatWorld({ calendar: CHARTS });
    const card = (await w.say("täckning")).messages[0]!;
    expect(imageBlocks(card)).toHaveLength(1);
    const now = new Date("2026-11-23T09:00:00+01:00");
    for (const [sv, withImage] of [
      [without.sv, false],
      [w.sv, true],
    ] as const) {
      const { message } = await buildDigest(sv, { scope: { kind: "country" }, locale: "en", since: new Date(now.getTime() - 7 * 86_400_000), now });
      expect(imageBlocks(message)).toHaveLength(withImage ? 1 : 0);
      const slack = renderSlack(message);
      expect(checkSlackLimits(slack)).toEqual([]);
      expect(validateAdaptiveCard(renderAdaptiveCard(message))).toEqual([]);
      if (withImage) expect(JSON.stringify(slack)).toContain('"type":"image"');
    }
  });
});
