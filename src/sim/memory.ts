import { QforgeError } from "../util/errors.js";

/** Default ceiling on one state's size when the caller gives none (the Node runtime passes the machine's memory). */
export const DEFAULT_MAX_STATE_BYTES = 16 * 2 ** 30;

/** Human-readable byte count, e.g. "4 GiB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes, u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/**
 * Refuses, before allocating, a state that would not fit: `amplitudes` complex numbers of `bytesPerAmplitude`
 * each, possibly `copies` of them at once.
 */
export function checkStateMemory(numQubits: number, bytesPerAmplitude: number, limitBytes: number, what = "state vector", copies = 1): void {
  const need = copies * bytesPerAmplitude * 2 ** numQubits;
  if (need > limitBytes || numQubits > 33)
    throw new QforgeError(
      "OUT_OF_MEMORY",
      `a ${numQubits}-qubit ${what} needs ${formatBytes(need)} but the limit is ${formatBytes(limitBytes)}; ` +
        `use fewer qubits${bytesPerAmplitude > 8 ? " or complex64 precision" : ""}, or raise maxMemoryBytes if the machine has the memory`,
    );
}
