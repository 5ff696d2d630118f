import { ParamExpr } from "../circuit/param-expr.js";
import { QforgeError } from "../util/errors.js";
import { type Token, type TokenStream, describeToken } from "./qasm-lexer.js";

/** An angle expression as parsed; evaluated later, once the names in it have values. `height` bounds recursion. */
export type Expr = { readonly tok: Token; readonly height: number } & (
  | { readonly kind: "num"; readonly value: number }
  | { readonly kind: "id"; readonly name: string }
  | { readonly kind: "neg"; readonly arg: Expr }
  | {
      readonly kind: "bin";
      readonly op: "+" | "-" | "*" | "/" | "^";
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: "call"; readonly fn: string; readonly arg: Expr }
);

/** Functions of a constant argument that OpenQASM 2 (sin…sqrt) and 3 (also arcsin, arccos, arctan, log) offer. */
const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  sqrt: Math.sqrt,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  log: Math.log,
};

/** Built-in constants: OpenQASM 2 has `pi`; OpenQASM 3 adds π, tau/τ and euler/ℇ. */
export function builtinConstant(name: string, version: 2 | 3): number | undefined {
  if (name === "pi" || name === "π") return Math.PI;
  if (version === 2) return undefined;
  if (name === "tau" || name === "τ") return 2 * Math.PI;
  if (name === "euler" || name === "ℇ") return Math.E;
  return undefined;
}

/** Deepest expression tree (and parser nesting) accepted; bounds the recursion of parsing and evaluation. */
const MAX_DEPTH = 400;

/**
 * Parses an angle expression: numbers, names, + − * / ^ (and ** in OpenQASM 3), unary minus, parentheses and
 * function calls. Precedence: ^ binds tightest (right-associative), then unary minus, then * /, then + −.
 */
export function parseExpr(ts: TokenStream): Expr {
  return new ExprParser(ts).sum(0);
}

class ExprParser {
  constructor(private readonly ts: TokenStream) {}

  sum(depth: number): Expr {
    let left = this.product(depth + 1);
    for (;;) {
      const t = this.ts.peek();
      if (!this.ts.is("+") && !this.ts.is("-")) return left;
      this.ts.next();
      left = this.binary(t, t.text as "+" | "-", left, this.product(depth + 1));
    }
  }

  private product(depth: number): Expr {
    let left = this.unary(depth + 1);
    for (;;) {
      const t = this.ts.peek();
      if (!this.ts.is("*") && !this.ts.is("/")) return left;
      this.ts.next();
      left = this.binary(t, t.text as "*" | "/", left, this.unary(depth + 1));
    }
  }

  private unary(depth: number): Expr {
    const t = this.ts.peek();
    this.guard(depth, t);
    if (this.ts.accept("-")) {
      const arg = this.unary(depth + 1);
      return { kind: "neg", tok: t, height: arg.height + 1, arg };
    }
    if (this.ts.accept("+")) return this.unary(depth + 1);
    return this.power(depth + 1);
  }

  private power(depth: number): Expr {
    const base = this.atom(depth + 1);
    const t = this.ts.peek();
    if (this.ts.accept("^") || this.ts.accept("**")) return this.binary(t, "^", base, this.unary(depth + 1));
    return base;
  }

  private atom(depth: number): Expr {
    this.guard(depth, this.ts.peek());
    const t = this.ts.next();
    if (t.kind === "int" || t.kind === "real") return { kind: "num", tok: t, height: 1, value: t.value };
    if (t.kind === "sym" && t.text === "(") {
      const e = this.sum(depth + 1);
      this.ts.expect(")", "to close the parenthesis");
      return e;
    }
    if (t.kind === "id") {
      if (!this.ts.is("(")) return { kind: "id", tok: t, height: 1, name: t.text };
      if (!(t.text in FUNCTIONS))
        this.ts.fail("UNSUPPORTED", t, `unknown function "${t.text}" in an angle expression`);
      this.ts.next();
      const arg = this.sum(depth + 1);
      this.ts.expect(")", `to close the argument of ${t.text}(`);
      return { kind: "call", tok: t, height: arg.height + 1, fn: t.text, arg };
    }
    return this.ts.fail("PARSE_ERROR", t, `expected an angle expression, found ${describeToken(t)}`);
  }

  private binary(tok: Token, op: "+" | "-" | "*" | "/" | "^", left: Expr, right: Expr): Expr {
    const height = Math.max(left.height, right.height) + 1;
    this.guard(height, tok);
    return { kind: "bin", tok, height, op, left, right };
  }

  private guard(depth: number, at: Token): void {
    if (depth > MAX_DEPTH) this.ts.fail("PARSE_ERROR", at, "expression is nested too deeply or too long");
  }
}

/** Calls `f` on every name an expression uses, with its token. */
export function forEachName(e: Expr, f: (name: string, tok: Token) => void): void {
  switch (e.kind) {
    case "num":
      return;
    case "id":
      return f(e.name, e.tok);
    case "neg":
    case "call":
      return forEachName(e.arg, f);
    case "bin":
      forEachName(e.left, f);
      forEachName(e.right, f);
  }
}

/**
 * Evaluates an expression to an affine {@link ParamExpr}. `lookup` gives the value of a name (a gate
 * parameter, constant or declared input) or undefined for an unknown name. Constant sub-expressions are
 * computed; products, quotients, powers and functions of symbolic values are refused (UNSUPPORTED), since
 * qforge angles are affine in their parameters.
 */
export function evalExpr(
  e: Expr,
  lookup: (name: string) => ParamExpr | undefined,
  ts: TokenStream,
): ParamExpr {
  const finite = (x: ParamExpr, at: Token): ParamExpr => {
    if (!Number.isFinite(x.constant) || x.terms.some(([, c]) => !Number.isFinite(c)))
      ts.fail("NON_FINITE", at, "angle expression does not evaluate to a finite number");
    return x;
  };
  const constant = (x: ParamExpr, at: Token, what: string): number => {
    if (!x.isConstant)
      ts.fail(
        "UNSUPPORTED",
        at,
        `${what} of a symbolic parameter is not affine; qforge angles are affine in their parameters`,
      );
    return x.constant;
  };
  const go = (e: Expr): ParamExpr => {
    switch (e.kind) {
      case "num":
        return finite(constantExpr(e.value, ts, e.tok), e.tok);
      case "id": {
        const v = lookup(e.name);
        if (v === undefined) ts.fail("PARSE_ERROR", e.tok, `unknown identifier "${e.name}"`);
        return v;
      }
      case "neg":
        return go(e.arg).scale(-1);
      case "call": {
        const fn = FUNCTIONS[e.fn]!;
        return finite(constantExpr(fn(constant(go(e.arg), e.tok, `${e.fn}()`)), ts, e.tok), e.tok);
      }
      case "bin": {
        const l = go(e.left),
          r = go(e.right);
        switch (e.op) {
          case "+":
            return finite(l.add(r), e.tok);
          case "-":
            return finite(l.add(r.scale(-1)), e.tok);
          case "*":
            if (l.isConstant) return finite(r.scale(l.constant), e.tok);
            return finite(l.scale(constant(r, e.tok, "a product")), e.tok);
          case "/": {
            const d = constant(r, e.tok, "division by an expression");
            if (d === 0) ts.fail("NON_FINITE", e.tok, "division by zero");
            return finite(l.scale(1 / d), e.tok);
          }
          case "^":
            return finite(
              constantExpr(constant(l, e.tok, "a power") ** constant(r, e.tok, "a power"), ts, e.tok),
              e.tok,
            );
        }
      }
    }
  };
  return go(e);
}

function constantExpr(value: number, ts: TokenStream, at: Token): ParamExpr {
  if (!Number.isFinite(value))
    ts.fail("NON_FINITE", at, "angle expression does not evaluate to a finite number");
  try {
    return ParamExpr.constant(value);
  } catch (err) {
    if (err instanceof QforgeError) ts.fail(err.code, at, err.message);
    throw err;
  }
}

/** Evaluates an expression that must be a constant (pow exponents, ctrl counts, designators, indices). */
export function evalConstant(
  e: Expr,
  lookup: (name: string) => ParamExpr | undefined,
  ts: TokenStream,
  what: string,
): number {
  const v = evalExpr(e, lookup, ts);
  if (!v.isConstant)
    ts.fail("UNSUPPORTED", e.tok, `${what} must be a constant, not an expression of a parameter`);
  return v.constant;
}
