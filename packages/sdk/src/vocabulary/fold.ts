const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Letters that carry no combining mark in Unicode but that Swedish readers fold all the same. */
const SPECIAL: Readonly<Record<string, string>> = { æ: "a", ø: "o", ß: "s", đ: "d", ł: "l" };

/**
 * Folds Swedish (or any Latin-script) text for matching: lower case and without diacritics, so
 * `Växjö` and `vaxjo`, `Göteborg` and `GOTEBORG`, `Härnösand` and `harnosand` are one word.
 * å/ä → a, ö → o, é → e, ü → u, æ → a, ø → o; every other accent is dropped too.
 *
 * One character in, one character out: the result has the input's length, so an index found in
 * the folded text points at the same place in the original (the NLU relies on this). Characters
 * whose lower case or base letter would change the length (`İ`, Hangul) are kept as they are.
 * It neither trims nor collapses spaces; callers that want that do it themselves.
 *
 * @example foldSwedish("Malmö Stad") // "malmo stad"
 */
export function foldSwedish(text: string): string {
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD").replace(COMBINING_MARKS, "");
    const bare = base.length === ch.length ? base : ch;
    const lower = bare.toLowerCase();
    const letter = lower.length === bare.length ? lower : bare;
    out += SPECIAL[letter] ?? letter;
  }
  return out;
}
