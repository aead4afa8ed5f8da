import { normalizeSwedish, type SchoolSearchDoc } from "../../src/search";

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHOOL_WORD_ENDINGS = ["skolorna", "skolan", "skola"];
const SECOND_SCHOOL_WORDS = new Set(["skola", "skolan", "grundskola", "friskola", "resursskola", "montessoriskola", "waldorfskola"]);
const GENERIC = new Set(["skola", "skolan", "grundskola", "friskola", "resursskola", "school", "f", "gr", "ak"]);

/** A real name cut into a distinctive stem and the pattern around it ("Rinkeby" + "{}skolan"). */
interface NameTemplate {
  pattern: string;
  /** Chains ("Kunskapsskolan {municipality}") keep their real organizer. */
  chainOrganizer?: { id: string; name: string };
}

function templateOf(doc: SchoolSearchDoc): { stem?: string; template?: NameTemplate } {
  const words = doc.name.split(/\s+/).filter((word) => word.length > 0);
  const [first = "", second] = words;
  const rest = words.slice(1).join(" ");
  const municipalityAt = words.findIndex((word, index) => index > 0 && word === doc.municipalityName);
  if (municipalityAt > 0 && !/kommun|region/i.test(doc.organizerName)) {
    const pattern = [...words.slice(0, municipalityAt), "{municipality}", ...words.slice(municipalityAt + 1)].join(" ");
    return { template: { pattern, chainOrganizer: { id: doc.organizerId, name: doc.organizerName } } };
  }
  const lower = first.toLowerCase();
  for (const ending of SCHOOL_WORD_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 3 && /^\p{Lu}/u.test(first)) {
      const stem = first.slice(0, first.length - ending.length);
      return { stem, template: { pattern: `{stem}${first.slice(stem.length)}${rest ? ` ${rest}` : ""}` } };
    }
  }
  if (second !== undefined && SECOND_SCHOOL_WORDS.has(second.toLowerCase()) && /^\p{Lu}\p{L}{2,}$/u.test(first)) {
    return { stem: first, template: { pattern: `{stem} ${rest}` } };
  }
  return {};
}

/** The distinctive core of a name: normalized, without generic words and grade ranges. */
export function nameCore(name: string): string {
  return normalizeSwedish(name)
    .split(" ")
    .filter((word) => !GENERIC.has(word) && !/^\d+$/.test(word))
    .join(" ");
}

/** A stem compared without case, diacritics or a genitive "s": "Zederslunds" → "zederslund". */
function stemKey(stem: string): string {
  return normalizeSwedish(stem).replace(/s$/, "");
}

/** Common endings of Swedish place names, the second half of most school name stems. */
const PLACE_ENDINGS = [
  "bergs",
  "berg",
  "dalens",
  "dalen",
  "dals",
  "dal",
  "lunds",
  "lund",
  "viks",
  "vik",
  "bys",
  "by",
  "holms",
  "holm",
  "näs",
  "gårds",
  "gård",
  "torps",
  "torp",
  "hults",
  "hult",
  "sjö",
  "åsens",
  "åsen",
  "ås",
  "ängs",
  "äng",
  "backa",
  "backe",
  "hamns",
  "hamn",
  "vallen",
  "valls",
  "vall",
  "heds",
  "hed",
  "skogs",
  "skog",
  "sunda",
  "sund",
  "vångs",
  "vång",
  "hems",
  "hem",
  "inge",
  "tuna",
  "sala",
  "höjdens",
  "höjd",
  "haga",
  "vreten",
  "brinks",
  "brink",
  "parkens",
  "parks",
  "slätt",
  "ryds",
  "ryd",
  "rud",
  "fors",
  "forsen",
  "åker",
  "myra",
  "mossen",
  "liden",
  "strand",
  "stens",
  "sten",
  "stugan",
  "ö",
] as const;

/** Splits a stem into its head and a place-name ending ("Klagshamns" → "Klags" + "hamns"). */
function splitPlaceStem(stem: string): { head: string; ending: string } | undefined {
  const lower = stem.toLowerCase();
  for (const ending of PLACE_ENDINGS) {
    if (lower.endsWith(ending) && stem.length - ending.length >= 3) {
      return { head: stem.slice(0, stem.length - ending.length), ending };
    }
  }
  return undefined;
}

/**
 * The real units plus deterministic synthetic ones up to `total`, keeping the real
 * distribution: stems that are common in the real data ("Haga", "Park", "Central")
 * stay common; other synthetic stems are new place names made from the head of one
 * real stem and the ending of another ("Klags" + "dal"), as new localities would be;
 * real chains (organizers with units in several municipalities) open units in other
 * municipalities. Patterns ("{stem}skolan 7-9", "{stem}s skola") come from real names,
 * municipalities follow the real distribution, organizers are real (the municipality's
 * own, or an independent one). No synthetic name has the distinctive core of a real
 * name, so every real unit stays the one its labelled query means.
 */
export function scaleSchoolDocs(real: readonly SchoolSearchDoc[], total: number, seed = 20_250_401): SchoolSearchDoc[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chainMunicipalities = new Map<string, Set<string>>();
  for (const doc of real) {
    const set = chainMunicipalities.get(doc.organizerId) ?? new Set<string>();
    set.add(doc.municipalityCode);
    chainMunicipalities.set(doc.organizerId, set);
  }
  const isChain = (organizerId: string): boolean => (chainMunicipalities.get(organizerId)?.size ?? 0) >= 2;
  const stemCounts = new Map<string, number>();
  const heads: string[] = [];
  const endings: string[] = [];
  const templates: NameTemplate[] = [];
  for (const doc of real) {
    const { stem, template } = templateOf(doc);
    if (template !== undefined && (template.chainOrganizer === undefined || isChain(template.chainOrganizer.id))) {
      templates.push(template);
    }
    if (stem === undefined) continue;
    stemCounts.set(stem, (stemCounts.get(stem) ?? 0) + 1);
    const parts = splitPlaceStem(stem);
    if (parts !== undefined) {
      heads.push(parts.head);
      endings.push(parts.ending);
    }
  }
  const commonStems = [...stemCounts].flatMap(([stem, count]) => (count >= 2 ? Array<string>(count).fill(stem) : []));
  // A stem found once in the real data names one locality: it stays unique.
  const rareStems = new Set([...stemCounts].filter(([, count]) => count === 1).map(([stem]) => stemKey(stem)));
  const nextStem = (): string => {
    for (;;) {
      const stem = random() < 0.25 ? pick(commonStems) : pick(heads) + pick(endings);
      if (!rareStems.has(stemKey(stem))) return stem;
    }
  };
  const municipalOrganizer = new Map<string, { id: string; name: string }>();
  const independentOrganizers: { id: string; name: string }[] = [];
  for (const doc of real) {
    const organizer = { id: doc.organizerId, name: doc.organizerName };
    if (/kommun$|^region /i.test(doc.organizerName)) municipalOrganizer.set(doc.municipalityCode, organizer);
    else independentOrganizers.push(organizer);
  }
  const realCores = new Set(real.map((doc) => nameCore(doc.name)));
  const usedNames = new Set(real.map((doc) => `${doc.municipalityCode}|${normalizeSwedish(doc.name)}`));
  const usedCodes = new Set(real.map((doc) => doc.schoolUnitCode));
  const result = [...real];
  let attempts = 0;
  while (result.length < total && attempts < total * 50) {
    attempts += 1;
    const place = pick(real);
    const template = pick(templates);
    const name = template.pattern.replace("{stem}", nextStem()).replace("{municipality}", place.municipalityName);
    const core = nameCore(name);
    const nameKey = `${place.municipalityCode}|${normalizeSwedish(name)}`;
    if (core.length === 0 || realCores.has(core) || usedNames.has(nameKey)) continue;
    let code = "";
    do code = String(10_000_000 + Math.floor(random() * 90_000_000));
    while (usedCodes.has(code));
    const organizer = template.chainOrganizer ?? (random() < 0.75 ? municipalOrganizer.get(place.municipalityCode) : undefined) ?? pick(independentOrganizers);
    usedCodes.add(code);
    usedNames.add(nameKey);
    result.push({
      schoolUnitCode: code,
      name,
      municipalityCode: place.municipalityCode,
      municipalityName: place.municipalityName,
      countyCode: place.countyCode,
      organizerId: organizer.id,
      organizerName: organizer.name,
    });
  }
  return result;
}
