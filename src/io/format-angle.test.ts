import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParamExpr } from "../circuit/param-expr.js";
import { formatAngle, formatDecimal } from "./format-angle.js";

describe("formatDecimal", () => {
  it("writes plain decimals, never an exponent", () => {
    expect(formatDecimal(0.1)).toBe("0.1");
    expect(formatDecimal(-0)).toBe("0");
    expect(formatDecimal(1e-7)).toBe("0.0000001");
    expect(formatDecimal(-1.2345e-7)).toBe("-0.00000012345");
    expect(formatDecimal(1e21)).toBe("1000000000000000000000");
    expect(formatDecimal(1.5e22)).toBe("15000000000000000000000");
    expect(formatDecimal(5e-324)).toBe(`0.${"0".repeat(323)}5`);
    expect(formatDecimal(Math.PI)).toBe("3.141592653589793");
  });

  it("round-trips every finite double exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = formatDecimal(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
      { seed: 1, numRuns: 1000 },
    );
  });
});

describe("formatAngle", () => {
  it("writes affine expressions that parse back exactly", () => {
    const e = ParamExpr.symbol("theta", 2)
      .add(ParamExpr.symbol("x0", -1e-7))
      .add(ParamExpr.constant(-Math.PI));
    expect(formatAngle(e)).toBe("2*theta - 0.0000001*x0 - 3.141592653589793");
    expect(formatAngle(ParamExpr.symbol("w", -1))).toBe("-w");
    expect(formatAngle(ParamExpr.constant(0))).toBe("0");
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b, k) => {
          const expr = ParamExpr.symbol("a", a).add(ParamExpr.symbol("b", b)).add(ParamExpr.constant(k));
          expect(ParamExpr.parse(formatAngle(expr)).equals(expr)).toBe(true);
        },
      ),
      { seed: 1, numRuns: 500 },
    );
  });
});
