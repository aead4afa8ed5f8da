import { describe, expect, it } from "vitest";
import { renderText, textActionIndex, textPrompt, type Message } from "../../src/cards";
import { bookingForm, bookingMessageWithErrors, confirmationCard, longListPage, pickList, schoolCard } from "./fixtures";

describe("renderText", () => {
  it("renders the school card with an underlined header, aligned fields and numbered actions", () => {
    expect(renderText(schoolCard)).toBe(
      [
        "Åsbackaskolan",
        "=============",
        "",
        "Grundskola åk 7–9 i Härnösand. Vald till Samverkan för bästa skola 2024, se Skolverkets statistik " +
          "(https://www.skolverket.se/skolutveckling/statistik?skolenhet=39907811&lasar=2024).",
        "",
        "Skolenhetskod:   39907811",
        "Huvudman:        Härnösands kommun",
        "Kommun:          Härnösand (2280)",
        "Län:             Västernorrlands län",
        "Meritvärde åk 9: 198,4 (riket 229,8)",
        "Närvaro:         87 %",
        "",
        "─".repeat(40),
        "",
        "[1] Boka dialog  [2] Visa uppdrag  [3] Skolans webbplats (https://www.harnosand.se/asbackaskolan)",
        "",
        "Källa: Skolverket, läsår 2023/24. Uppdaterad 2025-01-15.",
      ].join("\n"),
    );
  });

  it("maps the numbers a user types back to actions", () => {
    const actions = textActionIndex(confirmationCard);
    expect(renderText(confirmationCard)).toContain("[1] Boka  [2] Avbryt");
    expect(actions.map((action) => action.id)).toEqual(["dialogue.book.confirm", "dialogue.book.cancel"]);
  });

  it("numbers list rows so the user can answer '2', and continues the count into the buttons", () => {
    const text = renderText(pickList);
    expect(text).toContain("1. Åsbackaskolan — Skolenhet 39907811 · Härnösands kommun\n2. Östra skolan — Skolenhet 39907812");
    expect(text).toContain("[9] Ingen av dem");
    const actions = textActionIndex(pickList);
    expect(actions[1]).toEqual({ id: "school.pick", label: "Välj", value: { schoolUnit: "39907812" } });
    expect(actions[8]?.id).toBe("search.cancel");
  });

  it("shows page info and numbered paging actions", () => {
    const text = renderText(longListPage(5));
    expect(text).toContain("10. Skola nr 60 – Kvarnbackaskolan — 10000413 · Umeå kommun\nSida 6 av 12\n[11] Föregående sida  [12] Nästa sida");
    expect(
      textActionIndex(longListPage(5))
        .slice(10)
        .map((action) => action.value),
    ).toEqual([{ page: 4 }, { page: 6 }]);
  });

  it("shows a form as prompts with hints, current values and errors", () => {
    expect(renderText(bookingMessageWithErrors)).toBe(
      [
        "Boka kvalitetsdialog med huvudman",
        "  ! Regionkontoret i Göteborg öppnar 2024 och kan inte ta emot dialoger före dess.",
        "  • Datum (ÅÅÅÅ-MM-DD, obligatoriskt): 2025-02-30",
        "    ! Datumet finns inte. Ange datum som ÅÅÅÅ-MM-DD.",
        "  • Starttid (TT:MM, obligatoriskt): 09:30",
        "  • Antal deltagare (ett tal 1–30, obligatoriskt):",
        "    ! Fyll i antal deltagare.",
        "  • Regionkontor (Härnösand / Malmö / Luleå / Umeå / Göteborg, obligatoriskt): Härnösand",
        "  • Agenda:",
        "  • Digitalt möte (ja/nej): nej",
        "[1] Boka  [2] Avbryt",
      ].join("\n"),
    );
  });

  it("exposes one prompt per input for a step-by-step terminal dialogue, in English too", () => {
    expect(bookingForm.inputs.map((input) => textPrompt(input, "en"))).toEqual([
      "Datum (YYYY-MM-DD, required)",
      "Starttid (HH:MM, required)",
      "Antal deltagare (a number 1–30, required)",
      "Regionkontor (Härnösand / Malmö / Luleå / Umeå / Göteborg, required)",
      "Agenda",
      "Digitalt möte (yes/no)",
    ]);
  });

  it("falls back to the message text when there are no blocks", () => {
    expect(renderText({ text: "Inget att visa.", blocks: [] })).toBe("Inget att visa.");
  });

  it("strips terminal control sequences and bidi overrides from user text", () => {
    const message: Message = { text: "x", blocks: [{ type: "text", text: "Skola\u001b[2J\u001b[31m röd\r över\u202Eskrivet" }] };
    expect(renderText(message)).toBe("Skola[2J[31m röd överskrivet");
  });
});
