import { describe, expect, it } from "vitest";
import { renderAdaptiveCard, renderSlack, checkSlackLimits } from "../../src/index";
import { validateAdaptiveCard } from "../cards/adaptive-validate";
import { actionIn, chatWorld, seen, type ChatWorld } from "./world";

const YEARS = ["2022/23", "2023/24", "2024/25"] as const;

/** What the user reads, with the text renderer's label padding taken out. */
const read = (reply: Parameters<typeof seen>[0]) => seen(reply).replace(/: +/g, ": ");

/** Three school years of results in the chat world's SQLite store, written as an import writes them. */
async function withResults(w: ChatWorld): Promise<void> {
  const system = { actor: { system: "test" }, channel: "system" } as const;
  const stockholm = await w.sv.organizers.upsert(
    { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
    system,
  );
  await w.sv.schools.upsert({ code: "11111111", name: "Vasaskolan", municipalityCode: "0180", organizerId: stockholm.id, typesOfSchooling: ["gr"] }, system);
  const rows: Array<[string, string, Array<number | "..">]> = [
    // Rinkebyskolan: merit value below 190 every year, all subjects passed above 60 the last year, eligibility hidden the last year.
    ["39907811", "pupils", [100, 100, 100]],
    ["39907811", "meritValue", [170, 180, 185]],
    ["39907811", "shareAllSubjects", [55, 58, 62]],
    ["39907811", "shareEligibleVocational", [70, 72, ".."]],
    ["39907811", "salsaAverageGradesIn9thGradeDeviation", [-12, -18, -20]],
    ["11111111", "pupils", [300, 300, 300]],
    ["11111111", "meritValue", [240, 250, 255]],
    ["11111111", "shareAllSubjects", [90, 90, 90]],
    ["13746989", "pupils", [100, 100, 100]],
    ["13746989", "meritValue", [220, 225, 230]],
    ["55529681", "pupils", [100, 100, 100]],
    ["55529681", "meritValue", [200, 210, 215]],
  ];
  await w.store.db
    .insertInto("school_results")
    .values(
      rows.flatMap(([code, metric, values]) =>
        values.map((v, i) => ({
          school_unit_code: code,
          school_year: YEARS[i]!,
          metric,
          kind: v === ".." ? "hidden" : "number",
          value: v === ".." ? null : v,
          raw: String(v).replace(".", ","),
          value_type: null,
          source: "export",
        })),
      ),
    )
    .execute();
}

describe("figures in context on the school card", () => {
  it("shows each result beside the municipal and national figure of its year, marks what is past a threshold, and the trend", async () => {
    const w = await chatWorld();
    await withResults(w);
    const card = await w.act(actionIn(await w.say("sök rinkebyskolan"), "school.show"));
    const text = read(card);
    expect(text).toContain("Resultat jämfört med kommunen och riket");
    // Stockholm 2024/25: (185·100 + 255·300) / 400 = 237,5; Sweden: (185·100 + 255·300 + 230·100 + 215·100) / 600 = 232,5.
    expect(text).toContain(
      "Meritvärde (åk 9) 2024/25: 185 ⚠️ under urvalsgränsen 190 · kommunen 237,5 · riket 232,5 · 170 ⚠️ → 180 ⚠️ → 185 ⚠️ (2022/23–2024/25 ↑ +15)",
    );
    // 62 % is above the 60 % threshold this year, though not the years before.
    expect(text).toContain("Godkända i alla ämnen 2024/25: 62 % · kommunen 83 % · riket 83 % · 55 % ⚠️ → 58 % ⚠️ → 62 % (2022/23–2024/25 ↑ +7)");
    // A hidden figure stays a marker, never low.
    expect(text).toContain("Behöriga till yrkesprogram 2024/25: dolt (få elever) · 70 % ⚠️ → 72 % ⚠️ → dolt (få elever) (2022/23–2024/25)");
    expect(text).toContain("SALSA-avvikelse 2024/25: −20 ⚠️ under urvalsgränsen −15");
    expect(text).toContain("⚠️ = under en gräns för urvalet till Samverkan för bästa skola: Meritvärde (åk 9) under 190, SALSA-avvikelse under −15.");
    // The figures judged in context are not repeated among the plain fields.
    expect(text.match(/Meritvärde \(åk 9\)/g)).toHaveLength(2);
  });

  it("speaks English to English users, and a card stays within Slack's and Teams' limits", async () => {
    const w = await chatWorld();
    await withResults(w);
    const card = await w.engine.schoolCard("39907811", "en");
    expect(card).toBeDefined();
    const slack = renderSlack(card!);
    expect(checkSlackLimits(slack)).toEqual([]);
    expect(validateAdaptiveCard(renderAdaptiveCard(card!))).toEqual([]);
    const text = JSON.stringify(slack);
    expect(text).toContain("Merit value (year 9) 2024/25");
    expect(text).toContain("below the selection threshold 190 · municipality 237.5 · national 232.5");
  });

  it("a school without results has no comparison, and a strong one is not marked", async () => {
    const w = await chatWorld();
    const bare = read(await w.act(actionIn(await w.say("sök kannebacksskolan"), "school.show")));
    expect(bare).not.toContain("Resultat jämfört");
    await withResults(w);
    const strong = read(await w.act({ id: "school.show", value: { code: "11111111" } }));
    expect(strong).toContain("Meritvärde (åk 9) 2024/25: 255 · kommunen 237,5 · riket 232,5");
    expect(strong).not.toContain("⚠️ under");
    expect(strong).toContain("Inget resultat är under urvalets gränser.");
  });
});
