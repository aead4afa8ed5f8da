import { beforeAll, describe, expect, it } from "vitest";
import { renderAdaptiveCard, renderSlack, renderText, type Message } from "../../src/index";
import type { EngineReply } from "../../src/engine/index";
import { chatWorld, type ChatWorld } from "./world";

/**
 * Names, notes and queries are data: whatever they hold, they must not become a link, a
 * mention or formatting in Slack mrkdwn, Teams markdown or the terminal.
 */
const HOSTILE = "X [Logga in](https://evil.example) <https://evil.example|klicka> *bold* _kursiv_ ~struken~ `kod` <!channel> @here";

function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own = record.type === "mrkdwn" && typeof record.text === "string" ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}

/** Texts Adaptive Cards read as markdown: TextBlock texts and FactSet values. */
function markdownTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(markdownTexts);
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own =
    (record.type === "TextBlock" && typeof record.text === "string") || (typeof record.title === "string" && typeof record.value === "string")
      ? [String(record.type === "TextBlock" ? record.text : record.value)]
      : [];
  return [...own, ...Object.values(record).flatMap(markdownTexts)];
}

/** Checks one message on all three renderers; returns the Slack mrkdwn for further checks. */
function expectInert(message: Message): void {
  const slack = renderSlack(message);
  const mrkdwn = [...mrkdwnTexts(slack.blocks), slack.text ?? ""].join("\n");
  expect(mrkdwn).toContain("X [Logga in](https://evil.example)"); // shown, as text: Slack does not link []() syntax
  expect(mrkdwn).not.toMatch(/<https?:[^>]*evil/); // no Slack link
  expect(mrkdwn).not.toMatch(/<!channel>|<!here>/); // no broadcast
  expect(mrkdwn).toContain("&lt;!channel&gt;");
  for (const formatted of ["*bold*", "_kursiv_", "~struken~", "`kod`"]) expect(mrkdwn).not.toContain(formatted);
  expect(mrkdwn).toContain("\u2217bold\u2217");

  const markdown = markdownTexts(renderAdaptiveCard(message)).join("\n");
  expect(markdown).toContain("X \\[Logga in\\](https://evil.example)");
  expect(markdown).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(https:\/\/evil/); // no markdown link
  expect(markdown).toContain("\\*bold\\*");
  expect(markdown).toContain("\\_kursiv\\_");

  expect(renderText(message)).toContain(HOSTILE);
}

function all(reply: EngineReply): Message {
  expect(reply.messages.length).toBeGreaterThan(0);
  return { text: reply.messages.map((m) => m.text).join("\n"), blocks: reply.messages.flatMap((m) => m.blocks) };
}

describe("markup injection through names, notes and queries", () => {
  let w: ChatWorld;
  let dialogueId: string;
  beforeAll(async () => {
    w = await chatWorld();
    const system = { actor: { system: "test" }, channel: "system" } as const;
    const organizer = await w.sv.organizers.upsert({ organizationNumber: "5560160680", name: HOSTILE, type: "independent", municipalityCode: "1490" }, system);
    await w.sv.schools.upsert(
      { code: "66666666", name: `Evilskolan ${HOSTILE}`, municipalityCode: "1490", organizerId: organizer.id, typesOfSchooling: ["gr"] },
      system,
    );
    const karin = await w.engine.resolveStaff(w.karin);
    dialogueId = (
      await w.sv.dialogues.book(
        { organizerId: organizer.id, digital: true, start: "2026-11-26T10:00", durationMinutes: 60 },
        { actor: { staffId: karin!.id }, channel: "slack" },
      )
    ).id;
  });

  it("shows an organizer's name as text on a dialogue card and in lists", async () => {
    expectInert(all(await w.act({ id: "dialogue.show", value: { id: dialogueId } })));
    const mine = await w.say("mina dialoger");
    expect(renderText(all(mine))).toContain(HOSTILE);
  });

  it("shows school and organizer names as text on a school card (also used for unfurls)", async () => {
    const card = await w.engine.schoolCard("66666666");
    expect(card).toBeDefined();
    expectInert(card!);
    expectInert(all(await w.act({ id: "school.show", value: { code: "66666666" } })));
  });

  it("shows a progress note as text when asking for confirmation", async () => {
    expectInert(all(await w.say(`logga framsteg U-1 40% ${HOSTILE}`)));
    await w.say("avbryt");
  });

  it("quotes a search query as text", async () => {
    const found = all(await w.say(`sök Evilskolan ${HOSTILE}`));
    const mrkdwn = mrkdwnTexts(renderSlack(found).blocks).join("\n");
    expect(mrkdwn).not.toMatch(/<https?:[^>]*evil/);
    expect(mrkdwn).not.toMatch(/<!channel>/);
    expect(markdownTexts(renderAdaptiveCard(found)).join("\n")).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(https:\/\/evil/);
  });

  it("escapes input that an SDK error quotes back", async () => {
    const reply = all(await w.say("visa uppdrag U-999"));
    expect(renderText(reply)).toContain("U-999");
    const unknownDigest = all(
      await w.engine.handle({
        user: w.karin,
        conversationId: "C0DIGEST",
        text: "digest pausa [x](https://evil.example)",
        target: { platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" },
      }),
    );
    expect(markdownTexts(renderAdaptiveCard(unknownDigest)).join("\n")).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(https:\/\/evil/);
  });
});
