import { QforgeError } from "../util/errors.js";

/** Default ceiling on one state's size when the caller gives none (the Node runtime passes the machine's memory). */
export const DEFAULT_MAX_STATE_BYTES = 16 * 2 ** 30;

/**
 * The most qubits the state-vector kernels address (32-bit amplitude indices over interleaved arrays). A
 * 30-qubit state would need 16 GiB in complex128 and 8 GiB in complex64.
 */
export const MAX_SIMULATED_QUBITS = 29;

/** Human-readable byte count, e.g. "4 GiB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes,
    u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/**
 * Refuses, before allocating, a state that would not fit: `amplitudes` complex numbers of `bytesPerAmplitude`
 * each (plus any per-amplitude output), possibly `copies` of them at once. `precision` names the simulation
 * precision in the message (and whether complex64 would help).
 */
export function checkStateMemory(
  numQubits: number,
  bytesPerAmplitude: number,
  limitBytes: number,
  what = "state vector",
  copies = 1,
  precision?: "complex128" | "complex64",
): void {
  const need = copies * bytesPerAmplitude * 2 ** numQubits;
  const prec = precision ? ` in ${precision}` : "";
  if (numQubits > MAX_SIMULATED_QUBITS)
    throw new QforgeError(
      "OUT_OF_MEMORY",
      `a ${numQubits}-qubit state vector needs ${formatBytes(16 * 2 ** numQubits)} in complex128 (${formatBytes(8 * 2 ** numQubits)} in complex64); ` +
        `qforge simulates at most ${MAX_SIMULATED_QUBITS} qubits`,
    );
  if (need > limitBytes)
    throw new QforgeError(
      "OUT_OF_MEMORY",
      `a ${numQubits}-qubit ${what}${prec} needs ${formatBytes(need)} but the limit is ${formatBytes(limitBytes)}; ` +
        `use fewer qubits${precision !== "complex64" && bytesPerAmplitude > 8 ? ", complex64 precision (half the memory)" : ""}, or raise maxMemoryBytes if the machine has the memory`,
    );
}
