import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "../../src/search/edit-distance";
import { allowedTypos } from "../../src/search/term-matching";
import { Vocabulary } from "../../src/search/vocabulary";

describe("boundedEditDistance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(boundedEditDistance("rinkeby", "rinkeby", 2)).toBe(0);
    expect(boundedEditDistance("rinkby", "rinkeby", 2)).toBe(1);
    expect(boundedEditDistance("rinkebyy", "rinkeby", 2)).toBe(1);
    expect(boundedEditDistance("rinkeny", "rinkeby", 2)).toBe(1);
    expect(boundedEditDistance("rinkbey", "rinkeby", 2)).toBe(1);
    expect(boundedEditDistance("rnkby", "rinkeby", 2)).toBe(2);
  });

  it("answers max + 1 as soon as the words are further apart than max", () => {
    expect(boundedEditDistance("hjulsta", "hagaskolan", 2)).toBe(3);
    expect(boundedEditDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("allowedTypos", () => {
  it("allows none under 4 letters, 1 from 4, 2 from 8, and none in numbers", () => {
    expect(["tby", "taby", "hjulsta", "rinkeby1", "12345678"].map(allowedTypos)).toEqual([0, 1, 1, 2, 0]);
  });
});

describe("Vocabulary.withinDistance", () => {
  // Deterministic pseudo-random words and typos: the deletion index must find exactly
  // what comparing against every term would find.
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const letters = "abdegiklmnorstuvyaeiou";
  const word = (): string => Array.from({ length: 2 + Math.floor(random() * 14) }, () => letters[Math.floor(random() * letters.length)]).join("");
  const misspell = (text: string): string => {
    let result = text;
    for (let edit = 0; edit < 1 + Math.floor(random() * 2); edit += 1) {
      const at = Math.floor(random() * (result.length + 1));
      const letter = letters[Math.floor(random() * letters.length)] ?? "a";
      const kind = Math.floor(random() * 4);
      if (kind === 0) result = result.slice(0, at) + result.slice(at + 1);
      else if (kind === 1) result = result.slice(0, at) + letter + result.slice(at);
      else if (kind === 2) result = result.slice(0, at) + letter + result.slice(at + 1);
      else if (at + 1 < result.length) result = result.slice(0, at) + result[at + 1] + result[at] + result.slice(at + 2);
    }
    return result;
  };

  it("finds every term within the allowed distance, and only those", () => {
    const terms = [...new Set(Array.from({ length: 3000 }, word))];
    const vocabulary = new Vocabulary((length) => (length >= 8 ? 2 : length >= 4 ? 1 : 0));
    for (const term of terms) vocabulary.intern(term);
    for (let probe = 0; probe < 1500; probe += 1) {
      const query = misspell(terms[Math.floor(random() * terms.length)] ?? "");
      const maxDistance = allowedTypos(query);
      const expected = terms.filter((term) => boundedEditDistance(query, term, maxDistance) <= maxDistance).sort();
      const found = vocabulary
        .withinDistance(query, maxDistance)
        .map(({ id }) => vocabulary.term(id))
        .sort();
      expect(found, `query "${query}"`).toEqual(expected);
    }
  });

  it("lists terms by prefix in order", () => {
    const vocabulary = new Vocabulary(() => 1);
    for (const term of ["rinkebyskolan", "hjulsta", "rinkeby", "rink", "rinnan"]) vocabulary.intern(term);
    expect(vocabulary.withPrefix("rink", 10).map((id) => vocabulary.term(id))).toEqual(["rink", "rinkeby", "rinkebyskolan"]);
    vocabulary.intern("rinkaby");
    expect(vocabulary.withPrefix("rink", 2).map((id) => vocabulary.term(id))).toEqual(["rink", "rinkaby"]);
  });
});
