import { describe, expect, it } from "vitest";
import { conversationIdOf, decodeOrigin, encodeOrigin } from "../src/origin";
import { schoolUnitCodeFromUrl } from "../src/school-links";
import { plainSlackText } from "../src/slack-text";

describe("message text as the user meant it", () => {
  it("drops the bot's own mention and keeps the rest", () => {
    expect(plainSlackText("<@U0SAMBOT> sök rinkeby", "U0SAMBOT")).toBe("sök rinkeby");
    expect(plainSlackText("hej <@U0SAMBOT|samverkan>, visa U-1", "U0SAMBOT")).toBe("hej , visa U-1");
    expect(plainSlackText("<@U0SAMBOT>", "U0SAMBOT")).toBe("");
  });

  it("strips a leading mention when the bot's id is not known yet", () => {
    expect(plainSlackText("<@U00FAKEBOT01> Hey")).toBe("Hey");
  });

  it("undoes Slack's escapes and shows links and channels as their labels", () => {
    expect(plainSlackText("logga U-1 60 % &amp; klart &lt;snart&gt;")).toBe("logga U-1 60 % & klart <snart>");
    expect(plainSlackText("sök <https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=37416253|Rinkebyskolan>")).toBe("sök Rinkebyskolan");
    expect(plainSlackText("se <#C00FAKECHAN2|kvalitet>")).toBe("se #kvalitet");
  });
});

describe("school unit links on Utbildningsguiden", () => {
  it.each([
    ["https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=39907811", "39907811"],
    ["https://utbildningsguiden.skolverket.se/hitta-skola/skolenhet?schoolunitid=37416253&tab=oversikt", "37416253"],
    ["https://utbildningsguiden.skolverket.se/skolenhet/98081621", "98081621"],
    ["http://www.utbildningsguiden.skolverket.se/skolenhet/86215855/", "86215855"],
  ])("reads the code from %s", (url, code) => {
    expect(schoolUnitCodeFromUrl(url)).toBe(code);
  });

  it.each([
    "https://evil.example/skolenhet?schoolUnitID=39907811",
    "https://utbildningsguiden.skolverket.se.evil.example/skolenhet/39907811",
    "https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=3990781",
    "https://utbildningsguiden.skolverket.se/om-oss",
    "not a url",
  ])("ignores %s", (url) => {
    expect(schoolUnitCodeFromUrl(url)).toBeUndefined();
  });
});

describe("conversations and modal metadata", () => {
  it("keys a thread per channel and thread, a DM and the Home tab per user", () => {
    expect(conversationIdOf({ userId: "U1", channelId: "C1", threadTs: "1.2" })).toBe("C1:1.2");
    expect(conversationIdOf({ userId: "U1", channelId: "C1", ephemeral: true })).toBe("C1");
    expect(conversationIdOf({ userId: "U1", channelId: "D1" })).toBe("im:U1");
    expect(conversationIdOf({ userId: "U1", home: true })).toBe("im:U1");
  });

  it("round-trips the origin through private_metadata and rejects anything else", () => {
    const origin = {
      userId: "U1",
      channelId: "C1",
      threadTs: "1.2",
      messageTs: "1.3",
      responseUrl: "https://hooks.slack.com/actions/T/1/x",
      ephemeral: true,
      home: false,
    };
    expect(decodeOrigin(encodeOrigin(origin))).toEqual(origin);
    expect(decodeOrigin('{"c":"C1"}')).toBeUndefined();
    expect(decodeOrigin("{nope")).toBeUndefined();
  });
});
