/** Words that answer a yes/no question with yes, in Swedish and English (folded: lower case, no diacritics). */
export const YES_WORDS: readonly string[] = ["ja", "japp", "jo", "absolut", "ok", "okej", "okay", "yes", "yep", "yeah", "y", "sure", "visst"];
/** Words that answer a yes/no question with no (folded). */
export const NO_WORDS: readonly string[] = ["nej", "na", "nope", "no", "n"];

const bare = (text: string): string | undefined => /^\s*(\p{L}+)\s*[.!]?\s*$/u.exec(text)?.[1]?.toLowerCase();
const foldedWord = (word: string): string => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** A message that is nothing but a yes: `ja`, `Yes!`, `okej.` (a sentence with more words is not). */
export function isBareYes(text: string): boolean {
  const word = bare(text);
  return word !== undefined && YES_WORDS.includes(foldedWord(word));
}

/** A message that is nothing but a no: `nej`, `nä`, `No.` */
export function isBareNo(text: string): boolean {
  const word = bare(text);
  return word !== undefined && NO_WORDS.includes(foldedWord(word));
}
