/** readBoundedBody on a real HTTP server on loopback. */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyTooLargeError, readBoundedBody, RequestAbortedError } from "../src/index";

const LIMIT = 1024;

describe("readBoundedBody", () => {
  let server: Server | undefined;
  const outcomes: unknown[] = [];
  afterEach(async () => {
    outcomes.length = 0;
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A server answering 200 with the body's size, or 413 when it is too large. */
  async function start(): Promise<string> {
    server = createServer((req, res) => {
      readBoundedBody(req, LIMIT).then(
        (body) => {
          outcomes.push(body);
          res.end(String(body.length));
        },
        (error: unknown) => {
          outcomes.push(error);
          if (error instanceof BodyTooLargeError) res.writeHead(413, { connection: "close" }).end("too large");
        },
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it("reads a body up to the limit", async () => {
    const url = await start();
    const body = "å".repeat(LIMIT / 2); // two bytes each: exactly the limit
    const response = await fetch(url, { method: "POST", body });
    expect([response.status, await response.text()]).toEqual([200, String(LIMIT)]);
    expect((outcomes[0] as Buffer).toString("utf8")).toBe(body);
  });

  it("refuses a declared Content-Length over the limit, and the client reads the 413", async () => {
    const url = await start();
    const response = await fetch(url, { method: "POST", body: "x".repeat(LIMIT + 1) });
    expect([response.status, await response.text()]).toEqual([413, "too large"]);
    expect(outcomes[0]).toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a chunked body that grows past the limit", async () => {
    const url = await start();
    const chunks = [Buffer.alloc(LIMIT / 2, "a"), Buffer.alloc(LIMIT / 2, "b"), Buffer.alloc(LIMIT / 2, "c")];
    const body = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await fetch(url, { method: "POST", body, duplex: "half" });
    expect(response.status).toBe(413);
    expect(outcomes[0]).toBeInstanceOf(BodyTooLargeError);
  });

  it("rejects with RequestAbortedError when the client goes away mid-body", async () => {
    const url = await start();
    const client = request(url, { method: "POST", headers: { "content-length": "500" } });
    client.on("error", () => undefined);
    client.write("x".repeat(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    while (outcomes.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(outcomes[0]).toBeInstanceOf(RequestAbortedError);
  });
});
