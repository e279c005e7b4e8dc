/**
 * The optimal-string-alignment distance between two words (insert, delete, substitute, or swap two
 * neighbours, each one edit), or `max + 1` once it is known to exceed `max`. MiniSearch's fuzzy lookup
 * counts a swap as two edits, so its candidates are checked again with this.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let twoAbove = new Int32Array(m + 1);
  let above = Int32Array.from({ length: m + 1 }, (_, j) => j);
  let row = new Int32Array(m + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const d = b.charCodeAt(j - 1);
      let v = (above[j - 1] as number) + (c === d ? 0 : 1);
      const del = (above[j] as number) + 1;
      if (del < v) v = del;
      const ins = (row[j - 1] as number) + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && c === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === d) {
        const swap = (twoAbove[j - 2] as number) + 1;
        if (swap < v) v = swap;
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [twoAbove, above, row] = [above, row, twoAbove];
  }
  return Math.min(above[m] as number, max + 1);
}
