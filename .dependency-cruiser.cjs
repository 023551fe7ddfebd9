/**
 * The import graph's rules, checked by test/architecture/import-graph.test.ts
 * (`npx depcruise src` prints the same): no cycle between folders of src/, and
 * the speed machinery (src/accel/) stays above the loader, the model and the
 * checks, which reach it only through their seams.
 */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycle",
      comment: "A folder of src/ must not reach itself through another folder's imports: move the shared type to its owner.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "accel-above-the-domain",
      comment:
        "The loader, the model, the checks and what they build on know no cache, worker or snapshot: src/accel/ plugs into their interfaces.",
      severity: "error",
      from: { path: "^src/(load|model|checks|diagnostics|report|yaml|schemas|text|runtime)/" },
      to: { path: "^src/accel/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
