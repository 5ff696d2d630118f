import { QforgeError, type QforgeErrorCode } from "../util/errors.js";

/** Kinds of OpenQASM tokens. `hwqubit` is an OpenQASM 3 physical qubit such as `$0`. */
export type TokenKind = "id" | "int" | "real" | "string" | "hwqubit" | "sym" | "eof";

/** One token with its 1-based position in the source. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Numeric value of `int` and `real` tokens, the contents of `string` tokens' quotes are in `text`. */
  readonly value: number;
  readonly line: number;
  readonly col: number;
}

/** Builds the located error every QASM reader throws: `file:line:col: message`. */
export function qasmError(code: QforgeErrorCode, fileName: string, at: Token, message: string): QforgeError {
  return new QforgeError(code, `${fileName}:${at.line}:${at.col}: ${message}`);
}

/** Runs `f`, prefixing the location of `at` to a QforgeError it throws (errors from Circuit, ParamExpr). */
export function locate<T>(fileName: string, at: Token, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof QforgeError && !e.message.startsWith(`${fileName}:`)) {
      throw new QforgeError(e.code, `${fileName}:${at.line}:${at.col}: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

// Longest first, so that "->" wins over "-".
const SYMBOLS = [
  "->",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "**",
  "+=",
  "-=",
  "*=",
  "/=",
  "<<",
  ">>",
  "++",
  ";",
  ",",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "+",
  "-",
  "*",
  "/",
  "^",
  "@",
  "=",
  "<",
  ">",
  "!",
  ":",
  "~",
  "&",
  "|",
  "%",
  ".",
];
const IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER =
  /0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?/y;
const IDENT_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Splits OpenQASM 2 or 3 source into tokens, skipping whitespace, `//` and `/* *\/` comments and pragma lines
 * (`#pragma …`, `pragma …`: hints that a reader may ignore). The last token is always `eof`.
 * Throws PARSE_ERROR with line and column on a character that cannot start a token.
 */
export function tokenize(text: string, fileName: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let lineHasToken = false;
  const here = (kind: TokenKind, t: string, value = NaN): Token => ({
    kind,
    text: t,
    value,
    line,
    col: i - lineStart + 1,
  });
  const fail = (message: string, at: Token = here("sym", "")): never => {
    throw qasmError("PARSE_ERROR", fileName, at, message);
  };
  const skipToLineEnd = (): void => {
    while (i < text.length && text[i] !== "\n") i++;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      i++;
      line++;
      lineStart = i;
      lineHasToken = false;
      continue;
    }
    if (
      c === " " ||
      c === "\t" ||
      c === "\r" ||
      c === "\f" ||
      c === "\v" ||
      c === "\u00a0" ||
      c === "\ufeff"
    ) {
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      skipToLineEnd();
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const start = here("sym", "/*");
      const end = text.indexOf("*/", i + 2);
      if (end < 0) fail("unterminated /* comment", start);
      for (; i < end + 2; i++)
        if (text[i] === "\n") {
          line++;
          lineStart = i + 1;
        }
      continue;
    }
    if (
      !lineHasToken &&
      (text.startsWith("#pragma", i) || (text.startsWith("pragma", i) && !IDENT_CHAR.test(text[i + 6] ?? "")))
    ) {
      skipToLineEnd();
      continue;
    }
    lineHasToken = true;
    if (c === '"' || c === "'") {
      const start = here("string", "");
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== "\n") j++;
      if (text[j] !== c) fail("unterminated string", start);
      tokens.push({ ...start, text: text.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (c === "$") {
      const m = /\$\d+/y;
      m.lastIndex = i;
      const hit = m.exec(text);
      if (!hit) fail(`expected a physical qubit number after "$"`);
      tokens.push(here("hwqubit", hit![0], Number(hit![0].slice(1))));
      i += hit![0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d.]/.test(c) ? NUMBER.exec(text) : null;
    if (num) {
      const t = num[0];
      const start = here("int", t);
      const next = text[i + t.length] ?? "";
      if (IDENT_CHAR.test(next) || next === ".") {
        let j = i + t.length;
        while (j < text.length && (IDENT_CHAR.test(text[j]!) || text[j] === ".")) j++;
        fail(`invalid number "${text.slice(i, j)}" (timing and imaginary literals are not supported)`, start);
      }
      const clean = t.replace(/_/g, "");
      const isReal = !/^0[xXbBoO]/.test(clean) && /[.eE]/.test(clean);
      tokens.push({ ...start, kind: isReal ? "real" : "int", value: Number(clean) });
      i += t.length;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(text);
    if (id) {
      tokens.push(here("id", id[0]));
      i += id[0].length;
      continue;
    }
    const sym = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!sym) fail(`unexpected character ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))}`);
    tokens.push(here("sym", sym!));
    i += sym!.length;
  }
  tokens.push(here("eof", ""));
  return tokens;
}

/** Describes a token for messages: `";"`, `identifier "foo"`, `end of input`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of input";
    case "id":
      return `"${t.text}"`;
    case "string":
      return `string "${t.text}"`;
    default:
      return `"${t.text}"`;
  }
}

/** A cursor over tokens with the helpers recursive-descent parsers need. */
export class TokenStream {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly fileName: string,
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  /** True if the next token is the symbol or identifier `text`. */
  is(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return (t.kind === "sym" || t.kind === "id") && t.text === text;
  }

  accept(text: string): Token | undefined {
    return this.is(text) ? this.next() : undefined;
  }

  expect(text: string, context: string): Token {
    if (this.is(text)) return this.next();
    return this.fail(
      "PARSE_ERROR",
      this.peek(),
      `expected '${text}' ${context}, found ${describeToken(this.peek())}`,
    );
  }

  expectId(what: string): Token {
    const t = this.peek();
    if (t.kind !== "id") this.fail("PARSE_ERROR", t, `expected ${what}, found ${describeToken(t)}`);
    return this.next();
  }

  expectInt(what: string): Token {
    const t = this.peek();
    if (t.kind !== "int")
      this.fail("PARSE_ERROR", t, `expected ${what} (a non-negative integer), found ${describeToken(t)}`);
    return this.next();
  }

  fail(code: QforgeErrorCode, at: Token, message: string): never {
    throw qasmError(code, this.fileName, at, message);
  }
}
