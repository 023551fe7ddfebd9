/** Synthetic catalogs and benchmark helpers (for scripts/gen-catalog.ts and scripts/bench.ts). This file only re-exports. */
export * from "./generate-catalog.js";
export * from "./write-repository.js";
export * from "./defects.js";
export * from "./random.js";
export * from "./measure.js";
export * from "./bench-fixtures.js";
export * from "./bench-report.js";
