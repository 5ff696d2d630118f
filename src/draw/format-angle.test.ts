import { describe, expect, it } from "vitest";
import { ParamExpr } from "../circuit/param-expr.js";
import { formatAngle, formatName, formatParam } from "./format-angle.js";

const PI = Math.PI;

describe("formatAngle", () => {
  it.each([
    [PI, "π"],
    [-PI, "-π"],
    [2 * PI, "2π"],
    [PI / 2, "π/2"],
    [-PI / 4, "-π/4"],
    [(3 * PI) / 4, "3π/4"],
    [-(3 * PI) / 2, "-3π/2"],
    [PI / 16, "π/16"],
    [(5 * PI) / 6, "5π/6"],
    [0, "0"],
    [-0, "0"],
  ])("%d → %s", (x, text) => {
    expect(formatAngle(x)).toBe(text);
  });

  it("keeps at most `decimals` decimals and drops trailing zeros", () => {
    expect(formatAngle(0.5)).toBe("0.5");
    expect(formatAngle(1.23456)).toBe("1.235");
    expect(formatAngle(1.23456, 1)).toBe("1.2");
    expect(formatAngle(-2.1)).toBe("-2.1");
    expect(formatAngle(12)).toBe("12");
    expect(formatAngle(3, 0)).toBe("3");
  });

  it("does not round small non-zero angles to 0", () => {
    expect(formatAngle(0.00001234)).toBe("1.23e-5");
    expect(formatAngle(-0.0001, 2)).toBe("-1e-4");
  });

  it("does not mistake near multiples of π for exact ones", () => {
    expect(formatAngle(3.14)).toBe("3.14");
    expect(formatAngle(1.5708)).toBe("1.571");
  });
});

describe("formatParam", () => {
  it("writes Greek names as letters", () => {
    expect(formatName("theta")).toBe("θ");
    expect(formatName("phi_3")).toBe("φ_3");
    expect(formatName("lambda2")).toBe("λ2");
    expect(formatName("x0")).toBe("x0");
    expect(formatName("thetas")).toBe("thetas");
  });

  it("formats affine expressions compactly", () => {
    expect(formatParam(ParamExpr.parse("theta"))).toBe("θ");
    expect(formatParam(ParamExpr.parse("-theta"))).toBe("-θ");
    expect(formatParam(ParamExpr.parse("theta/2 - pi"))).toBe("θ/2-π");
    expect(formatParam(ParamExpr.parse("2*x0 + theta - pi/2"))).toBe("θ+2*x0-π/2");
    expect(formatParam(ParamExpr.parse("0.25*x + 1"))).toBe("x/4+1");
    expect(formatParam(ParamExpr.parse("0.3*x"))).toBe("0.3*x");
    expect(formatParam(ParamExpr.parse("pi*x"))).toBe("π*x");
    expect(formatParam(ParamExpr.constant(PI / 2))).toBe("π/2");
    expect(formatParam(ParamExpr.constant(0))).toBe("0");
  });
});
