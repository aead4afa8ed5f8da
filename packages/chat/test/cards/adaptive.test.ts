import { describe, expect, it } from "vitest";
import {
  renderAdaptiveCard,
  renderAdaptiveCardAttachment,
  type AcActionSet,
  type AcColumnSet,
  type AcContainer,
  type AcElement,
  type AcFactSet,
  type AcTextBlock,
  type AdaptiveCard,
} from "../../src/cards";
import { validateAdaptiveCard } from "./adaptive-validate";
import {
  allMessages,
  bookingMessage,
  bookingMessageWithErrors,
  confirmationCard,
  hostile,
  longListPage,
  pickList,
  schoolCard,
  unpagedLongList,
} from "./fixtures";

/** Every element of a card, depth first, including those inside containers and columns. */
function walk(elements: readonly AcElement[]): AcElement[] {
  return elements.flatMap((element) => {
    switch (element.type) {
      case "Container":
        return [element, ...walk(element.items)];
      case "ColumnSet":
        return [element, ...walk(element.columns.flatMap((column) => column.items))];
      default:
        return [element];
    }
  });
}

function actions(card: AdaptiveCard) {
  return walk(card.body).flatMap((element) => (element.type === "ActionSet" ? element.actions : []));
}

describe("the adaptivecards library accepts every card with zero events", () => {
  it.each(Object.entries(allMessages))("%s", (_name, message) => {
    expect(validateAdaptiveCard(renderAdaptiveCard(message))).toEqual([]);
  });

  it("and the validator does report broken cards (so the check above means something)", () => {
    const broken = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "Input.Text", id: "a", isRequired: true },
        { type: "Input.ChoiceSet", id: "b", choices: [] },
        { type: "ActionSet", actions: Array.from({ length: 6 }, () => ({ type: "Action.Execute", title: "x" })) },
        { type: "TextBlock", text: "x", color: "purple" },
      ],
    };
    expect(validateAdaptiveCard(broken)).toEqual([
      'Parse/InvalidPropertyValue: Invalid value "purple" for property "color".',
      "Validation/RequiredInputsShouldHaveLabel: Required inputs should have a label",
      "Validation/RequiredInputsShouldHaveErrorMessage: Required inputs should have an error message",
      "Validation/CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.",
      "Validation/TooManyActions: Maximum number of actions exceeded (5).",
    ]);
  });
});

describe("renderAdaptiveCard: school card", () => {
  const card = renderAdaptiveCard(schoolCard);

  it("is an Adaptive Card 1.5 with the message text as fallback", () => {
    expect(card).toMatchObject({
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      type: "AdaptiveCard",
      version: "1.5",
      fallbackText: "Åsbackaskolan (39907811), Härnösands kommun",
    });
  });

  it("renders the header as a large bold heading and the paragraph in Adaptive Cards markdown", () => {
    const [header, paragraph] = card.body as AcTextBlock[];
    expect(header).toEqual({ type: "TextBlock", text: "Åsbackaskolan", wrap: true, size: "large", weight: "bolder", style: "heading" });
    expect(paragraph?.text).toBe(
      "Grundskola åk 7–9 i **Härnösand**. Vald till _Samverkan för bästa skola_ 2024, se " +
        "[Skolverkets statistik](https://www.skolverket.se/skolutveckling/statistik?skolenhet=39907811&lasar=2024).",
    );
    expect(paragraph?.wrap).toBe(true);
  });

  it("renders fields as a FactSet", () => {
    const facts = card.body.find((element): element is AcFactSet => element.type === "FactSet");
    expect(facts?.facts.slice(0, 2)).toEqual([
      { title: "Skolenhetskod", value: "39907811" },
      { title: "Huvudman", value: "Härnösands kommun" },
    ]);
    expect(facts?.facts[4]).toEqual({ title: "Meritvärde åk 9", value: "**198,4** (riket 229,8)" });
  });

  it("turns the divider into a separator on the next element", () => {
    const set = card.body.find((element): element is AcActionSet => element.type === "ActionSet");
    expect(set).toMatchObject({ separator: true });
  });

  it("uses Action.Execute with verb = action id and data = action value, and Action.OpenUrl for links", () => {
    expect(actions(card)).toEqual([
      { type: "Action.Execute", title: "Boka dialog", verb: "dialogue.book.start", data: { schoolUnit: "39907811" }, style: "positive" },
      { type: "Action.Execute", title: "Visa uppdrag", verb: "assignment.list", data: { schoolUnit: "39907811", page: 0 } },
      { type: "Action.OpenUrl", title: "Skolans webbplats", url: "https://www.harnosand.se/asbackaskolan" },
    ]);
  });

  it("renders context as small subtle text", () => {
    expect(card.body.at(-1)).toEqual({
      type: "TextBlock",
      text: "Källa: Skolverket, läsår 2023/24. Uppdaterad 2025-01-15.",
      wrap: true,
      isSubtle: true,
      size: "small",
    });
  });

  it("wraps as a Bot Framework attachment", () => {
    expect(renderAdaptiveCardAttachment(schoolCard)).toEqual({ contentType: "application/vnd.microsoft.card.adaptive", content: card });
  });
});

describe("renderAdaptiveCard: confirmation and lists", () => {
  it("styles primary as positive and danger as destructive", () => {
    expect(actions(renderAdaptiveCard(confirmationCard)).map((action) => [action.title, action.style])).toEqual([
      ["Boka", "positive"],
      ["Avbryt", "destructive"],
    ]);
  });

  it("shows 8 schools as rows with title, subtitle and a 'Välj' button", () => {
    const rows = renderAdaptiveCard(pickList).body.filter((element): element is AcColumnSet => element.type === "ColumnSet");
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      type: "ColumnSet",
      columns: [
        {
          type: "Column",
          width: "stretch",
          verticalContentAlignment: "center",
          items: [
            { type: "TextBlock", text: "Åsbackaskolan", wrap: true, weight: "bolder" },
            { type: "TextBlock", text: "Skolenhet 39907811 · Härnösands kommun", wrap: true, isSubtle: true, spacing: "none" },
          ],
        },
        {
          type: "Column",
          width: "auto",
          verticalContentAlignment: "center",
          items: [{ type: "ActionSet", actions: [{ type: "Action.Execute", title: "Välj", verb: "school.pick", data: { schoolUnit: "39907811" } }] }],
        },
      ],
    });
    expect(rows.slice(1).every((row) => row.separator === true)).toBe(true);
  });

  it("cuts an unpaged list to 25 rows so the card stays well under Teams' ~28 KB message limit", () => {
    const card = renderAdaptiveCard(unpagedLongList);
    expect(card.body.filter((element) => element.type === "ColumnSet")).toHaveLength(25);
    expect(card.body).toContainEqual({ type: "TextBlock", text: "… och 95 till", wrap: true, isSubtle: true });
    expect(actions(card).at(-1)?.title).toBe("Förfina sökningen");
  });

  it.each(Object.entries(allMessages).filter(([name]) => name !== "hostile"))("keeps the %s card under 28 KB", (_name, message) => {
    expect(Buffer.byteLength(JSON.stringify(renderAdaptiveCard(message)))).toBeLessThan(28_000);
  });

  it("shows page info and paging buttons under a paged list", () => {
    const card = renderAdaptiveCard(longListPage(5));
    const texts = walk(card.body).flatMap((element) => (element.type === "TextBlock" ? [element.text] : []));
    expect(texts).toContain("Sida 6 av 12");
    expect(actions(card).slice(-2)).toEqual([
      { type: "Action.Execute", title: "Föregående sida", verb: "school.list.page", data: { page: 4 } },
      { type: "Action.Execute", title: "Nästa sida", verb: "school.list.page", data: { page: 6 } },
    ]);
  });
});

describe("renderAdaptiveCard: forms", () => {
  const form = renderAdaptiveCard(bookingMessage).body[1] as AcContainer;

  it("renders each input kind with its label, value and required flag", () => {
    const inputs = form.items.filter((element) => element.type.startsWith("Input."));
    expect(inputs).toEqual([
      { type: "Input.Date", id: "date", label: "Datum", isRequired: true, errorMessage: "Fyll i datum.", value: "2025-03-12" },
      { type: "Input.Time", id: "start", label: "Starttid", isRequired: true, errorMessage: "Fyll i starttid.", value: "09:30" },
      {
        type: "Input.Number",
        id: "participants",
        label: "Antal deltagare",
        isRequired: true,
        errorMessage: "Fyll i antal deltagare.",
        placeholder: "ett tal 1–30",
        min: 1,
        max: 30,
      },
      {
        type: "Input.ChoiceSet",
        id: "office",
        label: "Regionkontor",
        isRequired: true,
        errorMessage: "Välj regionkontor.",
        style: "compact",
        placeholder: "Välj …",
        choices: [
          { title: "Härnösand", value: "harnosand" },
          { title: "Malmö", value: "malmo" },
          { title: "Luleå", value: "lulea" },
          { title: "Umeå", value: "umea" },
          { title: "Göteborg", value: "goteborg" },
        ],
        value: "harnosand",
      },
      { type: "Input.Text", id: "agenda", label: "Agenda", placeholder: "Vad vill ni ta upp?", isMultiline: true, maxLength: 2000 },
      { type: "Input.Toggle", id: "digital", title: "Digitalt möte", value: "false", valueOn: "true", valueOff: "false" },
    ]);
  });

  it("submits with the form's inputs and cancels without validating them", () => {
    const set = form.items.at(-1) as AcActionSet;
    expect(set.actions).toEqual([
      { type: "Action.Execute", title: "Boka", verb: "dialogue.book.submit", data: { organizer: "2120002411" }, style: "positive", associatedInputs: "auto" },
      { type: "Action.Execute", title: "Avbryt", verb: "dialogue.book.cancel", data: { organizer: "2120002411" }, associatedInputs: "none" },
    ]);
  });

  it("renders dialog buttons as Action.Submit carrying the data the caller gives for each action", () => {
    const inDialog = renderAdaptiveCard(bookingMessage, { dialogButtons: (action) => ({ verb: "in.dialog", action: { id: action.id, value: action.value } }) });
    const set = (inDialog.body[1] as AcContainer).items.at(-1) as AcActionSet;
    expect(set.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Boka",
        style: "positive",
        associatedInputs: "auto",
        data: { verb: "in.dialog", action: { id: "dialogue.book.submit", value: { organizer: "2120002411" } } },
      },
      {
        type: "Action.Submit",
        title: "Avbryt",
        associatedInputs: "none",
        data: { verb: "in.dialog", action: { id: "dialogue.book.cancel", value: { organizer: "2120002411" } } },
      },
    ]);
    expect(validateAdaptiveCard(inDialog)).toEqual([]);
  });

  it("shows errors as red text under the offending input, form-level errors under the title", () => {
    const items = (renderAdaptiveCard(bookingMessageWithErrors).body[0] as AcContainer).items;
    const order = items.map((element) =>
      element.type === "TextBlock"
        ? element.color === "attention"
          ? `error:${element.text.split(" ")[0]}`
          : "title"
        : element.type === "ActionSet"
          ? "actions"
          : element.id,
    );
    expect(order).toEqual([
      "title",
      "error:Regionkontoret",
      "date",
      "error:Datumet",
      "start",
      "participants",
      "error:Fyll",
      "office",
      "agenda",
      "digital",
      "actions",
    ]);
    expect(items[3]).toEqual({
      type: "TextBlock",
      text: "Datumet finns inte. Ange datum som ÅÅÅÅ-MM-DD.",
      wrap: true,
      color: "attention",
      size: "small",
      spacing: "none",
    });
  });

  it("leaves out a date that does not exist instead of sending it to the picker", () => {
    const items = (renderAdaptiveCard(bookingMessageWithErrors).body[0] as AcContainer).items;
    expect(items.find((element) => "id" in element && element.id === "date")).not.toHaveProperty("value");
  });
});

describe("renderAdaptiveCard: hostile text", () => {
  const card = renderAdaptiveCard(hostile);
  const texts = walk(card.body).flatMap((element) => (element.type === "TextBlock" ? [element.text] : []));

  it("escapes markdown in user text so it stays literal", () => {
    expect(texts[1]).toBe(
      "<script>alert('x')</script> & <@U123> <!here> \\*inte fet\\* _kanske_ \\[länk\\](javascript:alert(1)) " +
        "[ok](https://example.se/a|b&c=d) \\[trasig\\](https://example.se/a>b)",
    );
    expect(texts[4]?.startsWith("\\- inte en lista\n1\\. inte heller\n")).toBe(true);
  });

  it("splits 30 actions into sets of at most 5", () => {
    const sets = card.body.filter((element): element is AcActionSet => element.type === "ActionSet" && element.actions[0]?.title.startsWith("Val") === true);
    expect(sets.map((set) => set.actions.length)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it("keeps the full text (Teams has no per-block limit) and every emoji intact", () => {
    expect(texts).toContain(hostile.blocks[2]?.type === "text" ? hostile.blocks[2].text.replace(/[\\*_[\]`]/g, (char) => `\\${char}`) : "");
  });

  it("replaces a ChoiceSet without choices by a note (an empty ChoiceSet is invalid)", () => {
    expect(texts).toContain("Inga val: Det finns inga alternativ att välja.");
  });
});
