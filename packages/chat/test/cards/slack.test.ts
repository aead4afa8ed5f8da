import type { ActionsBlock, ContextBlock, HeaderBlock, InputBlock, KnownBlock, SectionBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { checkSlackLimits, renderSlack, renderSlackFormErrors, renderSlackModal, CardLimitError, type Message } from "../../src/cards";
import {
  allForms,
  allMessages,
  bookingForm,
  bookingFormWithErrors,
  bookingMessage,
  bookingMessageWithErrors,
  confirmationCard,
  hostile,
  longListPage,
  pickList,
  schoolCard,
  unpagedLongList,
} from "./fixtures";
import { hasLoneSurrogate, slackButtons, slackStrings } from "./slack-helpers";

function ofType<T extends KnownBlock>(blocks: readonly KnownBlock[], type: T["type"]): T[] {
  return blocks.filter((block): block is T => block.type === type);
}

describe("renderSlack: every message stays within Slack's limits", () => {
  it.each(Object.entries(allMessages))("%s", (_name, message) => {
    const payload = renderSlack(message);
    expect(checkSlackLimits(payload)).toEqual([]);
    for (const text of slackStrings(payload)) expect(hasLoneSurrogate(text)).toBe(false);
  });

  it.each(Object.entries(allForms))("modal for %s", (_name, form) => {
    const view = renderSlackModal(form, { privateMetadata: JSON.stringify({ conversation: "c-1" }) });
    expect(checkSlackLimits(view)).toEqual([]);
    for (const text of slackStrings(view)) expect(hasLoneSurrogate(text)).toBe(false);
  });
});

describe("renderSlack: school card", () => {
  const { text, blocks } = renderSlack(schoolCard);

  it("keeps the notification text, escaped", () => {
    expect(text).toBe("Åsbackaskolan (39907811), Härnösands kommun");
  });

  it("renders header, mrkdwn paragraph, two-column fields, divider, buttons and context in order", () => {
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "divider", "actions", "context"]);
    expect((blocks[0] as HeaderBlock).text).toEqual({ type: "plain_text", text: "Åsbackaskolan", emoji: true });
  });

  it("converts the tiny markup to mrkdwn, escaping & in the link", () => {
    const paragraph = blocks[1] as SectionBlock;
    expect(paragraph.text).toEqual({
      type: "mrkdwn",
      verbatim: true,
      text:
        "Grundskola åk 7–9 i *Härnösand*. Vald till _Samverkan för bästa skola_ 2024, se " +
        "<https://www.skolverket.se/skolutveckling/statistik?skolenhet=39907811&amp;lasar=2024|Skolverkets statistik>.",
    });
  });

  it("shows fields as bold label over value", () => {
    const fields = (blocks[2] as SectionBlock).fields ?? [];
    expect(fields).toHaveLength(6);
    expect(fields[0]).toEqual({ type: "mrkdwn", verbatim: true, text: "*Skolenhetskod*\n39907811" });
    expect(fields[4]?.text).toBe("*Meritvärde åk 9*\n*198,4* (riket 229,8)");
  });

  it("renders 'Boka dialog' as a primary button whose action_id and value identify the action", () => {
    const [book, assignments, website] = (blocks[4] as ActionsBlock).elements;
    expect(book).toEqual({
      type: "button",
      action_id: "dialogue.book.start:0",
      text: { type: "plain_text", text: "Boka dialog", emoji: true },
      value: JSON.stringify({ id: "dialogue.book.start", value: { schoolUnit: "39907811" } }),
      style: "primary",
    });
    expect(assignments).toMatchObject({ action_id: "assignment.list:1" });
    expect(assignments).not.toHaveProperty("style");
    expect(website).toMatchObject({ action_id: "link.open:2", url: "https://www.harnosand.se/asbackaskolan" });
  });
});

describe("renderSlack: confirmation", () => {
  const payload = renderSlack(confirmationCard);

  it("styles confirm as primary and cancel as danger", () => {
    const buttons = slackButtons(payload.blocks);
    expect(buttons.map((button) => [button.text.text, button.style])).toEqual([
      ["Boka", "primary"],
      ["Avbryt", "danger"],
    ]);
  });
});

describe("renderSlack: lists", () => {
  it("shows each of 8 schools as a section with a 'Välj' button, action ids numbered through the message", () => {
    const { blocks } = renderSlack(pickList);
    const rows = ofType<SectionBlock>(blocks, "section").filter((section) => section.accessory);
    expect(rows).toHaveLength(8);
    expect(rows[1]?.text?.text).toBe("*Östra skolan*\nSkolenhet 39907812 · Härnösands kommun");
    expect(rows.map((row) => (row.accessory as { action_id: string }).action_id)).toEqual(Array.from({ length: 8 }, (_, index) => `school.pick:${index}`));
    expect(slackButtons(blocks).at(-1)?.action_id).toBe("search.cancel:8");
  });

  it("pages a 120-item list: 10 rows, 'Sida 1 av 12' and a next button, no previous on the first page", () => {
    const { blocks } = renderSlack(longListPage(0));
    const rows = ofType<SectionBlock>(blocks, "section");
    expect(rows).toHaveLength(10);
    expect(rows[0]?.text?.text).toContain("Skola nr 1 –");
    const context = ofType<ContextBlock>(blocks, "context")[0];
    expect(context?.elements[0]).toMatchObject({ text: "Sida 1 av 12" });
    const navigation = ofType<ActionsBlock>(blocks, "actions").at(-1);
    expect(navigation?.elements.map((element) => (element as { text: { text: string } }).text.text)).toEqual(["Nästa sida"]);
  });

  it("shows previous and next in the middle and only previous on the last page", () => {
    const labels = (message: Message) =>
      slackButtons(renderSlack(message).blocks)
        .filter((button) => button.action_id?.startsWith("school.list.page"))
        .map((button) => button.text.text);
    expect(labels(longListPage(5))).toEqual(["Föregående sida", "Nästa sida"]);
    expect(labels(longListPage(11))).toEqual(["Föregående sida"]);
    expect(slackStrings(renderSlack(longListPage(11)))).toContain("Sida 12 av 12");
  });

  it("cuts an unpaged 120-row list to fit 50 blocks, says how many were left out and keeps the trailing buttons", () => {
    const { blocks } = renderSlack(unpagedLongList);
    expect(blocks).toHaveLength(50);
    const rows = ofType<SectionBlock>(blocks, "section");
    // 50 = header + 47 rows + "… och 73 till" + the trailing actions block.
    expect(rows).toHaveLength(47);
    expect(slackStrings(blocks)).toContain("… och 73 till");
    expect(slackButtons(blocks).at(-1)?.text.text).toBe("Förfina sökningen");
  });

  it("uses English for the renderer's own words when the message is in English", () => {
    expect(slackStrings(renderSlack(allMessages.english!))).toContain("Page 2 of 12");
  });
});

describe("renderSlack: forms inline in a message", () => {
  const { blocks } = renderSlack(bookingMessage);
  const inputs = ofType<InputBlock>(blocks, "input");

  it("renders every input as an input block with block_id = action_id = input id", () => {
    expect(inputs.map((input) => [input.block_id, input.element.action_id, input.element.type])).toEqual([
      ["date", "date", "datepicker"],
      ["start", "start", "timepicker"],
      // number_input is modal-only in Slack; in messages numbers are typed as text.
      ["participants", "participants", "plain_text_input"],
      ["office", "office", "static_select"],
      ["agenda", "agenda", "plain_text_input"],
      ["digital", "digital", "checkboxes"],
    ]);
    expect(inputs.map((input) => input.optional)).toEqual([false, false, false, false, true, true]);
  });

  it("pre-fills current values", () => {
    expect(inputs[0]?.element).toMatchObject({ initial_date: "2025-03-12" });
    expect(inputs[1]?.element).toMatchObject({ initial_time: "09:30" });
    expect(inputs[3]?.element).toMatchObject({ initial_option: { value: "harnosand", text: { text: "Härnösand" } } });
  });

  it("ends with submit (primary by default) and cancel buttons", () => {
    const last = blocks.at(-1) as ActionsBlock;
    expect(last.elements.map((element) => (element as { action_id: string }).action_id)).toEqual(["dialogue.book.submit:0", "dialogue.book.cancel:1"]);
    expect(last.elements[0]).toMatchObject({ style: "primary" });
  });

  it("shows errors under the inputs they belong to, and form-level errors first", () => {
    const rendered = renderSlack(bookingMessageWithErrors).blocks;
    const order = rendered.map((block) =>
      block.type === "input"
        ? `input:${block.block_id}`
        : block.type === "context"
          ? `error:${(block.elements[0] as { text: string }).text.split(" ").slice(0, 2).join(" ")}`
          : block.type,
    );
    expect(order).toEqual([
      "section",
      "error::warning: Regionkontoret",
      "input:date",
      "error::warning: Datumet",
      "input:start",
      "input:participants",
      "error::warning: Fyll",
      "input:office",
      "input:agenda",
      "input:digital",
      "actions",
    ]);
  });
});

describe("renderSlackModal", () => {
  const view = renderSlackModal(bookingForm, { privateMetadata: "conversation:c-42" });

  it("uses the form id as callback_id, real number_input, and notify_on_close for cancel", () => {
    expect(view.callback_id).toBe("dialogue.book");
    expect(view.notify_on_close).toBe(true);
    const number = view.blocks.find((block) => block.block_id === "participants") as InputBlock;
    expect(number.element).toEqual({
      type: "number_input",
      action_id: "participants",
      is_decimal_allowed: false,
      min_value: "1",
      max_value: "30",
    });
  });

  it("shortens the title to 24 characters and repeats it in full inside", () => {
    expect(view.title.text).toBe("Boka kvalitetsdialog me…");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect((view.blocks[0] as SectionBlock).text?.text).toBe("*Boka kvalitetsdialog med huvudman*");
    expect(view.submit?.text).toBe("Boka");
    expect(view.close?.text).toBe("Avbryt");
  });

  it("defaults the close button to 'Avbryt' and skips notify_on_close without a cancel action", () => {
    const { cancel: _cancel, ...withoutCancel } = bookingForm;
    const plain = renderSlackModal(withoutCancel);
    expect(plain.close?.text).toBe("Avbryt");
    expect(plain.notify_on_close).toBeUndefined();
  });

  it("refuses identifiers it would have to cut", () => {
    expect(() => renderSlackModal(bookingForm, { privateMetadata: "x".repeat(3000) })).toThrow(CardLimitError);
    expect(() => renderSlackModal(bookingForm, { callbackId: "c".repeat(256) })).toThrow(/callback_id/);
  });
});

describe("renderSlackFormErrors", () => {
  it("answers a view_submission with errors keyed by block id", () => {
    expect(renderSlackFormErrors({ date: "Datumet finns inte." })).toEqual({
      response_action: "errors",
      errors: { date: "Datumet finns inte." },
    });
  });

  it("moves errors that name no input to the first input when given the form", () => {
    const { errors } = renderSlackFormErrors(bookingFormWithErrors.errors ?? {}, bookingFormWithErrors);
    expect(Object.keys(errors).sort()).toEqual(["date", "participants"]);
    expect(errors.date).toBe("Datumet finns inte. Ange datum som ÅÅÅÅ-MM-DD. Regionkontoret i Göteborg öppnar 2024 och kan inte ta emot dialoger före dess.");
  });
});

describe("renderSlack: hostile text", () => {
  const payload = renderSlack(hostile);
  const strings = slackStrings(payload.blocks);

  it("escapes &, < and > so user text cannot become markup, links or mentions", () => {
    const visible = strings.filter((text) => text.includes("script"));
    expect(visible.length).toBeGreaterThan(0);
    // mrkdwn escapes; plain_text (header, labels) is shown literally by Slack.
    const mrkdwn = payload.blocks.flatMap((block) => (block.type === "section" && block.text?.type === "mrkdwn" ? [block.text.text] : []));
    for (const text of mrkdwn) {
      expect(text).not.toMatch(/<script|<!channel>|<!here>|<@U123>/);
    }
    expect(mrkdwn[0]).toContain("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;@U123&gt; &lt;!here&gt;");
    expect(payload.text.startsWith("&lt;!channel&gt; &lt;script&gt;")).toBe(true);
  });

  it("links only http(s)/mailto URLs and escapes | and & inside them", () => {
    const [first] = payload.blocks.flatMap((block) => (block.type === "section" && block.text ? [block.text.text] : []));
    expect(first).toContain("[länk](javascript:alert(1))");
    expect(first).toContain("<https://example.se/a%7Cb&amp;c=d|ok>");
    expect(first).toContain("[trasig](https://example.se/a&gt;b)");
  });

  it("cuts 5,000 characters to 3,000 with an ellipsis, keeping bold markers closed", () => {
    const sections = payload.blocks.filter((block): block is SectionBlock => block.type === "section" && !!block.text);
    const long = sections[1]?.text?.text ?? "";
    expect(long.length).toBeLessThanOrEqual(3000);
    expect(long.length).toBeGreaterThan(2900);
    expect(long.endsWith("…")).toBe(true);
    expect(long).not.toMatch(/&[a-z]*…$/);
    const bold = sections[2]?.text?.text ?? "";
    expect(bold).toMatch(/^\*Åäö &amp; &lt;b&gt;ÅÄÖ&lt;\/b&gt;/);
    expect(bold).toMatch(/\*…$/);
  });

  it("splits 15 fields into sections of at most 10", () => {
    const fieldSections = payload.blocks.filter((block): block is SectionBlock => block.type === "section" && !!block.fields);
    expect(fieldSections.map((section) => section.fields?.length)).toEqual([10, 5]);
  });

  it("splits 30 buttons into actions blocks of at most 25 and truncates long labels to 75", () => {
    const bulk = payload.blocks.filter(
      (block): block is ActionsBlock => block.type === "actions" && (block.elements[0] as { action_id?: string }).action_id?.startsWith("bulk.pick") === true,
    );
    expect(bulk.map((block) => block.elements.length)).toEqual([25, 5]);
    const longButton = slackButtons(payload.blocks).find((button) => button.action_id?.startsWith("school.pick"));
    expect(longButton?.text.text.length).toBeLessThanOrEqual(75);
    expect(longButton?.text.text.endsWith("…")).toBe(true);
  });

  it("keeps at most 100 select options and still includes the selected one", () => {
    const select = payload.blocks.find((block) => block.block_id === "many") as InputBlock;
    const element = select.element as { options: { value: string }[]; initial_option: { value: string } };
    expect(element.options).toHaveLength(100);
    expect(element.initial_option.value).toBe("v149");
    expect(element.options.at(-1)?.value).toBe("v149");
  });

  it("drops malformed date and time values rather than sending them", () => {
    const date = payload.blocks.find((block) => block.block_id === "date") as InputBlock;
    const time = payload.blocks.find((block) => block.block_id === "time") as InputBlock;
    expect(date.element).not.toHaveProperty("initial_date");
    expect(time.element).not.toHaveProperty("initial_time");
  });

  it("replaces a select without options by a note", () => {
    expect(payload.blocks.find((block) => block.block_id === "none")).toBeUndefined();
    expect(strings).toContain("Inga val: Det finns inga alternativ att välja.");
  });
});

describe("renderSlack: refuses what it cannot shorten", () => {
  it("throws CardLimitError when a button value would exceed 2,000 characters", () => {
    const message: Message = {
      text: "x",
      blocks: [{ type: "actions", actions: [{ id: "note.save", label: "Spara", value: { note: "x".repeat(2000) } }] }],
    };
    expect(() => renderSlack(message)).toThrow(CardLimitError);
    expect(() => renderSlack(message)).toThrow(/Put ids in action values/);
  });

  it("throws when a select option value is too long to be an id", () => {
    const message: Message = {
      text: "x",
      blocks: [
        {
          type: "form",
          id: "f",
          title: "F",
          submit: { id: "f.submit", label: "OK", value: {} },
          inputs: [{ kind: "select", id: "s", label: "S", options: [{ label: "A", value: "a".repeat(76) }] }],
        },
      ],
    };
    expect(() => renderSlack(message)).toThrow(/option value/);
  });
});

describe("checkSlackLimits", () => {
  it("reports each violation with its path", () => {
    const problems = checkSlackLimits({
      text: "x",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "h".repeat(151) } },
        { type: "section", text: { type: "mrkdwn", text: "" } },
        {
          type: "actions",
          elements: [
            { type: "button", action_id: "a", text: { type: "plain_text", text: "b".repeat(76) } },
            { type: "button", action_id: "a", text: { type: "plain_text", text: "ok" }, value: "v".repeat(2001) },
          ],
        },
        { type: "input", label: { type: "plain_text", text: "n" }, element: { type: "number_input", is_decimal_allowed: false } },
        ...Array.from({ length: 47 }, () => ({ type: "divider" as const })),
      ],
    });
    expect(problems).toEqual([
      "blocks: 51 items, max 50",
      "blocks[0].text: 151 characters, max 150",
      "blocks[1].text: empty, needs at least 1 character(s)",
      "blocks[2].elements[0].text: 76 characters, max 75",
      'blocks[2].elements[1].action_id: "a" is not unique',
      "blocks[2].elements[1].value: 2001 characters, max 2000",
      "blocks[3].element: number_input is only allowed in modals",
    ]);
  });

  it("checks modal title, buttons and metadata", () => {
    const problems = checkSlackLimits({
      type: "modal",
      title: { type: "plain_text", text: "t".repeat(25) },
      submit: { type: "plain_text", text: "s".repeat(25) },
      private_metadata: "m".repeat(3001),
      blocks: [],
    });
    expect(problems).toEqual(["title: 25 characters, max 24", "submit: 25 characters, max 24", "private_metadata: 3001 characters, max 3000"]);
  });
});
