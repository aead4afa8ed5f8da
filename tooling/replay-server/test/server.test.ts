import { afterEach, describe, expect, it } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { startReplayServer, type ReplayServer } from "../src/index";

const HAL = "application/vnd.skolverket.plannededucations.api.v4.hal+json";
const exchanges = [
  { method: "GET", url: "/api/items?page=0&size=2&kind=a", accept: HAL, status: 200, body: { page: 0 } },
  { method: "GET", url: "/api/items/1", accept: "application/json", status: 200, body: { id: 1 } },
];

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("startReplayServer", () => {
  it("answers recorded exchanges whatever the query parameter order", async () => {
    server = await startReplayServer({ exchanges });
    const response = await fetch(`${server.url}/api/items?kind=a&size=2&page=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(HAL);
    expect(await response.json()).toEqual({ page: 0 });
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/api/items", outcome: "recorded", status: 200 });
  });

  it("answers 404 with a JSON body for anything not recorded", async () => {
    server = await startReplayServer({ exchanges });
    for (const path of ["/api/items?kind=a&size=2&page=1", "/api/items?page=0&size=2", "/api/items/2"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toMatchObject({ status: "NOT_FOUND" });
    }
    const post = await fetch(`${server.url}/api/items/1`, { method: "POST", body: "{}" });
    expect(post.status).toBe(404);
    expect(server.requests.map((request) => request.outcome)).toEqual(["unmatched", "unmatched", "unmatched", "unmatched"]);
  });

  it("injects faults a limited number of times", async () => {
    server = await startReplayServer({
      exchanges,
      faults: [
        { match: (request) => request.path === "/api/items/1", status: 429, headers: { "retry-after": "1" }, times: 1 },
        { match: (request) => request.path === "/api/items/1", status: 503, times: 1 },
      ],
    });
    const first = await fetch(`${server.url}/api/items/1`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    await first.body?.cancel();
    const second = await fetch(`${server.url}/api/items/1`);
    expect(second.status).toBe(503);
    expect(await second.json()).toMatchObject({ status: "INJECTED_FAULT" });
    const third = await fetch(`${server.url}/api/items/1`);
    expect(third.status).toBe(200);
    expect(server.requests.map((request) => request.outcome)).toEqual(["fault", "fault", "recorded"]);
  });

  it("can replace a body through a fault with status 200", async () => {
    server = await startReplayServer({
      exchanges,
      faults: [{ match: () => true, status: 200, body: { id: "not a number" }, times: 1 }],
    });
    expect(await (await fetch(`${server.url}/api/items/1`)).json()).toEqual({ id: "not a number" });
  });

  it("calls onRequest and measures requests in flight", async () => {
    const seen: string[] = [];
    server = await startReplayServer({ exchanges, latencyMs: 40, onRequest: (request) => void seen.push(request.url) });
    const url = server.url;
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${url}/api/items/1`).then((r) => r.json())));
    expect(seen).toHaveLength(5);
    expect(server.stats.maxInFlight).toBe(5);
    expect(server.stats.inFlight).toBe(0);
  });

  it("lets given exchanges override the file and requires a source", async () => {
    await expect(startReplayServer({})).rejects.toThrow(/file.*exchanges/);
    await expect(startReplayServer({ exchanges: [{ method: "GET", url: "nope", status: 200, body: null }] })).rejects.toThrow(/exchanges\[0\]\.url/);
  });

  it("closes even with keep-alive connections open", async () => {
    server = await startReplayServer({ exchanges });
    await (await fetch(`${server.url}/api/items/1`)).json();
    await server.close();
    server = undefined;
  });
});

const fx = sharedFixture("skolverket/planned-educations-v4.jsonl");

describe.skipIf(!fx.available)("replaying the real Skolverket recording", () => {
  it("serves a recorded school unit and 404s an unknown one", async () => {
    server = await startReplayServer({ file: fx.path });
    expect(server.exchangeCount).toBe(1218);
    const known = await fetch(`${server.url}/planned-educations/v4/school-units/10035236`);
    expect(known.status).toBe(200);
    expect(known.headers.get("content-type")).toBe(HAL);
    expect(await known.json()).toMatchObject({ status: "OK", body: { code: "10035236", name: "Söderbymalmsskolan" } });
    const unknown = await fetch(`${server.url}/planned-educations/v4/school-units/99999999`);
    expect(unknown.status).toBe(404);
  });

  it("matches a listing page with its parameters reordered", async () => {
    server = await startReplayServer({ file: fx.path });
    const response = await fetch(
      `${server.url}/planned-educations/v4/school-units?coordinateSystemType=WGS84&schoolYears=9&typeOfSchooling=gr&geographicalAreaCode=0180&size=50&page=3`,
    );
    expect(response.status).toBe(200);
    const json = (await response.json()) as { body: { page: { number: number } } };
    expect(json.body.page.number).toBe(3);
  });
});

describe("close", () => {
  it("can be called twice", async () => {
    const replay = await startReplayServer({ exchanges });
    await replay.close();
    await expect(replay.close()).resolves.toBeUndefined();
  });
});
