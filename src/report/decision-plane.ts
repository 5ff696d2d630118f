import { PCA, StandardScaler } from "../ml/index.js";
import { check } from "../util/errors.js";

/** A plane through feature space for decision-boundary pictures (see {@link decisionPlane}). */
export interface DecisionPlane {
  readonly xTitle: string;
  readonly yTitle: string;
  /** Grid cells in plane coordinates, row by row. */
  readonly cells: { x: number; x2: number; y: number; y2: number }[];
  /** Feature rows (in the original units) at the centre of each cell. */
  readonly cellRows: number[][];
  /** Plane coordinates of feature rows. */
  project(X: readonly (readonly number[])[]): [number, number][];
  /** How the plane was chosen, in words. */
  readonly description: string;
}

/**
 * The plane of the first two principal components of the standardized training rows, with a `grid × grid`
 * lattice over the range of the training rows (and of `alsoCover`, e.g. the test rows) in it, plus a 5 % margin. Each cell centre is mapped back to
 * a full feature row: the two plane coordinates along the two components, every other component at its
 * training mean. Evaluating a trained model on those rows gives a slice through its decision function —
 * the model itself, not a 2-D refit.
 *
 * @example
 * ```ts
 * const plane = decisionPlane(Xtrain, 30);
 * const classes = model.predict(plane.cellRows); // one per cell
 * ```
 */
export function decisionPlane(
  Xtrain: readonly (readonly number[])[],
  grid: number,
  alsoCover: readonly (readonly number[])[] = [],
): DecisionPlane {
  check(
    Xtrain.length >= 3 && (Xtrain[0]?.length ?? 0) >= 2,
    "a decision plane needs at least 3 rows and 2 features",
  );
  const scaler = new StandardScaler().fit(Xtrain);
  const Z = scaler.transform(Xtrain);
  const pca = new PCA(2).fit(Z);
  const [v1, v2] = pca.components as [number[], number[]];
  const centre = pca.mean;
  const { mean, scale } = scaler;
  const P = alsoCover.length
    ? [...pca.transform(Z), ...pca.transform(scaler.transform(alsoCover))]
    : pca.transform(Z);
  const range = (k: 0 | 1): [number, number] => {
    const vs = P.map((p) => p[k]!);
    const lo = Math.min(...vs),
      hi = Math.max(...vs);
    const pad = 0.05 * (hi - lo || 1);
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = range(0),
    [y0, y1] = range(1);
  const dx = (x1 - x0) / grid,
    dy = (y1 - y0) / grid;
  const cells: DecisionPlane["cells"] = [];
  const cellRows: number[][] = [];
  for (let r = 0; r < grid; r++)
    for (let c = 0; c < grid; c++) {
      const x = x0 + c * dx,
        y = y0 + r * dy;
      cells.push({ x, x2: x + dx, y, y2: y + dy });
      const a = x + dx / 2,
        b = y + dy / 2;
      cellRows.push(mean.map((m, j) => m + scale[j]! * (centre[j]! + a * v1[j]! + b * v2[j]!)));
    }
  const ratio = pca.explainedVarianceRatio.map((v) => `${(100 * v).toFixed(0)} %`);
  return {
    xTitle: `PC 1 (${ratio[0]} of variance)`,
    yTitle: `PC 2 (${ratio[1]} of variance)`,
    cells,
    cellRows,
    project: (X) => pca.transform(scaler.transform(X)).map((p) => [p[0]!, p[1]!]),
    description:
      `Each model — the full trained model, not a 2-D refit — is evaluated on a ${grid} × ${grid} grid in the plane of the ` +
      `first two principal components of the standardized training features (PC 1 and PC 2 explain ${ratio[0]} and ${ratio[1]} of their variance); ` +
      `every other component is held at its training mean. The picture is a slice through each model's decision function. ` +
      `Dots are the test rows projected onto the plane, coloured by their true value; their other components are not at the mean, ` +
      `so a dot can sit on a region of another colour and still be predicted correctly.`,
  };
}
