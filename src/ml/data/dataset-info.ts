/**
 * Names of the datasets bundled in the package's `datasets/` folder.
 *
 * @example
 * ```ts
 * for (const name of DATASET_NAMES) console.log(name, DATASET_INFO[name].task);
 * ```
 */
export const DATASET_NAMES = ["breast_cancer", "iris", "wine", "digits", "diabetes"] as const;

/** One of {@link DATASET_NAMES}. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/** What a bundled dataset is for and what its labels mean. */
export interface DatasetInfo {
  task: "classification" | "regression";
  /** Name of each class label 0..k−1 (classification only). */
  targetNames?: readonly string[];
  description: string;
}

/**
 * Facts about each bundled dataset. Sources, licences and citations are in `datasets/README.md`.
 *
 * @example
 * ```ts
 * DATASET_INFO.iris.targetNames; // ["setosa", "versicolor", "virginica"]
 * ```
 */
export const DATASET_INFO: Readonly<Record<DatasetName, DatasetInfo>> = {
  breast_cancer: {
    task: "classification",
    targetNames: ["malignant", "benign"],
    description:
      "Breast Cancer Wisconsin (Diagnostic): 569 samples, 30 real features of cell nuclei; 1 = benign, 0 = malignant",
  },
  iris: {
    task: "classification",
    targetNames: ["setosa", "versicolor", "virginica"],
    description: "Fisher's iris: 150 flowers, 4 measurements in cm, 3 species of 50",
  },
  wine: {
    task: "classification",
    targetNames: ["class_0", "class_1", "class_2"],
    description: "Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars",
  },
  digits: {
    task: "classification",
    targetNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    description: "Handwritten digits: 1797 images of 8×8 pixels with counts 0–16, digits 0–9",
  },
  diabetes: {
    task: "regression",
    description:
      "Diabetes (Efron et al. 2004): 442 patients, 10 unscaled baseline variables; target is disease progression after one year",
  },
};
