/**
 * The import graph's rules, checked by test/architecture/import-graph.test.ts
 * (`npx depcruise src` prints the same): no cycle between folders of src/.
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
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
