/**
 * gracefulShutdown: SIGTERM drains what was accepted within the grace and exits 0; a second
 * signal, a failing or hanging stop ends the process with 1. The signal cases run a real
 * HTTP process (test/fixtures/shutdown-process.ts); the rest run in this process with `exit`
 * captured.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, gracefulShutdown, type Shutdown } from "../src/index";
import { runFixture, type FixtureProcess, type LogLine } from "./support/child";

function capture() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  return { lines, logger: createLogger({ app: "shutdown-test", destination }) };
}

describe("gracefulShutdown in an HTTP process", () => {
  let app: FixtureProcess | undefined;
  afterEach(() => {
    if (app?.child.exitCode === null) app.child.kill("SIGKILL");
  });

  async function startWithHeldRequest(): Promise<{ origin: string; held: Promise<Response> }> {
    app = runFixture("shutdown-process.ts");
    const { port } = await app.waitForLine((line) => line.msg === "listening");
    const origin = `http://127.0.0.1:${String(port)}`;
    const held = fetch(`${origin}/work`, { method: "POST", body: "x" });
    await app.waitForLine((line) => line.msg === "holding a request");
    return { origin, held };
  }

  it("on SIGTERM refuses new requests, finishes the one in progress, stops the rest and exits 0", async () => {
    const { origin, held } = await startWithHeldRequest();
    app!.child.kill("SIGTERM");
    expect(await app!.waitForLine((line) => String(line.msg).startsWith("shutting down"))).toMatchObject({ signal: "SIGTERM", graceMs: 20_000 });
    expect((await fetch(`${origin}/work`, { method: "POST", body: "late" })).status).toBe(503);

    await fetch(`${origin}/release`);
    expect(await (await held).text()).toBe("done");
    expect(await app!.exited).toBe(0);
    expect(app!.lines.some((line) => line.msg === "store closed")).toBe(true);
    expect(app!.lines.find((line) => line.msg === "stopped")).toMatchObject({ drained: true });
    expect(app!.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 30_000);

  it("shuts down the same way when the parent that spawned it with an IPC channel goes away", async () => {
    app = runFixture("shutdown-process.ts", [], { ipc: true });
    const { port } = await app.waitForLine((line) => line.msg === "listening");
    const held = fetch(`http://127.0.0.1:${String(port)}/work`, { method: "POST", body: "x" });
    await app.waitForLine((line) => line.msg === "holding a request");
    // What a supervisor killed with SIGKILL leaves behind: the channel closes, no signal comes.
    app.child.disconnect();
    expect(await app.waitForLine((line) => String(line.msg).startsWith("shutting down"))).toMatchObject({ signal: "parent exited" });
    await fetch(`http://127.0.0.1:${String(port)}/release`);
    expect(await (await held).text()).toBe("done");
    expect(await app.waitForLine((line) => line.msg === "stopped")).toMatchObject({ drained: true });
    expect(await app.exited).toBe(0);
  }, 30_000);

  it("without an IPC channel, has no parent to follow: it keeps serving until a signal", async () => {
    const { origin } = await startWithHeldRequest();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app!.child.exitCode).toBeNull();
    expect(app!.lines.some((line) => String(line.msg).startsWith("shutting down"))).toBe(false);
    await fetch(`${origin}/release`);
  });

  it("ends at once with 1 on a second signal", async () => {
    const { held } = await startWithHeldRequest();
    const cut = held.then(
      () => "answered",
      () => "cut off",
    );
    app!.child.kill("SIGTERM");
    await app!.waitForLine((line) => String(line.msg).startsWith("shutting down"));
    app!.child.kill("SIGINT");
    expect(await app!.exited).toBe(1);
    expect(app!.lines.some((line) => line.msg === "stopped")).toBe(false);
    expect(await cut).toBe("cut off");
  }, 30_000);
});

describe("gracefulShutdown", () => {
  let shutdown: Shutdown | undefined;
  afterEach(() => shutdown?.dispose());

  it("drains every server together, then stops the stoppables one after the other in order", async () => {
    const { logger, lines } = capture();
    const events: string[] = [];
    const exits: number[] = [];
    shutdown = gracefulShutdown({
      servers: [
        { drain: async (graceMs) => (events.push(`slack drained within ${graceMs}`), true) },
        { drain: async () => (events.push("metrics drained"), true) },
      ],
      stoppables: [
        { name: "digests", stop: async () => void events.push(`digests after ${lines.length} log line`) },
        { name: "store", stop: () => void events.push("store") },
      ],
      graceMs: 1_234,
      logger,
      exit: (code) => exits.push(code),
      signals: [],
    });
    expect(await shutdown.begin("test")).toBe(0);
    expect(events).toEqual(["slack drained within 1234", "metrics drained", "digests after 1 log line", "store"]);
    expect(exits).toEqual([0]);
    expect(lines.map((line) => line.msg)).toEqual(["shutting down: finishing accepted work", "stopped"]);
    expect(lines.at(-1)).toMatchObject({ drained: true });
  });

  it("reports drained: false when a server's grace ran out, and still exits 0 once everything stopped", async () => {
    const { logger, lines } = capture();
    const exits: number[] = [];
    shutdown = gracefulShutdown({
      servers: [{ drain: async () => true }, { drain: async () => false }],
      graceMs: 10,
      logger,
      exit: (code) => exits.push(code),
      signals: [],
    });
    expect(await shutdown.begin("test")).toBe(0);
    expect(lines.find((line) => line.msg === "stopped")).toMatchObject({ drained: false });
    expect(exits).toEqual([0]);
  });

  it("exits 1 and names the part when a stoppable fails, without stopping the ones after it", async () => {
    const { logger, lines } = capture();
    const exits: number[] = [];
    let storeClosed = false;
    shutdown = gracefulShutdown({
      servers: [],
      stoppables: [
        { name: "mail", stop: () => Promise.reject(new Error("smtp gone")) },
        { name: "store", stop: () => void (storeClosed = true) },
      ],
      graceMs: 10,
      logger,
      exit: (code) => exits.push(code),
      signals: [],
    });
    expect(await shutdown.begin("test")).toBe(1);
    expect(exits).toEqual([1]);
    expect(storeClosed).toBe(false);
    expect(lines.find((line) => line.msg === "shutdown failed")).toMatchObject({ level: 50, stopping: "mail", err: { message: "smtp gone" } });
  });

  it("exits 1 when the shutdown still runs after the grace and the hard stop", async () => {
    const { logger, lines } = capture();
    const exits: number[] = [];
    shutdown = gracefulShutdown({
      servers: [{ drain: () => new Promise<boolean>(() => undefined) }],
      graceMs: 5,
      hardStopMs: 5,
      logger,
      exit: (code) => exits.push(code),
      signals: [],
    });
    expect(await shutdown.begin("test")).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines.some((line) => line.msg === "shutdown did not finish in time; exiting")).toBe(true);
    expect(lines.some((line) => line.msg === "stopped")).toBe(false);
  });

  it("runs once however often it is asked", async () => {
    const { logger } = capture();
    let drains = 0;
    const exits: number[] = [];
    shutdown = gracefulShutdown({ servers: [{ drain: async () => (drains++, true) }], graceMs: 10, logger, exit: (code) => exits.push(code), signals: [] });
    const [first, second] = await Promise.all([shutdown.begin("one"), shutdown.begin("two")]);
    expect([first, second, drains, exits]).toEqual([0, 0, 1, [0]]);
  });
});
