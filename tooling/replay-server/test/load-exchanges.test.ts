import { describe, expect, it } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { loadExchanges, parseExchanges, ReplayFileError } from "../src/index";

const line = (value: unknown) => JSON.stringify(value);
const ok = { method: "GET", url: "/a", accept: "application/json", status: 200, recordedAt: "2026-04-21T10:00:00Z", body: {} };

describe("parseExchanges", () => {
  it("skips blank lines and accepts CRLF", () => {
    const exchanges = parseExchanges(`${line(ok)}\r\n\r\n${line({ ...ok, url: "/b" })}\r\n`);
    expect(exchanges.map((exchange) => exchange.url)).toEqual(["/a", "/b"]);
  });

  it("names the line and field of an invalid exchange", () => {
    const text = [line(ok), line({ ...ok, status: "200" })].join("\n");
    expect(() => parseExchanges(text, "rec.jsonl")).toThrowError(ReplayFileError);
    expect(() => parseExchanges(text, "rec.jsonl")).toThrowError(/^rec\.jsonl:2: invalid exchange: status: /);
  });

  it("names the line of a line that is not JSON", () => {
    const error = (() => {
      try {
        parseExchanges(`${line(ok)}\n${line(ok)}\n{oops`);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReplayFileError);
    expect((error as ReplayFileError).line).toBe(3);
  });

  it("rejects a url that is not a path", () => {
    expect(() => parseExchanges(line({ ...ok, url: "https://example.com/a" }))).toThrowError(/:1: invalid exchange: url:/);
  });
});

const fx = sharedFixture("skolverket/planned-educations-v4.jsonl");

describe.skipIf(!fx.available)("the real Skolverket recording", () => {
  it("loads all 1,218 exchanges", async () => {
    const exchanges = await loadExchanges(fx.path);
    expect(exchanges).toHaveLength(1218);
    expect(exchanges.every((exchange) => exchange.method === "GET")).toBe(true);
  });
});
