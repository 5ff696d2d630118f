/** Line weight of one arm of a cell: none, light (quantum) or double (classical). */
export type Weight = 0 | 1 | 2;

/** Box-drawing character by arms up, down, left, right (0 none, 1 light, 2 double). */
// prettier-ignore
const CHARS: Readonly<Record<string, string>> = {
  "0000": " ",
  "1100": "│", "1000": "│", "0100": "│", "0011": "─", "0010": "─", "0001": "─",
  "0101": "┌", "0110": "┐", "1001": "└", "1010": "┘", "1101": "├", "1110": "┤", "0111": "┬", "1011": "┴", "1111": "┼",
  "2200": "║", "2000": "║", "0200": "║", "0022": "═", "0020": "═", "0002": "═",
  "0202": "╔", "0220": "╗", "2002": "╚", "2020": "╝", "2202": "╠", "2220": "╣", "0222": "╦", "2022": "╩", "2222": "╬",
  "2211": "╫", "2011": "╨", "0211": "╥", "2201": "╟", "2210": "╢", "0201": "╓", "0210": "╖", "2001": "╙", "2010": "╜",
  "1122": "╪", "1022": "╧", "0122": "╤", "1102": "╞", "1120": "╡", "0102": "╒", "0120": "╕", "1002": "╘", "1020": "╛",
};

/** Both arms of an axis at the heavier weight when they differ (no character mixes them). */
function level(a: number, b: number): [number, number] {
  return a && b && a !== b ? [2, 2] : [a, b];
}

function boxChar(u: number, d: number, l: number, r: number): string {
  [u, d] = level(u, d);
  [l, r] = level(l, r);
  return (
    CHARS[`${u}${d}${l}${r}`] ??
    CHARS[`${Math.min(u, 1)}${Math.min(d, 1)}${Math.min(l, 1)}${Math.min(r, 1)}`]!
  );
}

/**
 * A character grid for the text drawer. Each cell is either a glyph or the union of line arms drawn into
 * it, so crossing and touching lines merge into the right box-drawing character (`┬`, `├`, `╫`, `╩`, …).
 */
export class TextGrid {
  private readonly arms: Uint8Array;
  private readonly glyphs: (string | undefined)[];

  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.arms = new Uint8Array(rows * cols * 4);
    this.glyphs = new Array<string | undefined>(rows * cols);
  }

  /** Adds arms to a cell, keeping the heavier weight per direction. Cells outside the grid are ignored. */
  addArms(row: number, col: number, up: Weight, down: Weight, left: Weight, right: Weight): void {
    if (!this.inside(row, col)) return;
    const k = 4 * (row * this.cols + col);
    [up, down, left, right].forEach((w, i) => (this.arms[k + i] = Math.max(this.arms[k + i]!, w)));
  }

  /** A vertical line from `from` to `to` (rows, inclusive) in one column: the end cells get inner arms only. */
  vline(col: number, from: number, to: number, weight: Weight): void {
    for (let r = from; r <= to; r++) this.addArms(r, col, r > from ? weight : 0, r < to ? weight : 0, 0, 0);
  }

  /** Writes `text` one code point per cell from `col`; later glyphs replace earlier ones. */
  text(row: number, col: number, text: string): void {
    let c = col;
    for (const ch of text) {
      if (this.inside(row, c)) this.glyphs[row * this.cols + c] = ch;
      c++;
    }
  }

  /** Writes `text` only into cells holding nothing yet (for marks that must not hide lines). */
  softText(row: number, col: number, text: string): void {
    let c = col;
    for (const ch of text) {
      if (this.isEmpty(row, c)) this.glyphs[row * this.cols + c] = ch;
      c++;
    }
  }

  /** Empties a rectangle (rows and columns inclusive). */
  clear(row0: number, col0: number, row1: number, col1: number): void {
    for (let r = Math.max(0, row0); r <= Math.min(this.rows - 1, row1); r++)
      for (let c = Math.max(0, col0); c <= Math.min(this.cols - 1, col1); c++) {
        this.arms.fill(0, 4 * (r * this.cols + c), 4 * (r * this.cols + c) + 4);
        this.glyphs[r * this.cols + c] = undefined;
      }
  }

  isEmpty(row: number, col: number): boolean {
    if (!this.inside(row, col)) return false;
    const k = 4 * (row * this.cols + col);
    return (
      this.glyphs[row * this.cols + col] === undefined && !this.arms.subarray(k, k + 4).some((a) => a > 0)
    );
  }

  /** The rendered rows. */
  lines(): string[] {
    const out: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      let line = "";
      for (let c = 0; c < this.cols; c++) {
        const k = r * this.cols + c;
        const a = this.arms;
        line += this.glyphs[k] ?? boxChar(a[4 * k]!, a[4 * k + 1]!, a[4 * k + 2]!, a[4 * k + 3]!);
      }
      out.push(line);
    }
    return out;
  }

  private inside(row: number, col: number): boolean {
    return row >= 0 && row < this.rows && col >= 0 && col < this.cols;
  }
}
