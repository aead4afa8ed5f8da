import { splitSchoolCompound } from "./compounds";
import { wordWeight } from "./generic-words";
import { tokenize } from "./normalize";

/** One way to read a query word, and how much a match through it is worth. */
export interface WordForm {
  text: string;
  factor: number;
  /** Whether the form may match the start of a longer term (only while typing it). */
  prefix: boolean;
}

export interface QueryWord {
  text: string;
  /** 1 for a distinctive word, less for generic ones (see `wordWeight`). */
  weight: number;
  /** The word the user is still typing: it may be the start of a longer word. */
  typing: boolean;
  forms: WordForm[];
}

/** Only the start of a very long query is read. */
export const MAX_QUERY_CHARACTERS = 256;
export const MAX_QUERY_WORDS = 12;

/** Common short forms staff type for place names. */
const ALIASES: Readonly<Record<string, string>> = {
  sthlm: "stockholm",
  sthml: "stockholm",
  gbg: "goteborg",
  gothenburg: "goteborg",
  gothenberg: "goteborg",
};

const DIGRAPH_FACTOR = 0.97;
const COMPOUND_STEM_FACTOR = 0.88;

/** `aa`/`ae`/`oe` typed for å/ä/ö (and `ue` for ü): "haernoesand" → "harnosand". */
export function foldDigraphs(word: string): string {
  return word.replace(/aa|ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
}

/** The words of a query, each with the forms it may match through. */
export function queryWords(query: string): QueryWord[] {
  if (typeof query !== "string") return [];
  const text = query.slice(0, MAX_QUERY_CHARACTERS);
  const stillTyping = !/\s$/.test(text);
  const words = [...new Set(tokenize(text))].slice(0, MAX_QUERY_WORDS);
  return words.map((word, index) => {
    const typing = stillTyping && index === words.length - 1;
    return { text: word, weight: wordWeight(word), typing, forms: formsOf(word, typing) };
  });
}

/**
 * The word as typed, its alias, its digraph folding, and the stem of a school
 * compound ("hjulstaskolan" → "hjulsta"). A stem is a complete word, never a prefix.
 */
function formsOf(word: string, typing: boolean): WordForm[] {
  const forms = new Map<string, WordForm>();
  const add = (text: string, factor: number, prefix: boolean): void => {
    const known = forms.get(text);
    if (text.length > 0 && (known === undefined || known.factor < factor)) forms.set(text, { text, factor, prefix });
  };
  add(word, 1, typing);
  const alias = ALIASES[word];
  if (alias !== undefined) add(alias, 1, typing);
  const folded = foldDigraphs(word);
  if (folded !== word) add(folded, DIGRAPH_FACTOR, typing);
  for (const form of [...forms.values()]) {
    const parts = splitSchoolCompound(form.text);
    if (parts !== undefined) add(parts.stem, form.factor * COMPOUND_STEM_FACTOR, false);
  }
  return [...forms.values()];
}
