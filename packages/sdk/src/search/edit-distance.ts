let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)
 * between `a` and `b`, or `maxDistance + 1` as soon as it must exceed `maxDistance`.
 */
export function boundedEditDistance(a: string, b: string, maxDistance: number): number {
  const over = maxDistance + 1;
  if (Math.abs(a.length - b.length) > maxDistance) return over;
  if (a === b) return 0;
  const width = b.length + 1;
  if (rowA.length < width) {
    rowA = new Int32Array(width * 2);
    rowB = new Int32Array(width * 2);
    rowC = new Int32Array(width * 2);
  }
  let beforePrevious = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j += 1) {
      const charB = b.charCodeAt(j - 1);
      const substitution = (previous[j - 1] ?? over) + (charA === charB ? 0 : 1);
      let value = Math.min((previous[j] ?? over) + 1, (current[j - 1] ?? over) + 1, substitution);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (beforePrevious[j - 2] ?? over) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maxDistance) return over;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[b.length] ?? over;
  return distance > maxDistance ? over : distance;
}
