/** Letters that NFD decomposition does not reduce to a plain Latin letter. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  æ: "a",
  ø: "o",
  ß: "ss",
  đ: "d",
  ł: "l",
  œ: "oe",
  ı: "i",
};

const COMBINING_MARKS = /\p{M}+/gu;
const SPECIAL_LETTER_PATTERN = /[æøßđłœı]/g;
/** `S:t Eriks`, `O'Brien`: joined, not split. */
const JOINING_PUNCTUATION = /(?<=[\p{L}\p{N}])[:'’`´](?=[\p{L}\p{N}])/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The letters Swedish text commonly holds beyond ASCII, folded without a Unicode pass. */
const COMMON_FOLDS: Readonly<Record<string, string>> = {
  å: "a",
  ä: "a",
  ö: "o",
  é: "e",
  è: "e",
  ü: "u",
  á: "a",
  à: "a",
  ç: "c",
  ñ: "n",
  í: "i",
  ó: "o",
  ú: "u",
  ô: "o",
  ê: "e",
  ë: "e",
  ï: "i",
  â: "a",
};
const COMMON_FOLD_PATTERN = /[åäöéèüáàçñíóúôêëïâ]/g;
const BEYOND_PRINTABLE_ASCII = /[^ -~\t\n\r]/;

/**
 * Folds text for matching: lower case, å/ä→a, ö→o, é→e, ü→u (and other accents
 * dropped), punctuation to spaces, spaces collapsed. `"Härnösands kommun, S:t Örjan"`
 * becomes `"harnosands kommun st orjan"`.
 */
export function normalizeSwedish(text: string): string {
  if (typeof text !== "string" || text.length === 0) return "";
  let folded = text.toLowerCase().replace(COMMON_FOLD_PATTERN, (letter) => COMMON_FOLDS[letter] ?? letter);
  if (BEYOND_PRINTABLE_ASCII.test(folded)) {
    folded = folded
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter);
  }
  return folded.replace(JOINING_PUNCTUATION, "").replace(NOT_WORD, " ").trim();
}

/** The normalized words of a text. */
export function tokenize(text: string): string[] {
  const normalized = normalizeSwedish(text);
  return normalized.length === 0 ? [] : normalized.split(" ");
}
