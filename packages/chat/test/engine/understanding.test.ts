import { describe, expect, it } from "vitest";
import { actionIn, chatWorld, seen, type ChatWorld } from "./world";

/**
 * Issue #11 through the engine, turn by turn: time-only rescheduling, questions and help in the
 * middle of every flow, organizer profiles, rankings with the national figure, coverage by area.
 * Every reply passes the Block Kit and Adaptive Cards checks (see `checkReply` in world.ts).
 */

/** Results as the statistics import stores them (school year 2024/25, grade 9). */
async function seedResults(w: ChatWorld): Promise<void> {
  const row = (code: string, metric: string, value: number) => ({
    school_unit_code: code,
    school_year: "2024/25",
    metric,
    kind: "number",
    value,
    raw: String(value),
    value_type: null,
    source: "export",
  });
  await w.store.db
    .insertInto("school_results")
    .values([
      row("13746989", "meritValue", 201.5),
      row("13746989", "pupils", 60),
      row("13746989", "shareAllSubjects", 70.2),
      row("55529681", "meritValue", 182.0),
      row("55529681", "pupils", 40),
      row("39907811", "meritValue", 240.0),
      row("39907811", "pupils", 100),
    ])
    .execute();
}

async function bookFriday(w: ChatWorld): Promise<void> {
  await w.say("boka dialog med Borås kommun fredag kl 10 digitalt");
  expect(seen(await w.say("ja"))).toContain("Dialogen är bokad");
}

describe("rescheduling with only a time", () => {
  it("keeps the dialogue's date when only a new time is given", async () => {
    const w = await chatWorld();
    await bookFriday(w);
    const move = await w.say("flytta dialogen med Borås kommun till kl 14");
    expect(seen(move)).toContain("fre 27 nov 14:00–15:00");
    expect(seen(await w.say("ja"))).toContain("Dialogen är flyttad");
    const [d] = await w.sv.dialogues.listUpcoming({});
    expect(d?.start).toBe("2026-11-27T14:00:00+01:00");
  });

  it("keeps it too when the time is given in words after picking the dialogue", async () => {
    const w = await chatWorld();
    await bookFriday(w);
    await w.say("flytta dialogen med Borås kommun");
    const confirm = await w.say("halv tre");
    expect(seen(confirm)).toContain("fre 27 nov 14:30–15:30");
  });
});

describe("questions and help in the middle of a flow", () => {
  const flows: Array<{ name: string; start: (w: ChatWorld) => Promise<void>; answer: string; expectAfter: string }> = [
    {
      name: "booking",
      start: async (w) => void (await w.say("boka dialog med Borås kommun")),
      answer: "imorgon kl 9",
      expectAfter: "Var ska dialogen hållas?",
    },
    {
      name: "rescheduling",
      start: async (w) => {
        await bookFriday(w);
        await w.say("flytta dialogen med Borås kommun");
      },
      answer: "kl 15",
      expectAfter: "fre 27 nov 15:00–16:00",
    },
    {
      name: "cancelling",
      start: async (w) => {
        await bookFriday(w);
        await w.say("avboka dialogen med Borås kommun");
      },
      answer: "ja",
      expectAfter: "Dialogen är inställd.",
    },
    {
      name: "logging progress",
      start: async (w) => void (await w.say("logga framsteg U-1")),
      answer: "kartläggningen klar, 50 %",
      expectAfter: "Ska jag logga det här?",
    },
  ];

  for (const flow of flows) {
    it(`answers help and lists during ${flow.name}, then goes on`, async () => {
      const w = await chatWorld();
      await flow.start(w);
      const help = seen(await w.say("hjälp"));
      expect(help).toContain("boka dialog med Borås kommun imorgon kl 10");
      expect(help).toContain("Vi är fortfarande mitt i");
      const list = seen(await w.say("mina uppdrag"));
      expect(list).toContain("U-1 Kartlägg frånvaron");
      expect(list).toContain("skriv avbryt");
      expect(seen(await w.say(flow.answer))).toContain(flow.expectAfter);
    });
  }

  it("drops the pending flow when a new request replaces it", async () => {
    const w = await chatWorld();
    await w.say("boka dialog med Borås kommun");
    expect(seen(await w.say("flytta dialogen med Göteborgs kommun till fredag kl 10"))).toContain("Du har inga kommande dialoger");
    expect(seen(await w.say("ja"))).toContain("Det finns inget att bekräfta");
  });

  it("a bare yes only confirms when there is something to confirm", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("ja"))).toContain("Det finns inget att bekräfta just nu.");
    await w.say("boka dialog med Borås kommun");
    const early = seen(await w.say("ja"));
    expect(early).toContain("Det finns inget att bekräfta");
    expect(early).toContain("bokningen");
    expect(await w.sv.counts()).toMatchObject({ dialogues: 0 });
  });
});

describe("organizer profile", () => {
  it("shows an organizer in English when asked in English, with results against the national figure", async () => {
    const w = await chatWorld();
    await seedResults(w);
    await bookFriday(w);
    const reply = seen(await w.say("show me the organizer Borås kommun please"));
    expect(reply).toContain("Borås kommun");
    expect(reply).toContain("Municipal");
    expect(reply).toContain("Fredriksborgskolan F-9");
    // National merit value: pupil-weighted over all three units = (201.5·60 + 182·40 + 240·100) / 200 = 216.85.
    expect(reply).toContain("Merit value 201.5 (national 216.9)");
    expect(reply).toContain("Upcoming dialogues");
    expect(reply).toContain("Fri 27 Nov 10:00–11:00");
  });

  it("links a short form against the register: Malmö stad style names, without å/ä/ö", async () => {
    const w = await chatWorld();
    const reply = seen(await w.say("visa huvudman Boras stad"));
    expect(reply).toContain("Borås kommun");
    expect(reply).toContain("Kommunal");
  });
});

describe("ranking schools", () => {
  it("ranks the units of a county lowest first, with the national figure beside each", async () => {
    const w = await chatWorld();
    await seedResults(w);
    const reply = seen(await w.say("vilka skolor i Västra Götalands län har lägst meritvärde?"));
    expect(reply).toContain("Lägst meritvärde i Västra Götalands län");
    const first = reply.indexOf("1. Kannebäcksskolan 1-9 resursskola: 182,0 (riket 216,9)");
    const second = reply.indexOf("2. Fredriksborgskolan F-9: 201,5 (riket 216,9)");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(reply).not.toContain("Rinkebyskolan");
  });

  it("ranks exam within three years by each unit's programmes, with the national figure for that year", async () => {
    const w = await chatWorld();
    const row = (code: string, metric: string, value: number) => ({
      school_unit_code: code,
      school_year: "2021/22",
      metric,
      kind: "number",
      value,
      raw: String(value),
      value_type: null,
      source: "api",
    });
    await w.store.db
      .insertInto("school_results")
      .values([
        // Fredriksborgskolan: EK 60 % and NA 90 %, 30 pupils each → 75.0; Kannebäcksskolan 50.0; Rinkebyskolan (Stockholm) 82.0.
        row("13746989", "ratioOfPupilsWithExamWithin3Years@EK", 60),
        row("13746989", "totalNumberOfPupils@EK", 30),
        row("13746989", "ratioOfPupilsWithExamWithin3Years@NA", 90),
        row("13746989", "totalNumberOfPupils@NA", 30),
        row("55529681", "ratioOfPupilsWithExamWithin3Years@EK", 50),
        row("39907811", "ratioOfPupilsWithExamWithin3Years@EK", 82),
      ])
      .execute();
    const reply = seen(await w.say("vilka skolor i Västra Götalands län har lägst andel examen inom 3 år?"));
    expect(reply).toContain("Lägst examen inom 3 år i Västra Götalands län");
    // The national figure is over all three units in Sweden that year (no pupil counts: equal weights): (75 + 50 + 82) / 3 = 69.0.
    const first = reply.indexOf("1. Kannebäcksskolan 1-9 resursskola: 50,0 % (riket 69,0 %)");
    const second = reply.indexOf("2. Fredriksborgskolan F-9: 75,0 % (riket 69,0 %)");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(reply).toContain("Läsår 2021/22");
    expect(reply).not.toContain("Rinkebyskolan");
  });

  it("says so when the register has no figures for the measure yet", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("vilka gymnasieskolor i Borås har högst andel examen inom 3 år?"))).toContain(
      "Registret har inga uppgifter om examen inom 3 år ännu.",
    );
  });
});

describe("coverage by area", () => {
  it("shows coverage for a county", async () => {
    const w = await chatWorld();
    const reply = seen(await w.say("täckning i Västra Götalands län"));
    expect(reply).toContain("Täckning av kvalitetsdialoger – Västra Götalands län");
    // Two organizers in the county (Borås, Göteborg), none met yet.
    expect(reply).toContain("0 av 2");
  });

  it("shows coverage for an office and for a municipality", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("täckning för Göteborgskontoret"))).toContain("Göteborgkontoret");
    expect(seen(await w.say("show the coverage in Borås municipality"))).toContain("0 of 1");
  });

  it("says when an area is unknown", async () => {
    const w = await chatWorld();
    expect(seen(await w.say("täckning i Atlantis län"))).toContain("Känner inte igen");
  });
});

describe("actions on new cards", () => {
  it("opens a school from a ranking and books from a profile", async () => {
    const w = await chatWorld();
    await seedResults(w);
    const ranking = await w.say("rangordna skolorna i Borås efter meritvärde");
    expect(seen(await w.act(actionIn(ranking, "school.show")))).toContain("Fredriksborgskolan F-9");
    const profile = await w.say("visa huvudman Borås kommun");
    expect(seen(await w.act(actionIn(profile, "book.start")))).toContain("Vilken dag och tid?");
  });
});

describe("platform limits on the new cards", () => {
  it("keeps a large organizer profile within Slack and Teams limits", async () => {
    const w = await chatWorld();
    const system = { actor: { system: "test" }, channel: "system" } as const;
    const boras = await w.sv.organizers.find("Borås kommun");
    for (let i = 0; i < 14; i++) {
      const code = String(20000000 + i);
      await w.sv.schools.upsert(
        { code, name: `Borås ${"lång ".repeat(20)}skola ${i}`, municipalityCode: "1490", organizerId: boras!.id, typesOfSchooling: ["gr"] },
        system,
      );
    }
    await bookFriday(w);
    const reply = await w.say("visa huvudman Borås kommun");
    // checkReply (world.ts) has run Block Kit limits and the Adaptive Cards parser on it.
    expect(seen(reply)).toContain("…och 7 till.");
  });
});
