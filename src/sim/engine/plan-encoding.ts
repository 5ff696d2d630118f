import type { KernelOp, Plan } from "../fusion/plan.js";

/** Amplitude precision of a state: interleaved complex128 (Float64Array) or complex64 (Float32Array). */
export type Precision = "complex128" | "complex64";

/** Bytes per amplitude. */
export function bytesPerAmplitude(p: Precision): number {
  return p === "complex128" ? 16 : 8;
}

// Op codes: keep in sync with assembly/kernels.ts.
const OP_END = 0,
  OP_PASS = 1,
  OP_ROT = 2,
  OP_U1 = 3,
  OP_UK = 4,
  OP_X = 5,
  OP_SWAP = 6,
  OP_DIAGK = 7,
  OP_PHASE = 8,
  OP_SCALE = 9,
  OP_PERMXOR = 10,
  OP_TOUCH = 11;

function opWords(op: KernelOp): number {
  switch (op.kind) {
    case "rot":
    case "crot":
      return 14;
    case "u1":
      return 12;
    case "uk":
      return 5 + op.targets.length;
    case "diagk":
      return 5 + op.targets.length;
    case "x":
      return 4;
    case "swap":
      return 5;
    case "phase":
      return 6;
    case "scale":
      return 2;
    case "permxor":
      return 2;
    case "touch":
      return 1;
  }
}

/** Bytes of side data (tables, matrices) an op needs, 16-aligned. */
function dataBytes(op: KernelOp, precision: Precision): number {
  const align = (x: number) => (x + 15) & ~15;
  switch (op.kind) {
    case "uk":
      return align(32 * (1 << (2 * op.targets.length)));
    case "diagk":
      return align(16 << op.targets.length);
    case "phase":
      // pre-split lo tables (two, at chosen addresses modulo 4 KiB: up to 4 KiB of padding each) and hi
      return (
        2 * (align((precision === "complex128" ? 16 : 8) * (op.lo.length >> 1)) + 4096) +
        align(32 * (op.hi.length >> 1))
      );
    default:
      return 0;
  }
}

const align16 = (x: number) => (x + 15) & ~15;

/** The first offset ≥ `offset` whose address (address + offset) is ≡ `residue` modulo 4096. */
function placeMod(address: number, offset: number, residue: number): number {
  const a = address + offset;
  return offset + ((residue - (a % 4096) + 4096) % 4096);
}

/** The encoded size of a plan in bytes (ops, then side data). */
export function encodedPlanBytes(plan: Plan, precision: Precision): number {
  let words = 1;
  let data = 0;
  for (const pass of plan.passes) {
    words += 4;
    for (const op of pass.ops) {
      words += opWords(op);
      data += dataBytes(op, precision);
    }
  }
  return ((8 * words + 15) & ~15) + data;
}

/**
 * Writes a plan in the byte code `assembly/kernels.ts` interprets, at byte `offset` of `buffer`, whose
 * WebAssembly address is `address` (side-data pointers are absolute). Returns the bytes written.
 */
export function encodePlan(
  plan: Plan,
  precision: Precision,
  buffer: ArrayBuffer,
  offset: number,
  address: number,
): number {
  const total = encodedPlanBytes(plan, precision);
  const f64 = new Float64Array(buffer, offset, total >> 3);
  const f32 = new Float32Array(buffer, offset, total >> 2);
  let words = 1;
  for (const pass of plan.passes) {
    words += 4;
    for (const op of pass.ops) words += opWords(op);
  }
  let w = 0;
  let data = (8 * words + 15) & ~15; // byte offset of the next side data
  const put = (...xs: number[]) => {
    for (const x of xs) f64[w++] = x;
  };
  for (const pass of plan.passes) {
    let passWords = 0;
    for (const op of pass.ops) passWords += opWords(op);
    put(OP_PASS, pass.blockQubits, pass.ops.length, passWords);
    for (const op of pass.ops) {
      switch (op.kind) {
        case "rot":
        case "crot": {
          // sorted members; an uncontrolled one reads its own qubit's bit (always 0 in a group's base)
          const ctrl = op.kind === "crot" ? op.ctrl : op.qubits.map(() => -1);
          const t1 = op.kind === "crot" ? op.t1 : op.t;
          const idx = op.qubits.map((_, i) => i).sort((a, b) => op.qubits[a]! - op.qubits[b]!);
          const q = idx.map((i) => op.qubits[i]!);
          const c = idx.map((i) => (ctrl[i]! < 0 ? op.qubits[i]! : ctrl[i]!));
          const t = idx.map((i) => op.t[i]!),
            u = idx.map((i) => t1[i]!);
          put(OP_ROT, q.length, q[0]!, q[1] ?? 0, q[2] ?? 0, c[0]!, c[1] ?? 0, c[2] ?? 0);
          put(t[0]!, t[1] ?? 0, t[2] ?? 0, u[0]!, u[1] ?? 0, u[2] ?? 0);
          break;
        }
        case "u1":
          put(OP_U1, op.q, op.ctrlMask, op.ctrlValue, ...op.m);
          break;
        case "uk": {
          const size = 1 << op.targets.length;
          put(OP_UK, op.targets.length, op.ctrlMask, op.ctrlValue, ...op.targets, address + data);
          let d = data >> 3;
          for (let e = 0; e < size * size; e++) {
            const re = op.m[2 * e]!,
              im = op.m[2 * e + 1]!;
            f64[d++] = re;
            f64[d++] = re;
            f64[d++] = -im;
            f64[d++] = im;
          }
          data += dataBytes(op, precision);
          break;
        }
        case "diagk":
          put(OP_DIAGK, op.targets.length, op.ctrlMask, op.ctrlValue, ...op.targets, address + data);
          f64.set(op.diag, data >> 3);
          data += dataBytes(op, precision);
          break;
        case "x":
          put(OP_X, op.q, op.ctrlMask, op.ctrlValue);
          break;
        case "swap":
          put(OP_SWAP, op.q0, op.q1, op.ctrlMask, op.ctrlValue);
          break;
        case "phase": {
          // (the kernels take two amplitudes at a time under one hi entry)
          if (op.l < 1 || (op.hiShift ?? op.l) < 1)
            throw new Error("phase tables need l >= 1 and hiShift >= 1");
          const start = data;
          const loBytes = align16((precision === "complex128" ? 16 : 8) * (op.lo.length >> 1));
          // The state starts 64 KiB-aligned: keep each lo table 1 KiB / 3 KiB off it modulo 4 KiB.
          const lr = placeMod(address, data, 1024);
          const li = placeMod(address, lr + loBytes, 3072);
          const hi = li + loBytes;
          put(OP_PHASE, op.l, op.hiShift ?? op.l, address + lr, address + li, address + hi);
          const entries = op.lo.length >> 1;
          if (precision === "complex128") {
            let dr = lr >> 3,
              di = li >> 3;
            for (let e = 0; e < entries; e++) {
              const re = op.lo[2 * e]!,
                im = op.lo[2 * e + 1]!;
              f64[dr++] = re;
              f64[dr++] = re;
              f64[di++] = -im;
              f64[di++] = im;
            }
          } else {
            let dr = lr >> 2,
              di = li >> 2;
            for (let e = 0; e < entries; e += 2) {
              const r0 = op.lo[2 * e]!,
                i0 = op.lo[2 * e + 1]!,
                r1 = op.lo[2 * e + 2]!,
                i1 = op.lo[2 * e + 3]!;
              f32[dr++] = r0;
              f32[dr++] = r0;
              f32[dr++] = r1;
              f32[dr++] = r1;
              f32[di++] = -i0;
              f32[di++] = i0;
              f32[di++] = -i1;
              f32[di++] = i1;
            }
          }
          const hiEntries = op.hi.length >> 1;
          if (precision === "complex128") {
            let d = hi >> 3;
            for (let e = 0; e < hiEntries; e++) {
              const re = op.hi[2 * e]!,
                im = op.hi[2 * e + 1]!;
              f64[d++] = re;
              f64[d++] = re;
              f64[d++] = -im;
              f64[d++] = im;
            }
          } else {
            let d = hi >> 2;
            for (let e = 0; e < hiEntries; e++) {
              const re = op.hi[2 * e]!,
                im = op.hi[2 * e + 1]!;
              f32[d++] = re;
              f32[d++] = re;
              f32[d++] = re;
              f32[d++] = re;
              f32[d++] = -im;
              f32[d++] = im;
              f32[d++] = -im;
              f32[d++] = im;
            }
          }
          data = start + dataBytes(op, precision);
          break;
        }
        case "scale":
          put(OP_SCALE, op.f);
          break;
        case "permxor":
          put(OP_PERMXOR, op.mask);
          break;
        case "touch":
          put(OP_TOUCH);
          break;
      }
    }
  }
  put(OP_END);
  return total;
}
