import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { parseStatisticsExport, StatisticsExportFormatError } from "../../src/skolverket/statistics-csv";
import { SamverkanError } from "../../src/errors";

const HEADER =
  "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Typ av huvudman;Huvudman;Huvudman orgnr;Antal elever;" +
  "Andel (%) elever som uppfyllt betygskriterierna i alla ämnen;Andel (%) elever behöriga till yrkesprog.;" +
  "Genomsnittligt meritvärde (17 ämnen)";
const PREAMBLE = [
  "Statistik från Skolverket, https://www.skolverket.se;;;;;;;;;;",
  ";;;;;;;;;;",
  "Grundskola - Slutbetyg årskurs 9, samtliga elever;;;;;;;;;;",
  "Valt läsår: 2024/25;;;;;;;;;;",
  ";;;;;;;;;;",
];

function exportText(rows: string[], eol = "\n"): string {
  return `\uFEFF${[...PREAMBLE, HEADER, ...rows, ";;;;;;;;;;", "Rapportbeskrivning och definitioner etc.;;;;;;;;;;"].join(eol)}${eol}`;
}

describe("parseStatisticsExport (synthetic)", () => {
  const text = exportText([
    "Good skola;48000763;Aneby;0604;Enskild;Oasen AB;5566501796;..;.;.;..", // line 7
    "Short code;4800076;Aneby;0604;Kommunal;Aneby kommun;2120000084;20;90,0;95,5;230,5", // line 8
    "Bad Luhn;48000764;Aneby;0604;Kommunal;Aneby kommun;2120000085;20;90,0;95,5;230,5", // line 9
    "Too high;48000765;Aneby;0604;Kommunal;Aneby kommun;2120000084;20;90,0;95,5;400", // line 10
    '"Skolan; med semikolon";48000766;Aneby;0604;Statlig;Sameskolstyrelsen;2021005984;12;~100;~100;250,0;;', // line 11
    "Region skola;48000767;Aneby;0604;Region;Region X;2321000016;1 234;93,5;.;..", // line 12
    "Weird;48000768;Aneby;604;Okänd;Aneby kommun;2120000084;abc;101;95,5;230,5", // line 13
  ]);

  it("reports each bad row with its line and the offending column while good rows still parse", () => {
    const result = parseStatisticsExport(text);
    expect(result.schoolYear).toBe("2024/25");
    expect(result.title).toBe("Grundskola - Slutbetyg årskurs 9, samtliga elever");
    expect(result.rows.map((row) => [row.line, row.schoolName])).toEqual([
      [7, "Good skola"],
      [11, "Skolan; med semikolon"],
      [12, "Region skola"],
    ]);
    expect(result.errors.map((error) => error.line)).toEqual([8, 9, 10, 13]);
    const [short, luhn, merit, weird] = result.errors;
    expect(short?.reason).toBe('Skol-enhetskod (schoolUnitCode): must be 8 digits, got "4800076"');
    expect(short?.raw).toMatch(/^Short code;4800076;/);
    expect(luhn?.reason).toBe('Huvudman orgnr (organizationNumber): "2120000085" fails the Luhn check digit');
    expect(merit?.reason).toBe("Genomsnittligt meritvärde (17 ämnen) (meritValue): must be between 0 and 340, got 400");
    expect(weird?.reason).toContain('Kommun-kod (municipalityCode): must be 4 digits, got "604"');
    expect(weird?.reason).toContain('Typ av huvudman (organizerType): unknown organizer type "Okänd"');
    expect(weird?.reason).toContain('Antal elever (pupils): "abc" is neither a number nor a known marker');
    expect(weird?.reason).toContain("(shareAllSubjects): must be between 0 and 100, got 101");
  });

  it("maps organizer types and values", () => {
    const [good, state, region] = parseStatisticsExport(text).rows;
    expect(good).toMatchObject({
      schoolUnitCode: "48000763",
      municipalityCode: "0604",
      countyCode: "06",
      organizerType: "independent",
      organizationNumber: "5566501796",
      pupils: { kind: "hidden", raw: ".." },
      shareAllSubjects: { kind: "missing" },
      meritValue: { kind: "hidden" },
    });
    expect(state).toMatchObject({ organizerType: "state", shareAllSubjects: { kind: "rounded", value: 100 }, meritValue: { kind: "number", value: 250 } });
    expect(region).toMatchObject({ organizerType: "region", pupils: { kind: "number", value: 1234 }, shareAllSubjects: { value: 93.5 } });
  });

  it("reads CRLF files the same way", () => {
    const lf = parseStatisticsExport(text);
    const crlf = parseStatisticsExport(text.replace(/\n/g, "\r\n"));
    expect(crlf.rows).toEqual(lf.rows);
    expect(crlf.errors.map((error) => [error.line, error.reason])).toEqual(lf.errors.map((error) => [error.line, error.reason]));
  });

  it("finds columns by header name, not position", () => {
    const swapped = [
      "Skol-enhetskod;Skola;Kommun-kod;Skolkommun;Huvudman orgnr;Huvudman;Typ av huvudman;Genomsnittligt meritvärde (17 ämnen);Antal elever;" +
        "Andel (%) elever behöriga till yrkesprog.;Andel (%) elever som uppfyllt betygskriterierna i alla ämnen",
      "48000763;Ett namn;0180;Stockholm;2120000142;Stockholms kommun;Kommunal;230,5;40;88,1;77,2",
    ].join("\n");
    const { rows, errors, schoolYear } = parseStatisticsExport(swapped);
    expect(errors).toEqual([]);
    expect(schoolYear).toBeNull();
    expect(rows[0]).toMatchObject({
      schoolName: "Ett namn",
      municipalityName: "Stockholm",
      meritValue: { value: 230.5 },
      shareAllSubjects: { value: 77.2 },
      shareEligibleVocational: { value: 88.1 },
    });
  });

  it("reports a row with too few cells", () => {
    const { errors } = parseStatisticsExport(exportText(["Kort;48000763;Aneby"]));
    expect(errors).toEqual([{ line: 7, reason: "has 3 cells, expected at least 11", raw: "Kort;48000763;Aneby" }]);
  });

  it("throws a format error without a header row or with a missing column", () => {
    expect(() => parseStatisticsExport("a;b\n1;2\n")).toThrowError(StatisticsExportFormatError);
    try {
      parseStatisticsExport(HEADER.replace(";Antal elever", ";Elever"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StatisticsExportFormatError);
      expect((error as StatisticsExportFormatError).code).toBe("export_missing_columns");
      expect((error as StatisticsExportFormatError).missingColumns).toEqual(["pupils"]);
      expect(error).toBeInstanceOf(SamverkanError);
      expect((error as StatisticsExportFormatError).localized("sv")).toBe("Rubrikraden (rad 1) saknar kolumnerna: pupils");
    }
  });
});

const fx = sharedFixture("skolverket/slutbetyg-ak9-2025-skolenhet.csv");

describe.skipIf(!fx.available)("parseStatisticsExport (real export, slutbetyg åk 9 2024/25)", () => {
  const result = fx.available ? parseStatisticsExport(readFileSync(fx.path, "utf8")) : undefined;

  it("reads every school unit without errors", () => {
    expect(result?.errors).toEqual([]);
    expect(result?.rows).toHaveLength(1714);
    expect(result?.schoolYear).toBe("2024/25");
    expect(result?.title).toBe("Grundskola - Slutbetyg årskurs 9, samtliga elever");
    expect(result?.rows[0]?.line).toBe(7);
    expect(result?.rows.at(-1)?.line).toBe(1720);
  });

  it("counts organizers, municipalities, counties and units", () => {
    const rows = result?.rows ?? [];
    expect(new Set(rows.map((row) => row.schoolUnitCode)).size).toBe(1714);
    // The fixtures README says 626 organizers; the file itself has 625 distinct
    // organisation numbers (and 625 distinct organizer names, one number each).
    expect(new Set(rows.map((row) => row.organizationNumber)).size).toBe(625);
    expect(new Set(rows.map((row) => row.organizerName)).size).toBe(625);
    expect(new Set(rows.map((row) => row.municipalityCode)).size).toBe(290);
    expect(new Set(rows.map((row) => row.countyCode)).size).toBe(21);
    expect(new Set(rows.map((row) => row.organizerType))).toEqual(new Set(["independent", "municipal"]));
  });

  it("keeps markers as markers", () => {
    const rows = result?.rows ?? [];
    const oasen = rows.find((row) => row.schoolUnitCode === "48000763");
    expect(oasen).toMatchObject({
      pupils: { kind: "hidden", raw: ".." },
      shareAllSubjects: { kind: "missing", raw: "." },
      meritValue: { kind: "hidden", raw: ".." },
    });
    const kinds = (pick: (row: (typeof rows)[number]) => { kind: string }) =>
      rows.reduce<Record<string, number>>((acc, row) => {
        const kind = pick(row).kind;
        acc[kind] = (acc[kind] ?? 0) + 1;
        return acc;
      }, {});
    expect(kinds((row) => row.pupils)).toEqual({ number: 1601, hidden: 113 });
    expect(kinds((row) => row.shareEligibleVocational)).toEqual({ number: 1197, rounded: 354, hidden: 129, missing: 34 });
    expect(kinds((row) => row.meritValue)).toEqual({ number: 1582, hidden: 114, missing: 18 });
  });
});
