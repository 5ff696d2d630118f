/** Int32 slots of the control buffer shared by {@link SimThreadPool} and its workers. */
export const CTL = {
  /** Bumped by the main thread for every command of the attached (shared-memory) mode. */
  generation: 0,
  command: 1,
  code: 2,
  state: 3,
  qubits: 4,
  precision: 5,
  /** Workers that left the attached mode. */
  detached: 6,
  /** Batch slices finished. */
  done: 7,
  /** Length of an error message written by a worker (0: none). */
  errorLength: 8,
  /** Commands. */
  run: 1,
  detach: 2,
  /** Byte offset of the error text. */
  errorTextByte: 64,
  /** Size of the control buffer in bytes. */
  bytes: 64 + 4096,
} as const;
