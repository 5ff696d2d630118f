// Layering from ../shared/DESIGN.md: imports point down only. Each layer lists what it may import.
const layers = {
  util: [],
  math: ["util"],
  gates: ["math", "util"],
  circuit: ["gates", "math", "util"],
  observables: ["gates", "math", "util"],
  sim: ["circuit", "observables", "gates", "math", "util"],
  noise: ["sim", "circuit", "observables", "gates", "math", "util"],
  grad: ["sim", "circuit", "observables", "gates", "math", "util"],
  optim: ["math", "util"],
  templates: ["circuit", "gates", "math", "util"],
  ml: ["grad", "optim", "templates", "sim", "circuit", "observables", "gates", "math", "util"],
  algorithms: ["grad", "optim", "templates", "sim", "circuit", "observables", "gates", "math", "util"],
  io: ["circuit", "gates", "math", "util"],
  draw: ["circuit", "gates", "math", "util"],
  report: [
    "ml",
    "templates",
    "grad",
    "optim",
    "sim",
    "circuit",
    "observables",
    "gates",
    "math",
    "util",
    "draw",
  ],
};
const all = Object.keys(layers);
const forbidden = Object.entries(layers).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only: ${allowed.join(", ") || "nothing"} (DESIGN.md layers)`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${all.filter((l) => l !== layer && !allowed.includes(l)).join("|")}|runtime|cli)/` },
}));
forbidden.push(
  {
    name: "no-circular",
    severity: "error",
    from: {},
    to: { circular: true },
  },
  {
    name: "browser-safe-below-runtime",
    comment: "Everything below runtime/ must run in a browser: no fs, worker_threads, net, child_process.",
    severity: "error",
    from: {
      path: "^src/(util|math|gates|circuit|observables|sim|noise|grad|optim|templates|ml|algorithms|io|draw|report)/",
      pathNot: "\\.test\\.ts$",
    },
    to: { dependencyTypes: ["core"], path: "^(node:)?(fs|worker_threads|net|child_process|os|path)$" },
  },
  {
    name: "cli-uses-public-api",
    comment:
      "The CLI imports the public entry points only (src/index.ts, src/<layer>/index.ts) and runtime/.",
    severity: "error",
    from: { path: "^src/cli/" },
    to: { path: "^src/(?!cli/|runtime/)[^/]+/(?!index\\.ts$)" },
  },
);
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
