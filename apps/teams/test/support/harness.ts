/**
 * The real Teams app (a Teams SDK App on our node:http transport) on
 * loopback, a real SQLite store, the real engine, and a fake Bot Connector recording
 * what the bot sends. `post` delivers an activity to /api/messages like Teams does.
 */
import { Writable } from "node:stream";
import { createEngine, type Engine } from "@samverkan/chat";
import { createTeamsApp, type TeamsApp, type TeamsAppOptions } from "../../src/app";
import type { TeamsConfig } from "../../src/config";
import { createLogger, type Logger } from "../../src/log";
import { startFakeConnector, type FakeConnector } from "./fake-connector";
import { buildWorld, TENANT_ID, type World } from "./world";

export interface PostResult {
  status: number;
  /** Parsed JSON body, or the text, or undefined when empty. */
  body: unknown;
}

export interface Harness {
  app: TeamsApp;
  connector: FakeConnector;
  world: World;
  engine: Engine;
  url: string;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Raw log output (to check that secrets never appear). */
  rawLogs(): string;
  /** Bodies of every invoke response the app returned. */
  invokeResponses: unknown[];
  post(activity: unknown, headers?: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<TeamsConfig>;
  /** Bot Framework endpoints (the fake OpenID server's) and outgoing bot tokens, for authenticated runs. */
  cloud?: TeamsAppOptions["cloud"];
  botToken?: TeamsAppOptions["botToken"];
  logLevel?: string;
  /** Wrap the real engine (to stub one answer in a test). */
  engine?: (real: Engine) => Engine;
}

export function captureLogger(level = "debug"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      callback();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const connector = await startFakeConnector();
  const world = await buildWorld();
  const { logger, lines } = captureLogger(options.logLevel);
  const real = createEngine({ samverkan: world.samverkan, logger });
  const engine = options.engine ? options.engine(real) : real;
  const config: TeamsConfig = { allowedTenantIds: [TENANT_ID], port: 0, ...options.config };
  const app = createTeamsApp({
    config,
    samverkan: world.samverkan,
    engine,
    logger,
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(options.botToken ? { botToken: options.botToken } : {}),
  });
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/api/messages`;
  const invokeResponses: unknown[] = [];

  return {
    app,
    connector,
    world,
    engine,
    url,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    rawLogs: () => lines.join("\n"),
    invokeResponses,
    async post(activity, headers = {}) {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
      const text = await response.text();
      let body: unknown = text || undefined;
      if (text && (response.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
      const type = (activity as { type?: unknown }).type;
      if (type === "invoke" && body !== undefined) invokeResponses.push(body);
      return { status: response.status, body };
    },
    async close() {
      await app.close();
      await connector.close();
      await world.store.close();
    },
  };
}
