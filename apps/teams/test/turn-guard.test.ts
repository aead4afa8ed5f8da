/**
 * The guard in front of every turn, on its own: which tenant an activity is from, what a
 * refused activity of each kind gets, and which redeliveries are dropped (claims in a real store).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantOf } from "../src/activity/identity";
import type { TeamsActivity } from "../src/activity/schema";
import { activityEventKey, createTurnGuard } from "../src/turn/guard";
import type { OutgoingActivity, Turn } from "../src/turn/turn";
import { captureLogger } from "./support/harness";
import { buildWorld, FOREIGN_TENANT_ID, TENANT_ID, type World } from "./support/world";

const REFUSAL = "Den här organisationen är inte ansluten till Samverkan.\n\n_This organisation is not connected to Samverkan._";

function turnFor(activity: unknown): Turn & { sent: OutgoingActivity[] } {
  const sent: OutgoingActivity[] = [];
  return { activity, sent, send: async (outgoing) => (sent.push(outgoing), "sent-1") };
}

let counter = 0;
const activity = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "message",
  id: `1700000000${++counter}`,
  text: "hjälp",
  conversation: { id: "a:personal-1", tenantId: TENANT_ID },
  ...fields,
});

describe("which tenant an activity is from", () => {
  const read = (fields: Record<string, unknown>) => tenantOf(fields as TeamsActivity);
  it("takes the conversation's tenant, then the channel data's", () => {
    expect(read({ type: "message", conversation: { id: "c", tenantId: "t-conv" }, channelData: { tenant: { id: "t-data" } } })).toBe("t-conv");
    expect(read({ type: "message", conversation: { id: "c" }, channelData: { tenant: { id: "t-data" } } })).toBe("t-data");
    expect(read({ type: "message", channelData: { tenant: { id: "t-data" } } })).toBe("t-data");
    expect(read({ type: "message", conversation: { id: "c", tenantId: "t-conv" } })).toBe("t-conv");
    expect(read({ type: "message", channelData: {} })).toBeUndefined();
    expect(read({ type: "message" })).toBeUndefined();
  });
});

describe("the de-duplication key", () => {
  it("is the conversation and the activity id; an activity without an id has none", () => {
    expect(activityEventKey({ type: "message", id: "17", conversation: { id: "19:abc@thread.tacv2" } })).toBe("teams:activity:19:abc@thread.tacv2:17");
    expect(activityEventKey({ type: "message", id: "17" })).toBe("teams:activity:-:17");
    expect(activityEventKey({ type: "message", conversation: { id: "c" } })).toBeUndefined();
  });
});

describe("the turn guard", () => {
  let world: World;
  let guard: ReturnType<typeof createTurnGuard>;
  let lines: string[];
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    world = await buildWorld();
    const captured = captureLogger();
    lines = captured.lines;
    guard = createTurnGuard({ samverkan: world.samverkan, allowedTenantIds: [TENANT_ID.toUpperCase()], logger: captured.logger });
  });
  afterAll(() => world.store.close());

  it("lets an activity from an allowed tenant through, whatever the case of its id", async () => {
    const turn = turnFor(activity());
    expect(await guard(turn)).toStrictEqual({ pass: true });
    expect(turn.sent).toEqual([]);
  });

  it("lets an activity through whose tenant is only in the channel data", async () => {
    expect(await guard(turnFor(activity({ conversation: { id: "19:x@thread.tacv2" }, channelData: { tenant: { id: TENANT_ID } } })))).toStrictEqual({
      pass: true,
    });
  });

  it("answers a message from another tenant with a note in both languages, as markdown", async () => {
    const turn = turnFor(activity({ conversation: { id: "a:foreign", tenantId: FOREIGN_TENANT_ID } }));
    expect(await guard(turn)).toStrictEqual({ pass: false });
    expect(turn.sent).toStrictEqual([{ type: "message", text: REFUSAL, textFormat: "markdown" }]);
    expect(logs().at(-1)).toMatchObject({
      level: 40,
      tenantId: FOREIGN_TENANT_ID,
      activityType: "message",
      msg: "refused an activity from a tenant not on TEAMS_ALLOWED_TENANT_IDS",
    });
  });

  it("answers an invoke from another tenant in the invoke's own way, and refuses one without any tenant", async () => {
    const foreign = { conversation: { id: "a:foreign", tenantId: FOREIGN_TENANT_ID } };
    const card = turnFor(activity({ ...foreign, type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: "x" } } }));
    expect(await guard(card)).toStrictEqual({
      pass: false,
      answer: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: REFUSAL } },
    });
    expect(card.sent).toEqual([]);
    const noTenant = turnFor(activity({ type: "invoke", name: "task/fetch", value: {}, conversation: { id: "a:none" } }));
    expect(await guard(noTenant)).toStrictEqual({ pass: false, answer: { status: 200, body: { task: { type: "message", value: REFUSAL } } } });
    expect(logs().at(-1)).toMatchObject({ tenantId: null, activityType: "invoke", invoke: "task/fetch" });
  });

  it("stops other activity kinds from another tenant silently", async () => {
    const turn = turnFor(activity({ type: "conversationUpdate", text: undefined, conversation: { id: "a:foreign", tenantId: FOREIGN_TENANT_ID } }));
    expect(await guard(turn)).toStrictEqual({ pass: false });
    expect(turn.sent).toEqual([]);
  });

  it("stops an activity without the fields Teams always sends, and logs its type", async () => {
    for (const junk of [{ type: "message", conversation: "not an object" }, { text: "no type" }, { type: 42, conversation: { id: "c" } }, null, "text"]) {
      const turn = turnFor(junk);
      expect(await guard(turn)).toStrictEqual({ pass: false });
      expect(turn.sent).toEqual([]);
    }
    const warnings = logs().filter((line) => line.msg === "ignored an activity without the fields Teams always sends");
    // Only a string type is logged: the log never carries what a client put in a field of the wrong kind.
    expect(warnings.map((line) => line.activityType)).toEqual(["message", undefined, undefined, undefined, undefined]);
  });

  it("acts on a redelivered message once, and answers a redelivered invoke with an empty 200", async () => {
    const message = activity();
    expect(await guard(turnFor(message))).toStrictEqual({ pass: true });
    expect(await guard(turnFor({ ...message }))).toStrictEqual({ pass: false });
    const invoke = activity({ type: "invoke", name: "adaptiveCard/action", value: {} });
    expect(await guard(turnFor(invoke))).toStrictEqual({ pass: true });
    expect(await guard(turnFor({ ...invoke }))).toStrictEqual({ pass: false, answer: { status: 200 } });
    expect(logs().at(-1)).toMatchObject({
      level: 30,
      activityId: invoke.id,
      activityType: "invoke",
      invoke: "adaptiveCard/action",
      msg: "ignored a redelivered activity",
    });
  });

  it("keeps the same activity id in two conversations apart, and never drops activities that carry no id", async () => {
    const id = "1700000099999";
    expect(await guard(turnFor(activity({ id, conversation: { id: "a:one", tenantId: TENANT_ID } })))).toStrictEqual({ pass: true });
    expect(await guard(turnFor(activity({ id, conversation: { id: "a:two", tenantId: TENANT_ID } })))).toStrictEqual({ pass: true });
    const withoutId = activity({ id: undefined });
    expect(await guard(turnFor(withoutId))).toStrictEqual({ pass: true });
    expect(await guard(turnFor({ ...withoutId }))).toStrictEqual({ pass: true });
  });
});
