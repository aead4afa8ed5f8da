/**
 * The engine decides whether a click's answer takes the place of the clicked message
 * (`replaceOriginal`); real Bolt against the fake Slack shows the app following it: a
 * replacing answer goes to the click's response_url with `replace_original: true`, any
 * other is posted as a new message in the thread.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appMention, blockAction, fixturesAvailable, newTs } from "./support/slack-payloads";
import { BOT_USER_ID, KARIN } from "./support/world";

describe.skipIf(!fixturesAvailable)("clicks: replace the message or post a new one, as the engine says", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  const posts = () => h.fake.callsTo("chat.postMessage");

  it("a button that starts something posts its answer in the thread and leaves the card; cancel then replaces the question", async () => {
    const channel = "C0REPLACE1";
    const thread = newTs();
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "visa skola 37416253", { channel, ts: thread }) });
    const schoolCard = posts().at(-1)!;
    expect(visibleText(schoolCard.args.blocks)).toContain("Rinkebyskolan");

    // "Boka dialog" on the school card: not a replacing answer.
    const startUrl = h.fake.responseUrl("actions");
    const before = posts().length;
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, button(schoolCard.args.blocks, "book.start"), { channel, threadTs: thread, responseUrl: startUrl }),
    });
    expect(h.fake.hooksAt(startUrl)).toEqual([]);
    expect(h.fake.callsTo("chat.update")).toEqual([]);
    const [question, ...more] = posts().slice(before);
    expect(more).toEqual([]);
    expect(question!.args).toMatchObject({ channel, thread_ts: thread });
    expect(visibleText(question!.args.blocks)).toContain("Vilken dag och tid");

    // "Avbryt" on that question: the answer takes the question's place, nothing new is posted.
    const cancelUrl = h.fake.responseUrl("actions");
    const beforeCancel = posts().length;
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, button(question!.args.blocks, "flow.cancel"), { channel, threadTs: thread, responseUrl: cancelUrl }),
    });
    const [replaced, ...again] = h.fake.hooksAt(cancelUrl);
    expect(again).toEqual([]);
    expect(replaced!.body.replace_original).toBe(true);
    expect(visibleText(replaced!.body.blocks)).toContain("Okej, jag avbröt");
    expect(posts().length).toBe(beforeCancel);
  });
});
