import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import type { JsonObject } from "./support/fake-slack";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { appHomeOpened, fixturesAvailable, homeAction, linkShared, newTs, state, viewSubmission } from "./support/slack-payloads";
import { BOT_USER_ID, KARIN, UNKNOWN_USER } from "./support/world";

describe.skipIf(!fixturesAvailable)("App Home and link unfurls", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  afterEach(() => expect(limitViolations(h.fake)).toEqual([]));

  describe("App Home", () => {
    it("publishes Karin's home: her dialogues, assignments and coverage", async () => {
      await h.sendAndSettle({ kind: "event", envelope: appHomeOpened(KARIN, BOT_USER_ID) });
      const published = h.fake.callsTo("views.publish").at(-1)!;
      expect(published.args.user_id).toBe(KARIN.userId);
      const view = published.args.view as JsonObject;
      expect(view.type).toBe("home");
      const text = visibleText(view.blocks);
      expect(text).toContain("Hej Karin Lind!");
      expect(text).toContain("Mina kommande dialoger");
      expect(text).toContain("Stockholms kommun");
      expect(text).toContain("U-1 Kartlägg frånvaron");
      expect(text).toContain("Täckning");
    });

    it("publishes the explanation for someone who is not registered", async () => {
      await h.sendAndSettle({ kind: "event", envelope: appHomeOpened(UNKNOWN_USER, BOT_USER_ID) });
      const published = h.fake.callsTo("views.publish").at(-1)!;
      expect(published.args.user_id).toBe(UNKNOWN_USER.userId);
      expect(visibleText((published.args.view as JsonObject).blocks)).toContain("Jag känner inte igen ditt konto");
    });

    it("runs buttons on the Home tab: a form from Home answers in the DM and refreshes Home", async () => {
      const home = h.fake.callsTo("views.publish").find((call) => call.args.user_id === KARIN.userId)!;
      const click = homeAction(KARIN, button((home.args.view as JsonObject).blocks, "progress.form"));
      await h.sendAndSettle({ kind: "interaction", payload: click });
      const opened = h.fake.callsTo("views.open").at(-1)!;
      expect((opened.args.view as JsonObject).callback_id).toBe("progress");

      const publishes = h.fake.callsTo("views.publish").length;
      const posts = h.fake.callsTo("chat.postMessage").length;
      const submission = viewSubmission(KARIN, opened.args.view as JsonObject, {
        note: state.text("Enkät till vårdnadshavare skickad"),
        percent: state.number("25"),
        phase: state.select("startUp"),
      });
      await h.sendAndSettle({ kind: "interaction", payload: submission });
      expect((await h.world.sv.assignments.history("U-1")).map((e) => e.note)).toContain("Enkät till vårdnadshavare skickad");
      const dm = h.fake.callsTo("chat.postMessage").slice(posts);
      expect(dm.map((call) => call.args.channel)).toEqual([KARIN.userId]);
      expect(visibleText(dm[0]!.args.blocks)).toContain("Loggat. Tack!");
      expect(h.fake.callsTo("views.publish").length).toBe(publishes + 1);
      expect(visibleText((h.fake.callsTo("views.publish").at(-1)!.args.view as JsonObject).blocks)).toContain("senaste framsteg: mån 23 nov");
    });
  });

  describe("unfurling Utbildningsguiden links", () => {
    it("unfolds a school unit link into a compact school card", async () => {
      const url = "https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=37416253";
      const ts = newTs();
      await h.sendAndSettle({ kind: "event", envelope: linkShared(KARIN, BOT_USER_ID, [url], { channel: "C0KVALITET", messageTs: ts }) });
      const unfurl = h.fake.callsTo("chat.unfurl").at(-1)!;
      expect(unfurl.args).toMatchObject({ channel: "C0KVALITET", ts });
      const card = (unfurl.args.unfurls as Record<string, JsonObject>)[url]!;
      const text = visibleText(card.blocks);
      expect(text).toContain("Rinkebyskolan");
      expect(text).toContain("Stockholms kommun");
    });

    it("leaves other links and unknown school units alone", async () => {
      const before = h.fake.callsTo("chat.unfurl").length;
      await h.sendAndSettle({ kind: "event", envelope: linkShared(KARIN, BOT_USER_ID, ["https://utbildningsguiden.skolverket.se/om-oss"]) });
      await h.sendAndSettle({ kind: "event", envelope: linkShared(KARIN, BOT_USER_ID, ["https://utbildningsguiden.skolverket.se/skolenhet/11111111"]) });
      expect(h.fake.callsTo("chat.unfurl").length).toBe(before);
    });
  });
});
