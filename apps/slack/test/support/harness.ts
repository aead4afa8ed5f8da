import { Writable } from "node:stream";
import { checkSlackLimits, type Engine, type SlackPayload } from "@samverkan/chat";
import type { AnyBlock, ModalView } from "@slack/types";
import { createSlackApp, type AnswerScheduling, type CreateSlackAppOptions, type SlackApp } from "../../src/app";
import { createLogger } from "../../src/logging";
import { startFakeSlack, type FakeSlack, type JsonObject } from "./fake-slack";
import { postSigned, type SignOptions, type SlackBody, type SlackHttpResponse } from "./signer";
import { BOT_ID, BOT_USER_ID, buildWorld, TEAM_ID, type World } from "./world";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

export interface Harness {
  fake: FakeSlack;
  world: World;
  app: SlackApp;
  /** The app's request URL (`…/slack/events`). */
  url: string;
  /** Every line the app logged, parsed. */
  logs: JsonObject[];
  send(body: SlackBody, options?: SignOptions): Promise<SlackHttpResponse>;
  /** Sends and waits until the app has finished everything the request started. */
  sendAndSettle(body: SlackBody, options?: SignOptions): Promise<SlackHttpResponse>;
  close(): Promise<void>;
}

/** The app's configuration in tests: HTTP mode on a free loopback port, Web API calls to the fake Slack. */
export function testConfig(slackApiUrl: string, allowedTeamIds: readonly string[] = [TEAM_ID]): CreateSlackAppOptions["config"] {
  return {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    appToken: undefined,
    allowedTeamIds: new Set(allowedTeamIds),
    slackApiUrl,
    port: 0,
    host: "127.0.0.1",
    command: "/samverkan",
  };
}

/** The real Bolt app over HTTP on loopback, its Web API pointed at a fake Slack, on a fresh store. */
export async function startHarness(
  options: { allowedTeamIds?: string[]; engine?: (world: World) => Engine; scheduling?: AnswerScheduling } = {},
): Promise<Harness> {
  const fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
  const world = await buildWorld();
  const logs: JsonObject[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(JSON.parse(line) as JsonObject);
      done();
    },
  });
  const logger = createLogger("debug", sink);
  const app = createSlackApp({
    config: testConfig(fake.apiUrl, options.allowedTeamIds),
    samverkan: world.sv,
    logger,
    ...(options.engine ? { engine: options.engine(world) } : {}),
    ...(options.scheduling ? { scheduling: options.scheduling } : {}),
  });
  const started = await app.start();
  if (started.mode !== "http") throw new Error("expected HTTP mode");
  const send = (body: SlackBody, signOptions?: SignOptions) => postSigned(started.url, SIGNING_SECRET, body, signOptions);
  return {
    fake,
    world,
    app,
    url: started.url,
    logs,
    send,
    async sendAndSettle(body, signOptions) {
      const response = await send(body, signOptions);
      await app.idle();
      return response;
    },
    async close() {
      await app.stop(1000);
      await fake.close();
      await world.store.close();
    },
  };
}

/** Every message, view and unfurl that reached the fake Slack, as `checkSlackLimits` takes them. */
export function postedPayloads(fake: FakeSlack): Array<{ where: string; payload: SlackPayload }> {
  const out: Array<{ where: string; payload: SlackPayload }> = [];
  const message = (where: string, body: JsonObject) => {
    if (Array.isArray(body.blocks))
      out.push({ where, payload: { text: typeof body.text === "string" ? body.text : undefined, blocks: body.blocks as AnyBlock[] } });
  };
  for (const call of fake.calls) {
    if (call.method === "chat.postMessage" || call.method === "chat.update" || call.method === "chat.postEphemeral") message(call.method, call.args);
    if (call.method === "views.open" || call.method === "views.update") out.push({ where: call.method, payload: call.args.view as ModalView });
    if (call.method === "views.publish") message(call.method, call.args.view as JsonObject);
    if (call.method === "chat.unfurl") {
      for (const [url, unfurl] of Object.entries(call.args.unfurls as Record<string, JsonObject>)) message(`chat.unfurl ${url}`, unfurl);
    }
  }
  for (const hook of fake.hooks) message(`response_url ${hook.path}`, hook.body);
  return out;
}

/** Limit violations of everything posted so far; tests expect `[]`. */
export function limitViolations(fake: FakeSlack): string[] {
  return postedPayloads(fake).flatMap(({ where, payload }) => checkSlackLimits(payload).map((problem) => `${where}: ${problem}`));
}

/** All visible text of a Block Kit payload, for `toContain` checks. */
export function visibleText(value: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "text" && typeof child === "string") parts.push(child);
      else walk(child);
    }
  };
  walk(value);
  return parts.join("\n");
}
