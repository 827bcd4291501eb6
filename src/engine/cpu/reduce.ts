/** out[c] = Σ_r x[r, c] (or out[c] += it), summed in row order so the result is deterministic. */
export function sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
  if (!accumulate) out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) out[c] += x[row + c];
  }
}

