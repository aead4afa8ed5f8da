/** A comparison figure: the mean of units' values, weighted by their pupils when known. */
export interface Figure {
  value: number;
  /** Units the figure is computed from. */
  units: number;
  /** `pupils`: units without a pupil count are left out; `equal`: no unit had one. */
  weighting: "pupils" | "equal";
}

export interface WeightedValue {
  value: number;
  pupils: number | null;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Pupil-weighted mean, as a national or municipal figure is: each unit counts as many
 * times as it has pupils. Null when there is nothing to average.
 */
export function pupilWeightedMean(items: readonly WeightedValue[]): Figure | null {
  const weighted = items.filter((i): i is { value: number; pupils: number } => i.pupils !== null && i.pupils > 0);
  if (weighted.length > 0) {
    const pupils = weighted.reduce((sum, i) => sum + i.pupils, 0);
    return { value: round(weighted.reduce((sum, i) => sum + i.value * i.pupils, 0) / pupils), units: weighted.length, weighting: "pupils" };
  }
  if (items.length === 0) return null;
  return { value: round(items.reduce((sum, i) => sum + i.value, 0) / items.length), units: items.length, weighting: "equal" };
}
