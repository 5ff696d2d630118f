import { QforgeError } from "../util/errors.js";
import type { GateSpec } from "./gate-spec.js";
import { GATES, type GateId } from "./gate-table.js";

/** All gate ids, in table order. */
export const GATE_IDS = Object.keys(GATES) as GateId[];

const byName = new Map<string, GateId>();
for (const id of GATE_IDS) {
  byName.set(id, id);
  for (const alias of GATES[id].aliases) byName.set(alias, id);
}

/** The spec of a gate id. */
export function gateSpec(id: GateId): GateSpec<GateId> {
  return GATES[id];
}

/** Resolves a gate name or alias (e.g. "cnot", "u1", "U") to its id, or undefined. */
export function findGate(name: string): GateId | undefined {
  return byName.get(name);
}

/** Like {@link findGate} but throws UNKNOWN_GATE naming the gate and listing close alternatives. */
export function resolveGate(name: string): GateId {
  const id = findGate(name);
  if (id !== undefined) return id;
  const close = [...byName.keys()].filter((n) => n.toLowerCase().startsWith(name.slice(0, 1).toLowerCase()));
  throw new QforgeError(
    "UNKNOWN_GATE",
    `unknown gate "${name}"` +
      (close.length ? `; gates starting alike: ${close.slice(0, 8).join(", ")}` : ""),
  );
}

/** Numeric angle algebra for running decompositions and adjoints on concrete parameters. */
export const NUMBER_ALGEBRA = {
  constant: (v: number) => v,
  add: (a: number, b: number) => a + b,
  scale: (a: number, k: number) => a * k,
};
