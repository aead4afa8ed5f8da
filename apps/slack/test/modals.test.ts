import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import type { JsonObject } from "./support/fake-slack";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appMention, blockAction, fixturesAvailable, newTs, slashCommand, state, viewSubmission } from "./support/slack-payloads";
import { BOT_USER_ID, KARIN } from "./support/world";

describe.skipIf(!fixturesAvailable)("forms in modals", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  /** The view the app last opened, as Slack would echo it back in view_submission. */
  const lastOpenedView = (): JsonObject => h.fake.callsTo("views.open").at(-1)!.args.view as JsonObject;

  describe("booking a quality dialogue", () => {
    const channel = "C0KVALITET";
    let thread: string;
    let bookingView: JsonObject;

    it("opens the booking form from the button in the thread, remembering channel and thread", async () => {
      thread = newTs();
      await h.sendAndSettle({ kind: "event", envelope: appMention(KARIN, BOT_USER_ID, "boka dialog", { channel, ts: thread }) });
      const question = h.fake.callsTo("chat.postMessage").at(-1)!;
      expect(question.args).toMatchObject({ channel, thread_ts: thread });

      const click = blockAction(KARIN, button(question.args.blocks, "book.form"), { channel, threadTs: thread, responseUrl: h.fake.responseUrl("actions") });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: click });
      expect(ack.status).toBe(200);
      const opened = h.fake.callsTo("views.open").at(-1)!;
      expect(opened.args.trigger_id).toBe(click.trigger_id);
      bookingView = lastOpenedView();
      expect(bookingView).toMatchObject({ type: "modal", callback_id: "book", title: { text: "Boka dialog" } });
      expect(JSON.parse(String(bookingView.private_metadata)).meta).toContain(thread);
    });

    it("keeps the modal open with a Swedish error under the organizer when nothing matches", async () => {
      const submission = viewSubmission(KARIN, bookingView, {
        organizer: state.text("Atlantis skolområde"),
        date: state.date("2026-12-03"),
        time: state.time("13:00"),
        duration: state.number("60"),
        place: state.select("digital", "Digitalt"),
      });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: submission });
      expect(ack.json).toEqual({
        response_action: "errors",
        errors: { organizer: 'Jag hittade ingen huvudman eller skola som matchar "Atlantis skolområde". Prova ett annat namn.' },
      });
      expect(await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId })).toHaveLength(1);
    });

    it("shows a clash on the time field, listing free times that day", async () => {
      const submission = viewSubmission(KARIN, bookingView, {
        organizer: state.text("Borås kommun"),
        date: state.date("2026-12-03"),
        time: state.time("10:30"),
        duration: state.number("60"),
        place: state.select("digital", "Digitalt"),
      });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: submission });
      const body = ack.json as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(Object.keys(body.errors)).toEqual(["time"]);
      expect(body.errors.time).toContain("Karin Lind är upptagen 2026-12-03 10:00–11:00");
      expect(body.errors.time).toMatch(/Lediga tider: tor 3 dec \d\d:\d\d–\d\d:\d\d/);
      expect(await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId })).toHaveLength(1);
    });

    it("books a free time, closes the modal and confirms in the thread", async () => {
      const posted = h.fake.callsTo("chat.postMessage").length;
      const submission = viewSubmission(KARIN, bookingView, {
        organizer: state.text("Borås kommun"),
        date: state.date("2026-12-03"),
        time: state.time("13:00"),
        duration: state.number("90"),
        place: state.select("digital", "Digitalt"),
      });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: submission });
      expect(ack.status).toBe(200);
      expect(ack.text).toBe("");
      const confirmation = h.fake.callsTo("chat.postMessage").slice(posted);
      expect(confirmation).toHaveLength(1);
      expect(confirmation[0]!.args).toMatchObject({ channel, thread_ts: thread });
      expect(visibleText(confirmation[0]!.args.blocks)).toContain("Klart! Dialogen är bokad.");
      const upcoming = await h.world.sv.dialogues.listUpcoming({ staffId: h.world.karinId });
      expect(upcoming.map((d) => [d.organizerId, d.start, d.end, d.digital])).toContainEqual([
        h.world.borasId,
        "2026-12-03T13:00:00+01:00",
        "2026-12-03T14:30:00+01:00",
        true,
      ]);
    });
  });

  describe("logging progress from a button", () => {
    let responseUrl: string;
    let progressView: JsonObject;

    it("opens the progress form from the assignment card's button", async () => {
      const commandUrl = h.fake.responseUrl();
      await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "visa U-1", { responseUrl: commandUrl }) });
      const card = h.fake.hooksAt(commandUrl)[0]!.body;
      responseUrl = h.fake.responseUrl("actions");
      const click = blockAction(KARIN, button(card.blocks, "progress.form"), { ephemeral: true, responseUrl });
      await h.sendAndSettle({ kind: "interaction", payload: click });
      progressView = lastOpenedView();
      expect(progressView).toMatchObject({ type: "modal", callback_id: "progress", title: { text: "Logga framsteg" }, submit: { text: "Logga" } });
    });

    it("refuses 140 % with a Swedish error on the percent input and logs nothing", async () => {
      const submission = viewSubmission(KARIN, progressView, {
        note: state.text("Workshop med elevhälsoteamet"),
        percent: state.number("140"),
        phase: state.select("startUp"),
      });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: submission });
      expect(ack.json).toEqual({ response_action: "errors", errors: { percent: "Procent måste vara mellan 0 och 100." } });
      expect(await h.world.sv.assignments.history("U-1")).toEqual([]);
    });

    it("writes the progress row, closes the modal and answers privately where the card was", async () => {
      const submission = viewSubmission(KARIN, progressView, {
        note: state.text("Första träffen med elevhälsoteamet"),
        percent: state.number("40"),
        phase: state.select("planning"),
      });
      const ack = await h.sendAndSettle({ kind: "interaction", payload: submission });
      expect(ack.text).toBe("");
      const history = await h.world.sv.assignments.history("U-1");
      expect(history.map((entry) => [entry.note, entry.percent, entry.phaseChange])).toEqual([["Första träffen med elevhälsoteamet", 40, "planning"]]);
      expect(await h.world.sv.assignments.get("U-1")).toMatchObject({ phase: "planning", percent: 40 });
      const answer = h.fake.hooksAt(responseUrl).at(-1)!.body;
      expect(answer.response_type).toBe("ephemeral");
      expect(visibleText(answer.blocks)).toContain("Loggat. Tack!");
    });
  });
});
