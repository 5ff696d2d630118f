// Types for the parts of libsvm-js (0.2.x) that qforge uses; the package ships none.
declare module "libsvm-js/asm.js" {
  interface LibsvmOptions {
    type?: string;
    kernel?: string;
    degree?: number;
    gamma?: number;
    coef0?: number;
    cost?: number;
    nu?: number;
    epsilon?: number;
    cacheSize?: number;
    tolerance?: number;
    shrinking?: boolean;
    probabilityEstimates?: boolean;
    quiet?: boolean;
  }
  class SVM {
    constructor(options: LibsvmOptions);
    train(samples: number[][], labels: number[]): void;
    predict(samples: number[][]): number[];
    predictOne(sample: number[]): number;
    getLabels(): number[];
    getSVIndices(): number[];
    serializeModel(): string;
    free(): void;
    static readonly SVM_TYPES: {
      C_SVC: string;
      NU_SVC: string;
      ONE_CLASS: string;
      EPSILON_SVR: string;
      NU_SVR: string;
    };
    static readonly KERNEL_TYPES: {
      LINEAR: string;
      POLYNOMIAL: string;
      RBF: string;
      SIGMOID: string;
      PRECOMPUTED: string;
    };
  }
  export = SVM;
}
