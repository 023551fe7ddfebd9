/** The secret scanner: detectors, placeholders, the allowlist, the validate check and the pull-request scan. This file only re-exports. */
export * from "./detectors.js";
export * from "./placeholders.js";
export * from "./scan-text.js";
export * from "./allowlist.js";
export * from "./secret-diagnostic.js";
export * from "./secrets-check.js";
export * from "./scan-pull-request.js";
export * from "./redact.js";
