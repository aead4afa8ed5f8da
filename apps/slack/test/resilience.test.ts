import { createEngine, type Engine } from "@samverkan/chat";
import { afterEach, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import type { JsonObject } from "./support/fake-slack";
import { storeFootprint } from "./support/footprint";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appMention, blockAction, fixturesAvailable, newTs, slashCommand, state, viewClosed, viewSubmission } from "./support/slack-payloads";
import { BOT_USER_ID, FOREIGN_TEAM_ID, KARIN, type World } from "./support/world";

describe.skipIf(!fixturesAvailable)("resilience", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    if (h) expect(limitViolations(h.fake)).toEqual([]);
    await h?.close();
    h = undefined;
  });

  it("answers politely when the engine throws, and keeps serving", async () => {
    const broken = (world: World): Engine => ({
      ...createEngine({ samverkan: world.sv }),
      handle: () => Promise.reject(new Error("database on fire")),
      home: () => Promise.reject(new Error("database on fire")),
    });
    h = await startHarness({ engine: broken });
    const responseUrl = h.fake.responseUrl();
    const ack = await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "sök rinkeby", { responseUrl }) });
    expect(ack.status).toBe(200);
    expect(h.fake.hooksAt(responseUrl)[0]!.body.text).toBe("Något gick fel hos mig. Försök igen om en stund; felet är loggat.");
    expect(h.logs.some((line) => line.msg === "engine turn failed")).toBe(true);
  });

  it("closes a modal whose answer misses Slack's 3-second window and sends the errors as a message", async () => {
    let slowAnswerDone = false;
    const slowForms = (world: World): Engine => {
      const real = createEngine({ samverkan: world.sv });
      return {
        ...real,
        handle: async (turn) => {
          const reply = await real.handle(turn);
          if (turn.form) await new Promise((resolve) => setTimeout(resolve, 4500));
          if (turn.form) slowAnswerDone = true;
          return reply;
        },
      };
    };
    h = await startHarness({ engine: slowForms });
    const thread = newTs();
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "boka dialog", { channel: "C0SLOW0001", ts: thread }) });
    const question = h.fake.callsTo("chat.postMessage").at(-1)!;
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, button(question.args.blocks, "book.form"), {
        channel: "C0SLOW0001",
        threadTs: thread,
        responseUrl: h.fake.responseUrl("actions"),
      }),
    });
    const view = h.fake.callsTo("views.open").at(-1)!.args.view as JsonObject;
    const ack = await h.send({
      kind: "interaction",
      payload: viewSubmission(KARIN, view, {
        organizer: state.text("Atlantis skolområde"),
        date: state.date("2026-12-03"),
        time: state.time("13:00"),
        duration: state.number("60"),
        place: state.select("digital"),
      }),
    });
    // The ack did not wait for the slow answer (no wall-clock threshold: the machine may be busy).
    expect(slowAnswerDone).toBe(false);
    expect(ack.text).toBe("");
    await h.app.idle();
    const late = h.fake.callsTo("chat.postMessage").at(-1)!;
    expect(late.args).toMatchObject({ channel: "C0SLOW0001", thread_ts: thread });
    expect(visibleText(late.args.blocks)).toContain("Formuläret kunde inte sparas");
    expect(visibleText(late.args.blocks)).toContain("Atlantis skolområde");
  });

  it("ignores link buttons and buttons it did not render", async () => {
    h = await startHarness();
    const before = await storeFootprint(h.world);
    const link = blockAction(KARIN, { action_id: "link:1", value: JSON.stringify({ id: "link", value: {} }) });
    (link.actions as JsonObject[])[0]!.url = "https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=37416253";
    await h.sendAndSettle({ kind: "interaction", payload: link });
    await h.sendAndSettle({ kind: "interaction", payload: blockAction(KARIN, { action_id: "report", value: "bug" }) });
    expect(h.fake.calls.filter((call) => call.method !== "auth.test")).toEqual([]);
    expect(h.fake.hooks).toEqual([]);
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("refuses a button press from a foreign workspace with a private note and nothing else", async () => {
    h = await startHarness();
    const before = await storeFootprint(h.world);
    const responseUrl = h.fake.responseUrl("actions");
    const stranger = { teamId: FOREIGN_TEAM_ID, userId: "U00FAKEUSER2" };
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(stranger, { action_id: "help:0", value: JSON.stringify({ id: "help", value: {} }) }, { responseUrl }),
    });
    expect(h.fake.hooksAt(responseUrl).map((hook) => hook.body)).toEqual([
      { response_type: "ephemeral", replace_original: false, text: "Den här Slack-arbetsytan är inte ansluten till Samverkan." },
    ]);
    expect(h.fake.calls.filter((call) => call.method !== "auth.test")).toEqual([]);
    expect(await storeFootprint(h.world)).toEqual(before);
  });

  it("replaces the message on confirm and cancel buttons", async () => {
    h = await startHarness();
    const thread = newTs();
    await h.sendAndSettle({
      kind: "event",
      envelope: appMention(KARIN, BOT_USER_ID, "boka dialog med Borås kommun 4 december kl 9 digitalt", { channel: "C0CONFIRM1", ts: thread }),
    });
    const confirmCard = h.fake.callsTo("chat.postMessage").at(-1)!;
    expect(visibleText(confirmCard.args.blocks)).toContain("Boka kvalitetsdialog");
    const responseUrl = h.fake.responseUrl("actions");
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, button(confirmCard.args.blocks, "book.confirm"), { channel: "C0CONFIRM1", threadTs: thread, responseUrl }),
    });
    const [replaced] = h.fake.hooksAt(responseUrl);
    expect(replaced!.body.replace_original).toBe(true);
    expect(visibleText(replaced!.body.blocks)).toContain("Klart! Dialogen är bokad.");
    expect((await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId })).some((d) => d.start === "2026-12-04T09:00:00+01:00")).toBe(true);
  });

  it("dismissing a modal with its cancel button forgets the pending question quietly", async () => {
    h = await startHarness();
    const thread = newTs();
    await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "boka dialog", { channel: "C0CLOSE001", ts: thread }) });
    expect((await storeFootprint(h.world)).conversationState).toBe(1);
    const question = h.fake.callsTo("chat.postMessage").at(-1)!;
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, button(question.args.blocks, "book.form"), {
        channel: "C0CLOSE001",
        threadTs: thread,
        responseUrl: h.fake.responseUrl("actions"),
      }),
    });
    const view = h.fake.callsTo("views.open").at(-1)!.args.view as JsonObject;
    expect(view.notify_on_close).toBe(true);
    const posts = h.fake.callsTo("chat.postMessage").length;
    const ack = await h.sendAndSettle({ kind: "interaction", payload: viewClosed(KARIN, view) });
    expect(ack.status).toBe(200);
    expect((await storeFootprint(h.world)).conversationState).toBe(0);
    expect(h.fake.callsTo("chat.postMessage").length).toBe(posts);
  });
});
