import { totalmem } from "node:os";

/**
 * The state-size ceiling used on Node: half the machine's memory, leaving room for the rest of the
 * process and the operating system (on a 24 GiB machine: 12 GiB, so 29 qubits in complex128 fit and 30 don't).
 */
export function nodeMaxStateBytes(): number {
  return totalmem() / 2;
}
