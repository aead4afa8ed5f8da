import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { startReplayServer, type ReplayServer } from "@samverkan/replay-server";
import { runCli, tempDbEnv } from "./cli-helpers";

const exportFile = sharedFixture("skolverket/slutbetyg-ak9-2025-skolenhet.csv");
const recording = sharedFixture("skolverket/planned-educations-v4.jsonl");

/** Each test spawns the real binary several times; that takes seconds each on a busy machine. */
const SPAWNS_TIMEOUT = 120_000;

type SchoolHit = { schoolUnitCode: string; name: string; municipality: string; municipalityCode: string; organizer: string; score: number };

describe.skipIf(!exportFile.available)("samverkan import, schools, organizers and selection on the real export", { timeout: SPAWNS_TIMEOUT }, () => {
  const env = tempDbEnv();
  let firstImport = { code: -1, stdout: "", stderr: "" };

  beforeAll(async () => {
    firstImport = await runCli(["import", exportFile.path], env);
  });

  it("imports the export and reports what it did, in Swedish", () => {
    expect(firstImport.stderr).toBe("");
    expect(firstImport.code).toBe(0);
    expect(firstImport.stdout).toContain("Läste in 1714 av 1714 rader från slutbetyg-ak9-2025-skolenhet.csv (läsår 2024/25)");
    expect(firstImport.stdout).toMatch(/Skolenheter\s+1714 nya, 0 ändrade, 0 oförändrade/);
  });

  it("counts the imported directory in status --json", async () => {
    const { stdout } = await runCli(["status", "--json"], env);
    // 625 organizers: the real number of distinct organisation numbers (the fixtures README says 626).
    expect(JSON.parse(stdout).counts).toEqual({ municipalities: 290, organizers: 625, schoolUnits: 1714, dialogues: 0, assignments: 0 });
  });

  it("changes nothing on a second import (--json summary)", async () => {
    const { code, stdout } = await runCli(["import", exportFile.path, "--json"], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      imported: 1714,
      errors: [],
      organizers: { added: 0, updated: 0, unchanged: 625 },
      schoolUnits: { added: 0, updated: 0, unchanged: 1714 },
      results: { added: 0, updated: 0, unchanged: 6856 },
    });
  });

  it("searches schools: a stable JSON array, best first", async () => {
    const { code, stdout } = await runCli(["schools", "search", "harnosand", "--json"], env);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as SchoolHit[];
    expect(hits.length).toBeGreaterThanOrEqual(4);
    for (const hit of hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(["schoolUnitCode", "name", "municipality", "municipalityCode", "organizer", "score"]));
      expect(hit).toMatchObject({ municipality: "Härnösand", municipalityCode: "2280" });
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    const byCode = JSON.parse((await runCli(["schools", "search", "48000763", "--json"], env)).stdout) as SchoolHit[];
    expect(byCode).toEqual([expect.objectContaining({ schoolUnitCode: "48000763", name: "Oasens skola", municipality: "Aneby", score: 1 })]);
    const filtered = JSON.parse((await runCli(["schools", "search", "skolan", "--county", "22", "--limit", "3", "--json"], env)).stdout) as SchoolHit[];
    expect(filtered).toHaveLength(3);
    expect(filtered.every((h) => h.municipalityCode.startsWith("22"))).toBe(true);
    const human = await runCli(["schools", "search", "kastellskolan"], env);
    expect(human.stdout).toMatch(/^\d{8}\s+Kastellskolan\s+Härnösand/m);
  });

  it("shows a school with its markers explained", async () => {
    const { code, stdout } = await runCli(["schools", "show", "14491257"], env);
    expect(code).toBe(0);
    expect(stdout).toContain("Hedda Wising Resursskola (14491257)");
    expect(stdout).toMatch(/Huvudman:\s+Härnösands kommun \(212000-2403, kommunal\)/);
    expect(stdout).toMatch(/Län:\s+Västernorrlands län \(22\)/);
    expect(stdout).toMatch(/Regionkontor:\s+Härnösand/);
    expect(stdout).toMatch(/Meritvärde:\s+\.\. \(dolt: få elever\)\s+2024\/25/);
    const english = await runCli(["schools", "show", "48000763"], { ...env, SAMVERKAN_LANG: "en" });
    expect(english.stdout).toMatch(/Merit value:\s+\.\. \(hidden: few pupils\)/);
    expect(english.stdout).toMatch(/Passed all subjects:\s+\. \(missing\)/);
    const json = JSON.parse((await runCli(["schools", "show", "14491257", "--json"], env)).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ county: { code: "22" }, office: { id: "harnosand" }, municipality: { name: "Härnösand" } });
    const missing = await runCli(["schools", "show", "11111111"], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("Ingen skolenhet med koden 11111111");
  });

  it("searches organizers", async () => {
    const hits = JSON.parse((await runCli(["organizers", "search", "harnosands", "kommun", "--json"], env)).stdout) as Array<Record<string, unknown>>;
    expect(hits[0]).toMatchObject({ name: "Härnösands kommun", organizationNumber: "2120002403", type: "municipal", municipality: "Härnösand" });
    const human = await runCli(["organizers", "search", "212000-2403"], env);
    expect(human.stdout).toMatch(/212000-2403\s+Härnösands kommun\s+Härnösand\s+\d+ skolenheter/);
  });

  it("selects county 22's schools with low results, hidden ones apart", async () => {
    const { code, stdout } = await runCli(["selection", "--county", "22", "--json"], env);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      scope: unknown;
      assessed: number;
      candidates: Array<{
        schoolUnitCode: string;
        name: string;
        municipality: string;
        score: number;
        reasons: Array<{ metric: string; value: number; threshold: number }>;
      }>;
      notAssessable: Array<{ schoolUnitCode: string; values: Array<{ kind: string }> }>;
    };
    expect(result.scope).toEqual({ county: "22", municipality: null });
    expect(result.assessed).toBe(40);
    expect(result.candidates).toHaveLength(14);
    expect(result.candidates[0]).toMatchObject({ schoolUnitCode: "51877656", name: "Höglundaskolan", municipality: "Sundsvall" });
    expect(result.candidates.every((c) => c.reasons.every((r) => r.value < r.threshold))).toBe(true);
    expect(result.notAssessable).toHaveLength(4);
    expect(result.notAssessable.every((n) => n.values.every((v) => v.kind !== "number"))).toBe(true);
    const human = await runCli(["selection", "--county", "Västernorrland", "--merit", "180"], env);
    expect(human.stdout).toContain("Urval: Västernorrlands län (22), läsår 2024/25");
    expect(human.stdout).toContain("meritvärde < 180 (228,6)");
    expect(human.stdout).toContain("Kan inte bedömas (dolda eller saknade värden): 4");
    const top = await runCli(["selection", "--county", "22", "--limit", "3"], env);
    expect(top.stdout).toContain("14 av 40 bedömda skolenheter har låga resultat (de 3 svagaste visas):");
  });
});

describe("samverkan import with bad input", { timeout: SPAWNS_TIMEOUT }, () => {
  const env = tempDbEnv();
  const dir = mkdtempSync(join(tmpdir(), "samverkan-import-"));
  const header =
    "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Typ av huvudman;Huvudman;Huvudman orgnr;Antal elever;" +
    "Andel (%) elever som uppfyllt betygskriterierna i alla ämnen;Andel (%) elever behöriga till yrkesprog.;Genomsnittligt meritvärde (17 ämnen)";
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join("\n"));
    return path;
  };
  const preamble = ["Statistik från Skolverket;;", ";;", "Grundskola - Slutbetyg årskurs 9, samtliga elever;;", "Valt läsår: 2024/25;;", ";;", header];

  it("imports the good rows, reports the bad ones by line and exits 0", async () => {
    const path = file("mixed.csv", [
      ...preamble,
      "Alfaskolan;12345678;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;52;61,5;80,8;201,3;",
      "Felskolan;1234;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;52;61,5;80,8;201,3;",
      "Betaskolan;23456789;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;..;..;..;..;",
    ]);
    const { code, stdout } = await runCli(["import", path], env);
    expect(code).toBe(0);
    expect(stdout).toContain("Läste in 2 av 3 rader");
    expect(stdout).toMatch(/1 rader lästes inte in:\n\s+rad 8: Skol-enhetskod \(schoolUnitCode\): must be 8 digits/);
    const json = JSON.parse((await runCli(["import", path, "--json"], env)).stdout) as { errors: Array<{ line: number }> };
    expect(json.errors.map((e) => e.line)).toEqual([8]);
  });

  it("exits non-zero when the file is unreadable, not an export, or nothing in it is usable", async () => {
    const unreadable = await runCli(["import", join(dir, "nope.csv")], env);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain("Kunde inte läsa filen");
    const notExport = await runCli(["import", file("other.csv", ["namn;kod", "x;1"])], env);
    expect(notExport.code).toBe(2);
    expect(notExport.stderr).toContain("är inte en statistikexport från Skolverket");
    const allBad = await runCli(
      ["import", file("bad.csv", [...preamble, "Felskolan;1234;Härnösand;2280;Kommunal;Härnösands kommun;2120002403;52;61,5;80,8;201,3;"])],
      env,
    );
    expect(allBad.code).toBe(2);
    const unknownUser = await runCli(["import", file("ok.csv", preamble), "--as", "nobody@example.se"], env);
    expect(unknownUser.code).toBe(2);
  });
});

describe.skipIf(!recording.available)("samverkan sync against the replayed API", { timeout: SPAWNS_TIMEOUT }, () => {
  const env = tempDbEnv();
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({ file: recording.path });
  });
  afterAll(() => server.close());

  it("syncs Stockholm's units, then finds nothing to change", async () => {
    const apiEnv = { ...env, SKOLVERKET_API_URL: `${server.url}/planned-educations` };
    const first = await runCli(["sync", "--municipality", "0180"], apiEnv);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Synkade 155 skolenheter i 0180 på [\d,]+ s: 155 nya, 0 uppdaterade, 0 oförändrade, 0 misslyckade\./);
    expect(first.stdout).toContain("Utan statistik hos Skolverket: 46405935, 61184554, 72584192.");
    // No TTY in tests: no progress bar noise on stderr.
    expect(first.stderr).toBe("");
    const second = JSON.parse((await runCli(["sync", "--municipality", "0180", "--json"], apiEnv)).stdout) as Record<string, unknown>;
    expect(second).toMatchObject({ listed: 155, added: 0, updated: 0, unchanged: 155, failed: [] });
    const shown = await runCli(["schools", "show", "16061350"], apiEnv);
    expect(shown.stdout).toMatch(/Meritvärde åk 9:\s+238,8\s+2024\/25/);
    expect(shown.stdout).toMatch(/Webb:\s+https:\/\/www\.apolloniosskolan\.se\//);
    const noTarget = await runCli(["sync"], apiEnv);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain("Ange minst en kommun eller ett län");
  });
});
