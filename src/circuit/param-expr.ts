import { QforgeError, check, checkFinite } from "../util/errors.js";
import type { AngleAlgebra } from "../gates/gate-spec.js";

/**
 * An angle as an affine expression over named parameters: `constant + Σ coefficient·name`.
 * Linear expressions are all QML templates need (`2*x0 + theta`, `theta/2 - pi`), and they keep the
 * chain rule exact: ∂angle/∂name is just the coefficient.
 *
 * @example
 * ```ts
 * const e = ParamExpr.parse("2*x0 + theta - pi/2");
 * e.evaluate({ x0: 0.1, theta: 1 }); // 0.2 + 1 - π/2
 * ```
 */
export class ParamExpr {
  /** Terms sorted by name; coefficients never zero. */
  readonly terms: ReadonlyArray<readonly [string, number]>;
  readonly constant: number;

  private constructor(constant: number, terms: ReadonlyArray<readonly [string, number]>) {
    this.constant = constant;
    this.terms = terms;
  }

  static constant(value: number): ParamExpr {
    checkFinite(value, "angle");
    return new ParamExpr(value, []);
  }

  static symbol(name: string, coefficient = 1): ParamExpr {
    check(
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(name),
      `"${name}" is not a valid parameter name (letters, digits, _)`,
    );
    return coefficient === 0 ? new ParamExpr(0, []) : new ParamExpr(0, [[name, coefficient]]);
  }

  /** Parses `2*x0 + theta/2 - pi`, numbers, `pi`/`π`/`tau`/`e`, + − * /, unary minus, parentheses, and
   * sin/cos/tan/exp/ln/sqrt/asin/acos/atan of constant arguments. The result must be affine in names. */
  static parse(text: string): ParamExpr {
    return new ExprParser(text).parseAll();
  }

  /** Accepts a number, a parameter name or expression string, or an expression. */
  static from(value: number | string | ParamExpr): ParamExpr {
    if (value instanceof ParamExpr) return value;
    if (typeof value === "number") return ParamExpr.constant(value);
    return ParamExpr.parse(value);
  }

  get isConstant(): boolean {
    return this.terms.length === 0;
  }

  /** Names this expression depends on. */
  get names(): string[] {
    return this.terms.map(([n]) => n);
  }

  coefficient(name: string): number {
    return this.terms.find(([n]) => n === name)?.[1] ?? 0;
  }

  add(other: ParamExpr): ParamExpr {
    const m = new Map<string, number>(this.terms);
    for (const [n, c] of other.terms) m.set(n, (m.get(n) ?? 0) + c);
    return ParamExpr.of(this.constant + other.constant, m);
  }

  scale(k: number): ParamExpr {
    return ParamExpr.of(this.constant * k, new Map(this.terms.map(([n, c]) => [n, c * k])));
  }

  /** Value with every name bound; throws UNBOUND_PARAMETER naming the first missing one. */
  evaluate(values: Readonly<Record<string, number>> | ReadonlyMap<string, number>): number {
    let v = this.constant;
    for (const [n, c] of this.terms) {
      const x = values instanceof Map ? values.get(n) : (values as Record<string, number>)[n];
      if (x === undefined) throw new QforgeError("UNBOUND_PARAMETER", `parameter "${n}" has no value`);
      v += c * x;
    }
    return v;
  }

  /** Substitutes the names present in `values`, leaving the others symbolic. */
  bind(values: Readonly<Record<string, number>>): ParamExpr {
    let constant = this.constant;
    const rest = new Map<string, number>();
    for (const [n, c] of this.terms) {
      const x = values[n];
      if (x === undefined) rest.set(n, c);
      else {
        checkFinite(x, `value of parameter "${n}"`);
        constant += c * x;
      }
    }
    return ParamExpr.of(constant, rest);
  }

  /** Renames parameters (for composing templates). */
  rename(map: (name: string) => string): ParamExpr {
    const m = new Map<string, number>();
    for (const [n, c] of this.terms) m.set(map(n), (m.get(map(n)) ?? 0) + c);
    return ParamExpr.of(this.constant, m);
  }

  equals(other: ParamExpr, tol = 0): boolean {
    if (Math.abs(this.constant - other.constant) > tol || this.terms.length !== other.terms.length)
      return false;
    return this.terms.every(
      ([n, c], i) => other.terms[i]![0] === n && Math.abs(other.terms[i]![1] - c) <= tol,
    );
  }

  /** Readable form, e.g. `2*x0 + theta - 1.5707963267948966`. Round-trips through {@link ParamExpr.parse};
   * `format` writes each number (default: shortest round-trip decimal, which may use an exponent). */
  toString(format: (x: number) => string = formatNumber): string {
    const parts: string[] = [];
    for (const [n, c] of this.terms) {
      const mag = Math.abs(c);
      const body = mag === 1 ? n : `${format(mag)}*${n}`;
      parts.push(parts.length === 0 ? (c < 0 ? `-${body}` : body) : c < 0 ? `- ${body}` : `+ ${body}`);
    }
    if (this.constant !== 0 || parts.length === 0) {
      const mag = format(Math.abs(this.constant));
      parts.push(parts.length === 0 ? format(this.constant) : this.constant < 0 ? `- ${mag}` : `+ ${mag}`);
    }
    return parts.join(" ");
  }

  private static of(constant: number, m: Map<string, number>): ParamExpr {
    const terms = [...m.entries()]
      .filter(([, c]) => c !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new ParamExpr(constant, terms);
  }
}

/** Shortest decimal that reads back to the same double. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}

/** {@link AngleAlgebra} over symbolic expressions, for decompositions and adjoints of unbound circuits. */
export const EXPR_ALGEBRA: AngleAlgebra<ParamExpr> = {
  constant: (v) => ParamExpr.constant(v),
  add: (a, b) => a.add(b),
  scale: (a, k) => a.scale(k),
};

const CONSTANTS: Record<string, number> = {
  pi: Math.PI,
  π: Math.PI,
  tau: 2 * Math.PI,
  τ: 2 * Math.PI,
  e: Math.E,
  euler: Math.E,
};
const FUNCTIONS: Record<string, (x: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  log: Math.log,
  sqrt: Math.sqrt,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
};

class ExprParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseAll(): ParamExpr {
    const e = this.sum();
    this.skip();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
    return e;
  }

  private sum(): ParamExpr {
    let left = this.product();
    for (;;) {
      this.skip();
      const c = this.text[this.pos];
      if (c !== "+" && c !== "-") return left;
      this.pos++;
      const right = this.product();
      left = left.add(c === "+" ? right : right.scale(-1));
    }
  }

  private product(): ParamExpr {
    let left = this.power();
    for (;;) {
      this.skip();
      const c = this.text[this.pos];
      if (c !== "*" && c !== "/") return left;
      if (this.text[this.pos + 1] === "*") return left; // '**' is handled by power()
      this.pos++;
      const right = this.power();
      if (c === "*") {
        if (left.isConstant) left = right.scale(left.constant);
        else if (right.isConstant) left = left.scale(right.constant);
        else this.fail("the product of two parameters is not a linear expression");
      } else {
        if (!right.isConstant) this.fail("dividing by a parameter is not a linear expression");
        if (right.constant === 0) this.fail("division by zero");
        left = left.scale(1 / right.constant);
      }
    }
  }

  private power(): ParamExpr {
    const base = this.unary();
    this.skip();
    if (this.text.startsWith("**", this.pos) || this.text[this.pos] === "^") {
      this.pos += this.text[this.pos] === "^" ? 1 : 2;
      const exp = this.power();
      if (!base.isConstant || !exp.isConstant) this.fail("powers of parameters are not linear");
      return ParamExpr.constant(base.constant ** exp.constant);
    }
    return base;
  }

  private unary(): ParamExpr {
    this.skip();
    const c = this.text[this.pos];
    if (c === "-") {
      this.pos++;
      return this.unary().scale(-1);
    }
    if (c === "+") {
      this.pos++;
      return this.unary();
    }
    return this.atom();
  }

  private atom(): ParamExpr {
    this.skip();
    const rest = this.text.slice(this.pos);
    if (rest.startsWith("(")) {
      this.pos++;
      const e = this.sum();
      this.expect(")");
      return e;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return ParamExpr.constant(Number(num[0]));
    }
    const id = /^[A-Za-z_πτ][A-Za-z0-9_]*/u.exec(rest);
    if (id) {
      const name = id[0].trim();
      this.pos += id[0].length;
      const fn = FUNCTIONS[name];
      if (fn) {
        this.skip();
        this.expect("(");
        const arg = this.sum();
        this.expect(")");
        if (!arg.isConstant) this.fail(`${name}() of a parameter is not a linear expression`);
        return ParamExpr.constant(fn(arg.constant));
      }
      const k = CONSTANTS[name];
      return k !== undefined ? ParamExpr.constant(k) : ParamExpr.symbol(name);
    }
    return this.fail(rest.length ? `unexpected "${rest[0]}"` : "unexpected end of expression");
  }

  private expect(ch: string): void {
    this.skip();
    if (this.text[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos++;
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private fail(why: string): never {
    throw new QforgeError(
      "PARSE_ERROR",
      `bad angle expression "${this.text}" at column ${this.pos + 1}: ${why}`,
    );
  }
}
