import type { OrganizerSearchDoc, SchoolSearchDoc } from "../../src/search";

type Unit = [code: string, name: string, municipalityCode: string, municipality: string, organizerId: string, organizer: string];

/** A small slice of real units (from Skolverket's 2024/25 export), enough to show each rule. */
const UNITS: Unit[] = [
  ["37416253", "Rinkebyskolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["69266159", "Hjulsta grundskola F-9", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["58294404", "Tellusborgsskolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["87521048", "Engelbrektsskolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["16394249", "Ellen Key skolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["94943347", "S:t Eriks Katolska Skola", "0180", "Stockholm", "8020000001", "Katolska skolstiftelsen"],
  ["82982309", "Internationella Engelska Skolan Kista", "0180", "Stockholm", "5564624368", "Internationella Engelska Skolan i Sverige AB"],
  ["12332278", "Internationella Engelska Skolan Täby", "0160", "Täby", "5564624368", "Internationella Engelska Skolan i Sverige AB"],
  ["25309669", "Kunskapsskolan Täby", "0160", "Täby", "5565661815", "Kunskapsskolan i Sverige Aktiebolag"],
  ["84585645", "Hagaskolan", "0184", "Solna", "8024222641", "Djurgårdens Waldorfskoleförening"],
  ["55343483", "Hagaskolan", "2281", "Sundsvall", "2120002411", "Sundsvalls kommun"],
  ["56168083", "Vasaskolan", "1480", "Göteborg", "8020000002", "Stiftelsen för Kristna Skolor"],
  ["16057411", "Vasaskolan 1", "1496", "Skövde", "2120001710", "Skövde kommun"],
  ["35494110", "Vasaskolan 7-9", "2083", "Hedemora", "2120002262", "Hedemora kommun"],
  ["69454219", "Kastellskolan", "2280", "Härnösand", "8020000003", "Kastellskolan"],
  ["97940004", "Wendela Hellmanskolan", "2280", "Härnösand", "2120002403", "Härnösands kommun"],
  ["18116804", "Pär Lagerkvistskolan 7-9", "0780", "Växjö", "2120000662", "Växjö kommun"],
  ["15594566", "Äppelviksskolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["20104143", "Örnässkolan 7-9", "2580", "Luleå", "2120002742", "Luleå kommun"],
  ["71454628", "Malmö Idrottsgrundskola", "1280", "Malmö", "2120001124", "Malmö kommun"],
  ["40610606", "Lycée Francais Saint Louis, gr", "0180", "Stockholm", "9020041852", "Lycée Francais Saint-Louis"],
  ["63321041", "Kungliga Svenska Balettskolan", "0180", "Stockholm", "2120000142", "Stockholms kommun"],
  ["24937512", "Svenska Balettskolan 4-9", "1480", "Göteborg", "2120001355", "Göteborgs kommun"],
];

export const SAMPLE_UNITS: SchoolSearchDoc[] = UNITS.map(([code, name, municipalityCode, municipality, organizerId, organizer]) => ({
  schoolUnitCode: code,
  name,
  municipalityCode,
  municipalityName: municipality,
  countyCode: municipalityCode.slice(0, 2),
  organizerId,
  organizerName: organizer,
}));

export const SAMPLE_ORGANIZERS: OrganizerSearchDoc[] = [
  { organizerId: "2120000142", organizationNumber: "2120000142", name: "Stockholms kommun", municipalityName: "Stockholm", countyCode: "01" },
  { organizerId: "2120002403", organizationNumber: "2120002403", name: "Härnösands kommun", municipalityName: "Härnösand", countyCode: "22" },
  { organizerId: "2120001355", organizationNumber: "2120001355", name: "Göteborgs kommun", municipalityName: "Göteborg", countyCode: "14" },
  { organizerId: "2120000662", organizationNumber: "2120000662", name: "Växjö kommun", municipalityName: "Växjö", countyCode: "07" },
  {
    organizerId: "5564624368",
    organizationNumber: "5564624368",
    name: "Internationella Engelska Skolan i Sverige AB",
    municipalityName: "Stockholm",
    countyCode: "01",
  },
  { organizerId: "5565661815", organizationNumber: "5565661815", name: "Kunskapsskolan i Sverige Aktiebolag", municipalityName: "Stockholm", countyCode: "01" },
  { organizerId: "8024222641", organizationNumber: "8024222641", name: "Djurgårdens Waldorfskoleförening", municipalityName: "Solna", countyCode: "01" },
  { organizerId: "5566577705", organizationNumber: "5566577705", name: "Ulno AB", municipalityName: "Östersund", countyCode: "23" },
];

/** The codes of the hits, best first. */
export const codesOf = (hits: readonly { doc: { schoolUnitCode: string } }[]): string[] => hits.map((hit) => hit.doc.schoolUnitCode);
