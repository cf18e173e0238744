// Small statistics for the bench: the median is what we compare (robust against the odd slow run).

/** @param {number[]} values */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** @param {number[]} values */
export function summarize(values) {
  const finite = values.filter(Number.isFinite)
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    count: finite.length
  }
}

/** @param {number} value @param {number} floor */
export function ratio(value, floor) {
  return floor > 0 ? value / floor : NaN
}
