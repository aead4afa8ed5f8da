import { describe, expect, it } from "vitest";
import { conversationKind, teamsUser, tenantOf } from "../src/activity/identity";
import { mentionsBot, stripMentions } from "../src/activity/mentions";
import { readActivity, type TeamsActivity } from "../src/activity/schema";
import { fixturesAvailable, fixturesMissingReason, message } from "./support/activities";

const serviceUrl = "http://127.0.0.1:9/";

function read(activity: unknown): TeamsActivity {
  const parsed = readActivity(activity);
  expect(parsed).toBeDefined();
  return parsed!;
}

describe.skipIf(!fixturesAvailable)(`reading recorded Teams activities${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  it("strips the bot's <at> mention from a channel message and knows it was mentioned", () => {
    const activity = read(message("channel", "sök Rinkebyskolan", { serviceUrl }));
    expect(activity.text).toBe("<at>Chat SDK Demo</at> sök Rinkebyskolan");
    expect(mentionsBot(activity)).toBe(true);
    expect(stripMentions(activity)).toBe("sök Rinkebyskolan");
    expect(conversationKind(activity)).toBe("channel");
  });

  it("keeps other people's names and turns &nbsp; into spaces", () => {
    const activity = read({ ...message("channel", "x", { serviceUrl }), text: "<at>Chat SDK Demo</at>&nbsp;boka dialog med <at>Karin Lind</at> imorgon" });
    expect(stripMentions(activity)).toBe("boka dialog med Karin Lind imorgon");
  });

  it("reads a group-chat mention whose entity has no text (as Teams sent it)", () => {
    const activity = read(message("group", "hjälp", { serviceUrl }));
    expect(mentionsBot(activity)).toBe(true);
    expect(stripMentions(activity)).toBe("hjälp");
    expect(conversationKind(activity)).toBe("groupChat");
  });

  it("sees an unmentioned channel message as not for the bot", () => {
    expect(mentionsBot(read(message("channel", "hej alla", { serviceUrl, mention: false })))).toBe(false);
  });

  it("maps a personal message to the Teams user (tenant + Entra object id)", () => {
    const activity = read(message("personal", "hej", { serviceUrl }));
    expect(conversationKind(activity)).toBe("personal");
    expect(tenantOf(activity)).toBe("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    expect(teamsUser(activity)).toEqual({
      platform: "teams",
      tenantId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
      aadObjectId: "00000000-1111-2222-3333-444444444444",
      displayName: "Test User",
    });
  });

  it("has no user when Teams did not send an Entra object id", () => {
    const activity = message("group", "hej", { serviceUrl });
    delete (activity.from as Record<string, unknown>).aadObjectId;
    expect(teamsUser(read(activity))).toBeUndefined();
  });
});
