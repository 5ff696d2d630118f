import type { ParamExpr } from "../circuit/param-expr.js";

/**
 * The shortest decimal that reads back to the same double, always in plain positional notation (no exponent:
 * OpenQASM 2 reals need a digit string, and `1e-7` would not be one). `-0` is written `0`.
 */
export function formatDecimal(x: number): string {
  if (x === 0) return "0";
  const s = String(x);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const sign = s.startsWith("-") ? "-" : "";
  const mantissa = s.slice(sign.length, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const point = (dot < 0 ? mantissa.length : dot) + exponent; // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** An affine angle as OpenQASM text, e.g. `2*theta - 0.5*x0 + 1.5707963267948966`; parses back exactly. */
export function formatAngle(e: ParamExpr): string {
  return e.toString(formatDecimal);
}
