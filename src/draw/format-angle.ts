import type { ParamExpr } from "../circuit/param-expr.js";

const GREEK: Readonly<Record<string, string>> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  rho: "ρ",
  sigma: "σ",
  upsilon: "υ",
  phi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
};

const MAX_DENOMINATOR = 16;
const MAX_NUMERATOR = 64;

/** `x` as p·π/q with small integers, or undefined. */
function piFraction(x: number): [number, number] | undefined {
  const ratio = x / Math.PI;
  for (let q = 1; q <= MAX_DENOMINATOR; q++) {
    const p = Math.round(ratio * q);
    if (p !== 0 && Math.abs(p) <= MAX_NUMERATOR && Math.abs(ratio * q - p) < 1e-9 * q) return [p, q];
  }
  return undefined;
}

/** A plain number with at most `decimals` decimals and no trailing zeros; tiny values in exponent form. */
function formatPlain(x: number, decimals: number): string {
  const fixed = x.toFixed(decimals);
  if (Number(fixed) === 0)
    return x === 0 ? "0" : x.toExponential(Math.max(0, decimals - 1)).replace(/\.?0+e/, "e");
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/**
 * An angle for a drawing: multiples of π with small denominators as `π/2`, `-3π/4`, `2π`, other values with
 * at most `decimals` decimals (`0.5`, `1.235`).
 *
 * @example
 * ```ts
 * formatAngle(Math.PI / 2); // "π/2"
 * formatAngle(-Math.PI / 4); // "-π/4"
 * formatAngle(1.23456); // "1.235"
 * ```
 */
export function formatAngle(x: number, decimals = 3): string {
  const frac = piFraction(x);
  if (!frac) return formatPlain(x, decimals);
  const [p, q] = frac;
  const num = p === 1 ? "π" : p === -1 ? "-π" : `${p}π`;
  return q === 1 ? num : `${num}/${q}`;
}

/** A parameter name with Greek letter names shown as letters: `theta` → `θ`, `phi_1` → `φ_1`. */
export function formatName(name: string): string {
  const m = /^([a-z]+)(_?\d*)$/.exec(name);
  const greek = m ? GREEK[m[1]!] : undefined;
  return greek !== undefined ? greek + m![2]! : name;
}

/** One term `c·name` of an expression, without its sign. */
function formatTerm(name: string, magnitude: number, decimals: number): string {
  if (Math.abs(magnitude - 1) < 1e-12) return name;
  const inverse = 1 / magnitude;
  if (Math.abs(inverse - Math.round(inverse)) < 1e-9 && inverse < 1000)
    return `${name}/${Math.round(inverse)}`;
  return `${formatAngle(magnitude, decimals)}*${name}`;
}

/**
 * A gate parameter for a drawing: constants through {@link formatAngle}, symbolic expressions compactly with
 * Greek names (`2*x0+θ-π/2`).
 *
 * @example
 * ```ts
 * formatParam(ParamExpr.parse("theta/2 - pi")); // "θ/2-π"
 * ```
 */
export function formatParam(expr: ParamExpr, decimals = 3): string {
  let out = "";
  for (const [name, c] of expr.terms) {
    const term = formatTerm(formatName(name), Math.abs(c), decimals);
    out += c < 0 ? `-${term}` : out ? `+${term}` : term;
  }
  if (expr.constant !== 0 || out === "") {
    const k = formatAngle(expr.constant, decimals);
    out += out === "" || k.startsWith("-") ? k : `+${k}`;
  }
  return out;
}
