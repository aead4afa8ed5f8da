import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button } from "./support/clicks";
import { limitViolations, startHarness, visibleText, type Harness } from "./support/harness";
import { blockAction, fixturesAvailable, slashCommand } from "./support/slack-payloads";
import { KARIN } from "./support/world";

describe.skipIf(!fixturesAvailable)("setting up a channel digest with /samverkan", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("confirms first, then subscribes the channel the command came from", async () => {
    const responseUrl = h.fake.responseUrl();
    await h.sendAndSettle({ kind: "command", fields: slashCommand(KARIN, "digest varje måndag 08:00 län 22", { responseUrl, channelId: "C0DIGEST" }) });
    const question = h.fake.hooksAt(responseUrl)[0]!.body;
    expect(visibleText(question.blocks)).toContain("Västernorrlands län");
    expect(await h.world.sv.digests.list()).toEqual([]);

    const confirm = button(question.blocks, "digest.create.confirm");
    await h.sendAndSettle({
      kind: "interaction",
      payload: blockAction(KARIN, confirm, { channel: "C0DIGEST", ephemeral: true, responseUrl: h.fake.responseUrl() }),
    });
    const [subscription] = await h.world.sv.digests.list();
    expect(subscription).toMatchObject({ target: { platform: "slack", channelId: "C0DIGEST" }, status: "active" });
    expect(limitViolations(h.fake)).toEqual([]);
  });
});
