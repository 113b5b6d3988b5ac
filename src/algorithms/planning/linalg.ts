/** Small dense linear algebra on number[][] (row-major), enough for LQR on a few states. */
export type Matrix = number[][];
export type Vector = number[];

export const zeros = (rows: number, cols: number): Matrix => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
export const identity = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
export const transpose = (a: Matrix): Matrix => (a.length === 0 ? [] : a[0].map((_, j) => a.map((row) => row[j])));

export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const inner = b.length;
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inner; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += aik * b[k][j];
    }
  }
  return out;
}

export const matVec = (a: Matrix, x: Vector): Vector => a.map((row) => row.reduce((sum, v, j) => sum + v * x[j], 0));
export const addMat = (a: Matrix, b: Matrix): Matrix => a.map((row, i) => row.map((v, j) => v + b[i][j]));
export const addVec = (a: Vector, b: Vector): Vector => a.map((v, i) => v + b[i]);
export const scaleVec = (a: Vector, s: number): Vector => a.map((v) => v * s);
export const dot = (a: Vector, b: Vector): number => a.reduce((sum, v, i) => sum + v * b[i], 0);
/** Rows r0..r1-1, columns c0..c1-1. */
export const block = (a: Matrix, r0: number, r1: number, c0: number, c1: number): Matrix => a.slice(r0, r1).map((row) => row.slice(c0, c1));
export const symmetrize = (a: Matrix): Matrix => a.map((row, i) => row.map((v, j) => 0.5 * (v + a[j][i])));

/**
 * Solves A X = B for a square A by Gaussian elimination with partial pivoting. Throws when A is
 * singular (a pivot below `tolerance` times the largest entry), with `what` naming the matrix.
 */
export function solve(a: Matrix, b: Matrix, what = 'the matrix'): Matrix {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const aug = a.map((row, i) => [...row, ...b[i]]);
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(aug[r][col]) > Math.abs(aug[pivot][col])) pivot = r;
    if (!(Math.abs(aug[pivot][col]) > 1e-12 * scale)) throw new Error(`${what} is singular (or nearly so), so it cannot be inverted.`);
    [aug[col], aug[pivot]] = [aug[pivot], aug[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = aug[r][col] / aug[col][col];
      if (factor === 0) continue;
      for (let j = col; j < n + m; j++) aug[r][j] -= factor * aug[col][j];
    }
  }
  return aug.map((row, i) => row.slice(n).map((v) => v / aug[i][i]));
}

/** True when the symmetric matrix is positive definite (Cholesky succeeds). */
export function isPositiveDefinite(a: Matrix): boolean {
  const n = a.length;
  const l = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) return false;
        l[i][i] = Math.sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  return true;
}
