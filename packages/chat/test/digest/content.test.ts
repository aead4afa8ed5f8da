import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OFFICES, type Coverage, type DigestDialogueFact, type Samverkan } from "@samverkan/sdk";
import { renderSlack, renderText } from "../../src/index";
import { buildDigest, isEmptyDigest, renderDigestMessage, type DigestData } from "../../src/digest/index";
import { controlledClock, expectPostable, instance, seedWorld, sharedDatabase, type SharedDatabase } from "./support";

const coverage: Coverage = {
  met: 412,
  goal: 2800,
  share: 412 / 2800,
  startDate: "2025-01-01",
  endDate: "2028-01-01",
  elapsedShare: 0.64,
  pacePerMonth: 17.9,
  neededPerMonth: 183.4,
  onTrack: false,
  byCounty: [],
  byOffice: [],
  goalSource: "configured",
  unplaced: 0,
};

/** The largest digest there can be: every section full, long names, a late marker. */
function fullData(): DigestData {
  const long = "Stiftelsen för den ideella och fristående grund- och gymnasieskolan i Västra Götalands län & Halland <AB> **inte fetstil** _inte kursiv_";
  const dialogue = (i: number): DigestDialogueFact => ({
    id: `d${i}`,
    organizerId: `o${i}`,
    organizerName: `${long} ${i}`,
    start: "2026-11-24T09:00:00+01:00",
    end: "2026-11-24T10:30:00+01:00",
    status: "booked",
    officeId: i % 2 ? "goteborg" : null,
    digital: i % 2 === 0,
    staffNames: ["Karin Lind", "Omar Haddad", "Åsa Öberg-Ärlig"],
  });
  return {
    scope: { kind: "country" },
    scopeLabel: "hela landet",
    counties: null,
    since: "2026-11-16T08:00:00+01:00",
    now: "2026-11-23T08:00:00+01:00",
    upcoming: { total: 950, items: Array.from({ length: 5 }, (_, i) => dialogue(i)) },
    held: { total: 1200, items: Array.from({ length: 5 }, (_, i) => ({ ...dialogue(i), status: "held" as const })) },
    coverage,
    stale: {
      total: 3400,
      items: Array.from({ length: 5 }, (_, i) => ({
        assignmentId: `a${i}`,
        ref: `U-${1000 + i}`,
        title: long,
        phase: "implementation" as const,
        responsibleStaffId: `s${i}`,
        responsibleName: i === 4 ? null : `Rådgivare med ett mycket långt namn ${i}`,
        lastProgressAt: null,
        daysSilent: 400 + i,
      })),
      byResponsible: Array.from({ length: 60 }, (_, i) => ({ staffId: `s${i}`, name: `Rådgivare ${i}`, count: 60 - i })),
    },
    phaseChanges: {
      total: 700,
      items: Array.from({ length: 5 }, (_, i) => ({
        entryId: `e${i}`,
        assignmentId: `a${i}`,
        ref: `U-${i + 1}`,
        title: long,
        phase: "followUp" as const,
        at: "2026-11-20T14:05:00+01:00",
        authorName: "Karin Lind",
      })),
    },
    flagged: {
      current: 1800,
      codes: [],
      newly: {
        total: 240,
        items: Array.from({ length: 5 }, (_, i) => ({
          code: String(39907811 + i),
          name: `${long} skola ${i}`,
          municipalityName: "Upplands Väsby",
          organizerName: long,
          reason:
            i === 4
              ? null
              : { metric: i % 2 ? ("shareAllSubjects" as const) : ("meritValue" as const), value: i % 2 ? 41.5 : 172.5, threshold: i % 2 ? 60 : 190 },
        })),
      },
    },
  };
}

describe("digest message", () => {
  it("fits Slack's limits and validates as an Adaptive Card at its largest, in both languages", () => {
    for (const locale of ["sv", "en"] as const) {
      const message = renderDigestMessage(fullData(), {
        locale,
        empty: false,
        offices: DEFAULT_OFFICES,
        lateScheduledFor: "2026-11-16T08:00:00+01:00",
        subscriptionRef: "D-12",
        cron: "0 8 * * 1",
      });
      expectPostable(message);
      expect(renderSlack(message).blocks.length).toBeLessThanOrEqual(50);
    }
  });

  it("reads as a Swedish digest with counts, bars, paces, responsible names and the late marker", () => {
    const message = renderDigestMessage(fullData(), {
      locale: "sv",
      empty: false,
      offices: DEFAULT_OFFICES,
      lateScheduledFor: "2026-11-16T08:00:00+01:00",
      subscriptionRef: "D-12",
      cron: "0 8 * * 1",
    });
    const text = renderText(message);
    expect(message.text).toBe("Försenad: Samverkan, hela landet: kommande dialoger 950, genomförda 1200, uppdrag utan framsteg 3400, fasbyten 700.");
    expect(text).toContain("Försenad: den här sammanfattningen skulle ha skickats mån 16 nov 08:00.");
    expect(text).toContain("Kommande dialoger de närmaste 7 dagarna: 950");
    expect(text).toContain("… och 945 till");
    expect(text).toMatch(/412 av 2\u00a0800 huvudmän mötta \(14,7 %\) ▰▱▱▱▱▱▱▱▱▱/);
    expect(text).toContain("Takt hittills:   17,9 per månad");
    expect(text).toContain("Takt som behövs: 183,4 per månad");
    expect(text).toContain("Ansvariga: Rådgivare 0 (60), Rådgivare 1 (59)");
    expect(text).toContain("400 dagar utan framsteg · Rådgivare med ett mycket långt namn 0 · Genomförande");
    expect(text).toContain("404 dagar utan framsteg · ingen ansvarig");
    expect(text).toContain("U-1 ");
    expect(text).toContain("→ Uppföljning");
    expect(text).toContain("Nyligen flaggade skolenheter (låga resultat): 240");
    expect(text).toContain("Upplands Väsby · ");
    expect(text).toContain("meritvärde 172,5 (gräns 190)");
    expect(text).toContain("godkända i alla ämnen 41,5 % (gräns 60 %)");
    expect(text).toContain("… och 235 till");
    expect(text).toContain('Digest D-12 · varje måndag 08:00 · skriv "digest lista" för att ändra');
    // Names are data, never markup.
    expect(renderSlack(message).blocks.some((b) => JSON.stringify(b).includes("&lt;AB&gt;"))).toBe(true);
  });

  it("counts nothing new as empty, even though coverage is always shown", () => {
    const data = fullData();
    const none = { total: 0, items: [] };
    const empty: DigestData = {
      ...data,
      upcoming: none,
      held: none,
      phaseChanges: none,
      stale: { ...none, byResponsible: [] },
      flagged: { current: 12, codes: [], newly: none },
    };
    expect(isEmptyDigest(empty)).toBe(true);
    expect(isEmptyDigest({ ...empty, held: { total: 1, items: [] } })).toBe(false);
    expect(isEmptyDigest({ ...empty, flagged: { current: 13, codes: [], newly: { total: 1, items: [] } } })).toBe(false);
    expect(isEmptyDigest({ ...empty, flagged: { current: 13, codes: [], newly: null } })).toBe(true);
    const message = renderDigestMessage(empty, { locale: "en", empty: true, offices: DEFAULT_OFFICES });
    expectPostable(message);
    expect(renderText(message)).toContain("Nothing new since the last digest.");
    expect(renderText(message)).toContain("Dialogues in the next 7 days: none");
  });
});

describe("digest content from the store", () => {
  let db: SharedDatabase;
  let sv: Samverkan;
  const time = controlledClock("2026-10-01T09:00:00+02:00");
  beforeAll(async () => {
    db = sharedDatabase("sqlite");
    sv = await instance(db, time.clock);
    await seedWorld(sv, time.set);
    time.set("2026-11-23T08:00:00+01:00");
  });
  afterAll(() => db.close());

  it("reads an office's scope as the office's counties", async () => {
    const since = new Date("2026-11-16T08:00:00+01:00");
    const office = await buildDigest(sv, { scope: { kind: "office", officeId: "harnosand" }, locale: "sv", since, now: time.clock() });
    expect(office.data.counties).toEqual(["22", "23"]);
    expect(office.data.scopeLabel).toBe("regionkontoret i Härnösand");
    expect(office.data).toMatchObject({ upcoming: { total: 1 }, held: { total: 1 }, stale: { total: 1 }, phaseChanges: { total: 1 } });
    expect(office.empty).toBe(false);
    expectPostable(office.message);
    const elsewhere = await buildDigest(sv, { scope: { kind: "office", officeId: "malmo" }, locale: "sv", since, now: time.clock() });
    expect(elsewhere.empty).toBe(true);
    expect(elsewhere.data.coverage).toMatchObject({ met: 0, goal: 1 });
    const country = await buildDigest(sv, { scope: { kind: "country" }, locale: "en", since, now: time.clock() });
    expect(country.data.coverage).toMatchObject({ met: 1, goal: 2800 });
    expect(renderText(country.message)).toContain("1 of 2,800 organizers met");
  });
});
