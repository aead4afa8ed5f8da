import { describe, expect, it } from "vitest";
import { createSamverkan } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { checkSlackLimits, renderAdaptiveCard, renderSlack, renderText, type Message } from "../../src/index";
import { briefingDetails, briefingSummary } from "../../src/engine/flows/briefing-card";
import { validateAdaptiveCard } from "./adaptive-validate";

const TEAMS_MAX_BYTES = 28_000;

/** An organizer with 40 school units, three years of results each, long names, minutes and contacts. */
async function largeBriefing() {
  const store = await createSqliteStore({ file: ":memory:" });
  const now = new Date("2026-11-23T09:00:00+01:00").getTime();
  const sv = createSamverkan({ store, clock: () => new Date(now) });
  const system = { actor: { system: "test" }, channel: "system" } as const;
  const head = await sv.staff.create({ name: "Karin Lind", email: "karin@spsm.se", agency: "spsm", role: "unitHead" }, system);
  const asKarin = { actor: { staffId: head.id }, channel: "api" } as const;
  await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], system);
  const org = await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
  const rows = [];
  for (let i = 0; i < 40; i++) {
    const code = String(10_000_000 + i * 7919);
    await sv.schools.upsert(
      {
        code,
        name: `${["Fredriksborg", "Sjöbo", "Engelbrekt", "Norrby"][i % 4]}skolan ${i} F-9 med ett ganska långt namn för att pröva gränserna`,
        municipalityCode: "1490",
        organizerId: org.id,
        typesOfSchooling: ["gr"],
      },
      system,
    );
    for (const [y, year] of ["2022/23", "2023/24", "2024/25"].entries()) {
      rows.push({
        school_unit_code: code,
        school_year: year,
        metric: "meritValue",
        kind: "number",
        value: 160 + i + y * 3,
        raw: "x",
        value_type: null,
        source: "t",
      });
      rows.push({
        school_unit_code: code,
        school_year: year,
        metric: "shareAllSubjects",
        kind: "number",
        value: 50 + i / 2,
        raw: "x",
        value_type: null,
        source: "t",
      });
      rows.push({
        school_unit_code: code,
        school_year: year,
        metric: "shareEligibleVocational",
        kind: "number",
        value: 70 + i / 3,
        raw: "x",
        value_type: null,
        source: "t",
      });
      rows.push({ school_unit_code: code, school_year: year, metric: "pupils", kind: "number", value: 200 + i, raw: "x", value_type: null, source: "t" });
    }
  }
  await store.db.insertInto("school_results").values(rows).execute();
  for (let i = 0; i < 12; i++)
    await sv.contacts.add(
      {
        organizerId: org.id,
        name: `Kontakt ${i} Med Långt Efternamn`,
        role: "rektor",
        email: `kontakt${i}@boras.se`,
        phone: "033-35 70 00",
        notes: "Anteckning ".repeat(30),
      },
      asKarin,
    );
  for (let d = 0; d < 3; d++) {
    const dialogue = await sv.dialogues.book(
      { organizerId: org.id, digital: true, start: ["2026-03-10T10:00", "2026-04-14T10:00", "2026-05-12T10:00"][d]!, durationMinutes: 60 },
      asKarin,
    );
    await sv.minutes.record(
      dialogue.id,
      {
        topics: [...sv.config.successFactors],
        notes: "Lång anteckning om dialogen. ".repeat(60),
        actions: Array.from({ length: 8 }, (_, i) => ({
          title: `Åtgärd ${i} med en lång beskrivning av vad som ska göras och av vem`,
          createAssignment: true,
          responsibleStaffId: head.id,
        })),
        nextDialogueDate: "2027-01-15",
      },
      asKarin,
    );
  }
  return { briefing: await sv.briefing.forOrganizer(org.id, asKarin), store };
}

function withinLimits(message: Message): void {
  expect(checkSlackLimits(renderSlack(message))).toEqual([]);
  const card = renderAdaptiveCard(message);
  expect(validateAdaptiveCard(card)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_MAX_BYTES);
  expect(renderText(message).length).toBeGreaterThan(0);
}

describe("the briefing card for a large organizer", () => {
  it("renders 40 units, 24 assignments, 12 contacts and three sets of minutes within Slack's and Teams' limits", async () => {
    const { briefing, store } = await largeBriefing();
    expect(briefing.units).toHaveLength(40);
    expect(briefing.assignments).toHaveLength(24);
    const summary = briefingSummary(briefing, "sv");
    withinLimits(summary);
    expect(renderText(summary)).toContain("40, varav");
    expect(renderText(summary)).toContain("… och");
    const pages = Math.ceil(40 / 8);
    for (let i = 0; i < pages; i++) {
      const page = briefingDetails(briefing, "sv", i);
      withinLimits(page);
      expect(renderText(page)).toContain(`Sida ${i + 1} av ${pages}`);
    }
    withinLimits(briefingDetails(briefing, "en", 0));
    await store.close();
  });
});
