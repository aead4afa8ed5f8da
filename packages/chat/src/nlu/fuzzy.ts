/** Typo tolerance: optimal-string-alignment distance, bounded so it stays cheap on long input. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Whether a typed word is one of the lexicon words. Short words must match exactly (list their
 * common typos explicitly): a one-letter slip in a four-letter word makes too many other words.
 */
export function matchesWord(word: string, lexicon: readonly string[], exactOnly = false): boolean {
  for (const entry of lexicon) {
    if (word === entry) return true;
    if (!exactOnly && entry.length >= 5 && word.length >= 4 && editDistance(word, entry, 1) <= 1) return true;
  }
  return false;
}
