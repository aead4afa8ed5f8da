/** Messages the bot really sends, used by every renderer test. */
import type { Action, FormBlock, Message } from "../../src/cards";
import { pagedList } from "../../src/cards";

export const schoolCard: Message = {
  text: "Åsbackaskolan (39907811), Härnösands kommun",
  blocks: [
    { type: "header", text: "Åsbackaskolan" },
    {
      type: "text",
      text: "Grundskola åk 7–9 i **Härnösand**. Vald till _Samverkan för bästa skola_ 2024, se [Skolverkets statistik](https://www.skolverket.se/skolutveckling/statistik?skolenhet=39907811&lasar=2024).",
    },
    {
      type: "fields",
      fields: [
        { label: "Skolenhetskod", value: "39907811" },
        { label: "Huvudman", value: "Härnösands kommun" },
        { label: "Kommun", value: "Härnösand (2280)" },
        { label: "Län", value: "Västernorrlands län" },
        { label: "Meritvärde åk 9", value: "**198,4** (riket 229,8)" },
        { label: "Närvaro", value: "87 %" },
      ],
    },
    { type: "divider" },
    {
      type: "actions",
      actions: [
        { id: "dialogue.book.start", label: "Boka dialog", value: { schoolUnit: "39907811" }, style: "primary" },
        { id: "assignment.list", label: "Visa uppdrag", value: { schoolUnit: "39907811", page: 0 } },
        { id: "link.open", label: "Skolans webbplats", value: {}, url: "https://www.harnosand.se/asbackaskolan" },
      ],
    },
    { type: "context", text: "Källa: Skolverket, läsår 2023/24. Uppdaterad 2025-01-15." },
  ],
};

export const confirmationCard: Message = {
  text: "Bekräfta kvalitetsdialog med Härnösands kommun 12 mars kl. 09:30",
  blocks: [
    { type: "header", text: "Bekräfta bokning" },
    { type: "text", text: "Vill du boka en **kvalitetsdialog** med Härnösands kommun?" },
    {
      type: "fields",
      fields: [
        { label: "Datum", value: "onsdag 12 mars 2025" },
        { label: "Tid", value: "09:30–11:00" },
        { label: "Plats", value: "Regionkontoret i Härnösand" },
        { label: "Deltagare", value: "Anna Öberg (rådgivare), Erik Åström (enhetschef)" },
      ],
    },
    {
      type: "actions",
      actions: [
        { id: "dialogue.book.confirm", label: "Boka", value: { draft: "d-4711" }, style: "primary" },
        { id: "dialogue.book.cancel", label: "Avbryt", value: { draft: "d-4711" }, style: "danger" },
      ],
    },
  ],
};

const schoolNames = ["Åsbackaskolan", "Östra skolan", "Älvdalsskolan", "Kvarnbackaskolan", "Solängsskolan", "Björkdalsskolan", "Norrbyskolan", "Ängsskolan"];

export const pickList: Message = {
  text: "8 skolor matchar ”skolan” i Härnösand",
  blocks: [
    { type: "text", text: "Jag hittade **8 skolor**. Vilken menar du?" },
    {
      type: "list",
      items: schoolNames.map((name, index) => {
        const code = String(39907811 + index);
        return {
          title: name,
          subtitle: `Skolenhet ${code} · Härnösands kommun`,
          action: { id: "school.pick", label: "Välj", value: { schoolUnit: code } },
        };
      }),
    },
    { type: "actions", actions: [{ id: "search.cancel", label: "Ingen av dem", value: {} }] },
  ],
};

export const allSchools = Array.from({ length: 120 }, (_, index) => ({
  code: String(10000000 + index * 7),
  name: `Skola nr ${index + 1} – ${schoolNames[index % schoolNames.length]}`,
  municipality: index % 2 ? "Umeå kommun" : "Luleå kommun",
}));

export function longListPage(pageIndex: number): Message {
  return {
    text: `${allSchools.length} skolor`,
    blocks: [
      { type: "header", text: "Skolor i Samverkan för bästa skola" },
      pagedList(allSchools, pageIndex, 10, {
        toItem: (school) => ({
          title: school.name,
          subtitle: `${school.code} · ${school.municipality}`,
          action: { id: "school.show", label: "Visa", value: { schoolUnit: school.code } },
        }),
        navigate: (target, direction) => ({
          id: "school.list.page",
          label: direction === "next" ? "Nästa sida" : "Föregående sida",
          value: { page: target },
        }),
      }),
    ],
  };
}

/** A caller forgot to page: all 120 rows in one list. The Slack renderer must still fit 50 blocks. */
export const unpagedLongList: Message = {
  text: "120 skolor",
  blocks: [
    { type: "header", text: "Alla skolor" },
    {
      type: "list",
      items: allSchools.map((school) => ({
        title: school.name,
        subtitle: school.municipality,
        action: { id: "school.show", label: "Visa", value: { schoolUnit: school.code } },
      })),
    },
    { type: "actions", actions: [{ id: "search.refine", label: "Förfina sökningen", value: {} }] },
  ],
};

export const bookingForm: FormBlock = {
  type: "form",
  id: "dialogue.book",
  title: "Boka kvalitetsdialog med huvudman",
  submit: { id: "dialogue.book.submit", label: "Boka", value: { organizer: "2120002411" } },
  cancel: { id: "dialogue.book.cancel", label: "Avbryt", value: { organizer: "2120002411" } },
  inputs: [
    { kind: "date", id: "date", label: "Datum", value: "2025-03-12", required: true },
    { kind: "time", id: "start", label: "Starttid", value: "09:30", required: true },
    { kind: "number", id: "participants", label: "Antal deltagare", min: 1, max: 30, integer: true, required: true },
    {
      kind: "select",
      id: "office",
      label: "Regionkontor",
      required: true,
      value: "harnosand",
      options: [
        { label: "Härnösand", value: "harnosand" },
        { label: "Malmö", value: "malmo" },
        { label: "Luleå", value: "lulea" },
        { label: "Umeå", value: "umea" },
        { label: "Göteborg", value: "goteborg" },
      ],
    },
    { kind: "text", id: "agenda", label: "Agenda", multiline: true, placeholder: "Vad vill ni ta upp?", maxLength: 2000 },
    { kind: "toggle", id: "digital", label: "Digitalt möte", value: false },
  ],
};

export const bookingFormWithErrors: FormBlock = {
  ...bookingForm,
  inputs: bookingForm.inputs.map((input) => (input.kind === "date" ? { ...input, value: "2025-02-30" } : input)),
  errors: {
    date: "Datumet finns inte. Ange datum som ÅÅÅÅ-MM-DD.",
    participants: "Fyll i antal deltagare.",
    form: "Regionkontoret i Göteborg öppnar 2024 och kan inte ta emot dialoger före dess.",
  },
};

export const bookingMessage: Message = {
  text: "Boka kvalitetsdialog",
  blocks: [{ type: "text", text: "Fyll i uppgifterna för dialogen." }, bookingForm],
};

export const bookingMessageWithErrors: Message = {
  text: "Boka kvalitetsdialog – rätta felen",
  blocks: [bookingFormWithErrors],
};

// --- Hostile input: user text that must not break or inject into any platform. ---

const emoji = "👩🏽‍🏫🇸🇪";
export const script = "<script>alert('x')</script>";
/** Exactly 5,000 UTF-16 units of Swedish, markup-like text and emoji, never cut inside an emoji. */
export const fiveThousand = (() => {
  let text = "";
  for (const part of new Intl.Segmenter().segment("Åäö & <b>ÅÄÖ</b> 👩🏽‍🏫 ".repeat(300))) {
    if (text.length + part.segment.length > 5000) break;
    text += part.segment;
  }
  return text.padEnd(5000, ".");
})();
const longLabel = `Mycket lång knapptext ${emoji} `.repeat(10);

const manyActions: Action[] = Array.from({ length: 30 }, (_, index) => ({
  id: "bulk.pick",
  label: `Val ${index + 1} ${emoji}`,
  value: { index },
}));

export const hostile: Message = {
  text: `<!channel> ${script} & @here ${fiveThousand}`,
  blocks: [
    { type: "header", text: `${script} ${"Rubrik & <b> ".repeat(20)}${emoji}` },
    {
      type: "text",
      text: `${script} & <@U123> <!here> *inte fet* _kanske_ [länk](javascript:alert(1)) [ok](https://example.se/a|b&c=d) [trasig](https://example.se/a>b)`,
    },
    { type: "text", text: fiveThousand },
    { type: "text", text: `**${fiveThousand.trim()}**` },
    { type: "text", text: `- inte en lista\n1. inte heller\n${emoji.repeat(1200)}` },
    {
      type: "fields",
      fields: Array.from({ length: 15 }, (_, index) => ({
        label: `${script} ${index}`,
        value: index === 0 ? fiveThousand : `värde & ${emoji} <${index}>`,
      })),
    },
    {
      type: "list",
      items: [
        { title: `${script}${"x".repeat(600)}`, subtitle: fiveThousand, action: { id: "school.pick", label: longLabel, value: { schoolUnit: "1" } } },
        { title: "", subtitle: "" },
      ],
    },
    { type: "actions", actions: manyActions },
    { type: "context", text: `${fiveThousand} ${script}` },
    {
      type: "form",
      id: "hostile.form",
      title: `${script} ${"Väldigt lång formulärrubrik ".repeat(5)}`,
      submit: { id: "hostile.submit", label: longLabel, value: {} },
      cancel: { id: "hostile.cancel", label: longLabel, value: {} },
      inputs: [
        { kind: "text", id: "note", label: `${script} ${fiveThousand}`, value: fiveThousand, maxLength: 10000, placeholder: fiveThousand },
        {
          kind: "select",
          id: "many",
          label: "Många val",
          value: "v149",
          options: Array.from({ length: 150 }, (_, index) => ({ label: `${longLabel}${index}`, value: `v${index}` })),
        },
        { kind: "select", id: "none", label: "Inga val", options: [] },
        { kind: "date", id: "date", label: "Datum", value: "inte ett datum" },
        { kind: "time", id: "time", label: "Tid", value: "25:99" },
        { kind: "toggle", id: "flag", label: longLabel, value: true },
      ],
      errors: { note: fiveThousand, nowhere: script },
    },
  ],
};

export const allMessages: Record<string, Message> = {
  schoolCard,
  confirmationCard,
  pickList,
  longListFirst: longListPage(0),
  longListMiddle: longListPage(5),
  longListLast: longListPage(11),
  unpagedLongList,
  bookingMessage,
  bookingMessageWithErrors,
  hostile,
  empty: { text: "Inget att visa.", blocks: [] },
  english: { ...longListPage(1), locale: "en" },
};

export const allForms: Record<string, FormBlock> = {
  bookingForm,
  bookingFormWithErrors,
  hostileForm: hostile.blocks.find((block): block is FormBlock => block.type === "form") as FormBlock,
};
