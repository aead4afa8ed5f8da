import { createEngine, type Engine } from "@samverkan/chat";
import { afterEach, describe, expect, it } from "vitest";
import { slackStrings } from "../src/strings";
import { startHarness, type Harness } from "./support/harness";
import { appMention, fixturesAvailable, slashCommand } from "./support/slack-payloads";
import { BOT_USER_ID, KARIN, type World } from "./support/world";

/** An engine whose turns wait at a gate the test opens: answers pile up like under load. */
function gatedEngine() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { entered: 0, open: () => open() };
  const engine = (world: World): Engine => {
    const real = createEngine({ samverkan: world.sv });
    return {
      ...real,
      handle: async (turn) => {
        state.entered++;
        await gate;
        return real.handle(turn);
      },
    };
  };
  return { engine, state };
}

async function until(what: string, predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate(); waited += 5) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.skipIf(!fixturesAvailable)("a full answer queue", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("turns new requests away politely instead of queueing without bound, and recovers", async () => {
    const { engine, state } = gatedEngine();
    h = await startHarness({ engine, scheduling: { maxQueued: 2 } });
    const accepted = [h.fake.responseUrl(), h.fake.responseUrl()];
    for (const responseUrl of accepted) {
      const ack = await h.send({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl }) });
      expect(ack.status).toBe(200);
      expect(ack.text).toBe("");
    }
    await until("both answers to be in progress", () => state.entered === 2);

    const refusedUrl = h.fake.responseUrl();
    const refused = await h.send({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: refusedUrl }) });
    expect(refused.status).toBe(200);
    expect(refused.json).toEqual({ response_type: "ephemeral", text: slackStrings.busy });
    expect(slackStrings.busy).toContain("Försök igen om en liten stund");
    expect(slackStrings.busy).toContain("please try again");

    await h.send({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "sök rinkeby", { channel: "C0BUSY0001" }) });
    await h.fake.waitFor("a busy note", () => h!.fake.callsTo("chat.postEphemeral").length === 1);
    expect(h.fake.callsTo("chat.postEphemeral")[0]!.args).toMatchObject({ channel: "C0BUSY0001", user: KARIN.userId, text: slackStrings.busy });
    expect(state.entered).toBe(2);

    state.open();
    await h.app.idle();
    for (const responseUrl of accepted) expect(h.fake.hooksAt(responseUrl)).toHaveLength(1);
    expect(h.fake.hooksAt(refusedUrl)).toEqual([]);
    expect(h.logs.some((line) => line.msg === "answer queue full: request turned away with a busy note")).toBe(true);

    // With room again, the next request is answered as usual.
    const later = h.fake.responseUrl();
    const ack = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: later }) });
    expect(ack.text).toBe("");
    expect(h.fake.hooksAt(later)).toHaveLength(1);
  });
});
