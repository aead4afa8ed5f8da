import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeFootprint } from "./support/footprint";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appMention, directMessage, fixturesAvailable, newEventId, newTs, slashCommand } from "./support/slack-payloads";
import { BOT_ID, BOT_USER_ID, KARIN, UNKNOWN_USER } from "./support/world";

describe.skipIf(!fixturesAvailable)("talking to Samverkan: slash command, mentions and DMs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  const posts = () => h.fake.callsTo("chat.postMessage");

  describe("/samverkan", () => {
    it("acks at once with an empty 200 and answers the search privately through the response_url", async () => {
      const responseUrl = h.fake.responseUrl();
      const response = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "sök rinkeby", { responseUrl }) });
      expect(response.status).toBe(200);
      expect(response.text).toBe("");
      const [answer, ...more] = h.fake.hooksAt(responseUrl);
      expect(more).toEqual([]);
      expect(answer!.body.response_type).toBe("ephemeral");
      expect(visibleText(answer!.body.blocks)).toContain("Rinkebyskolan");
      expect(visibleText(answer!.body.blocks)).toContain("37416253");
    });

    it("shows the help when the command comes without text", async () => {
      const responseUrl = h.fake.responseUrl();
      await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "", { responseUrl }) });
      const text = visibleText(h.fake.hooksAt(responseUrl)[0]!.body.blocks);
      expect(text).toContain("Sök skola");
      expect(text).toContain("Boka dialog");
    });

    it("explains to a workspace member who is not registered how to get access", async () => {
      const responseUrl = h.fake.responseUrl();
      await h.sendAndSettle({ kind: "command", fields: slashCommand(UNKNOWN_USER, "sök rinkeby", { responseUrl }) });
      const text = String(h.fake.hooksAt(responseUrl)[0]!.body.text);
      expect(text).toContain("Jag känner inte igen ditt konto");
      expect(text).toContain("samverkan staff add");
    });
  });

  describe("mentions in a channel", () => {
    it("answers in a new thread under the mention, without the mention in the text", async () => {
      const ts = newTs();
      await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0KVALITET", ts }) });
      const reply = posts().at(-1)!;
      expect(reply.args).toMatchObject({ channel: "C0KVALITET", thread_ts: ts });
      expect(visibleText(reply.args.blocks)).toContain("U-1 Kartlägg frånvaron");
    });

    it("answers inside the thread when mentioned in a thread", async () => {
      const root = newTs();
      await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "hjälp", { channel: "C0KVALITET", threadTs: root }) });
      expect(posts().at(-1)!.args).toMatchObject({ channel: "C0KVALITET", thread_ts: root });
    });
  });

  describe("direct messages", () => {
    it("answers a DM in the DM, not in a thread", async () => {
      await h.sendAndSettle({ kind: "event", envelope: directMessage(KARIN, BOT_USER_ID, "mina uppdrag", { channel: "D0KARIN01" }) });
      const reply = posts().at(-1)!;
      expect(reply.args.channel).toBe("D0KARIN01");
      expect(reply.args.thread_ts).toBeUndefined();
      expect(visibleText(reply.args.blocks)).toContain("Mina uppdrag");
    });

    it("ignores the bot's own messages, bot posts and edits", async () => {
      const before = posts().length;
      await h.sendAndSettle({ kind: "event", envelope: directMessage(KARIN, BOT_USER_ID, "Klart! Dialogen är bokad.", { botId: BOT_ID }) });
      await h.sendAndSettle({ kind: "event", envelope: directMessage(KARIN, BOT_USER_ID, "hjälp", { subtype: "message_changed" }) });
      await h.sendAndSettle({ kind: "event", envelope: directMessage(KARIN, BOT_USER_ID, "hjälp", { subtype: "bot_message" }) });
      expect(posts().length).toBe(before);
    });
  });

  describe("Slack's retries", () => {
    it("acts once on an event delivered three times (X-Slack-Retry-Num), even across instances' shared store", async () => {
      const eventId = newEventId();
      const envelope = appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0RETRY01", eventId });
      const before = posts().length;
      const first = await h.sendAndSettle({ kind: "event", envelope });
      const second = await h.sendAndSettle({ kind: "event", envelope }, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
      const third = await h.sendAndSettle({ kind: "event", envelope }, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
      expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
      expect(posts().length - before).toBe(1);
      expect((await h.world.store.db.selectFrom("processed_events").selectAll().where("key", "=", `slack:event:${eventId}`).execute()).length).toBe(1);
    });

    it("acts once on concurrent duplicate deliveries", async () => {
      const envelope = appMention(KARIN, BOT_USER_ID, "visa U-1", { channel: "C0RETRY02" });
      const before = await storeFootprint(h.world);
      const postsBefore = posts().length;
      await Promise.all([0, 1, 2, 3].map((retry) => h.send({ kind: "event", envelope }, retry ? { headers: { "x-slack-retry-num": String(retry) } } : {})));
      await h.app.idle();
      expect(posts().length - postsBefore).toBe(1);
      expect((await storeFootprint(h.world)).processedEvents - before.processedEvents).toBe(1);
    });
  });
});
