import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("the library's public API", () => {
  it("exports exactly these names (a change here is a change for library users: update docs/library.md)", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "CHECKS",
        "CODES",
        "COMMON_SCHEMA_FILE",
        "Catalog",
        "DEFAULT_LIMITS",
        "DNS_LABEL",
        "DiagnosticCollector",
        "ExitError",
        "InternalError",
        "KINDS",
        "KIND_GLOBS",
        "LAYOUT_HINT",
        "ROLES",
        "RULE_CHECKS",
        "RUN_KINDS",
        "SCHEMA_DIR",
        "SCHEMA_FILE",
        "SCHEMA_FILES",
        "SCHEMA_ID_BASE",
        "SHAPE_CHECKS",
        "STAGES",
        "VERSION_TAG",
        "classifyPath",
        "classifyReadme",
        "codeInfo",
        "compareDiagnostics",
        "compareVersionTags",
        "countBySeverity",
        "explainSchemaErrors",
        "getAjv",
        "importPolyaxonHub",
        "isCatalogDir",
        "isDnsLabel",
        "isVersionTag",
        "kindSchemaFiles",
        "latestVersion",
        "loadCatalog",
        "loadCatalogFromFiles",
        "loadSchemas",
        "parseRef",
        "parseYamlFile",
        "pointerToPath",
        "positionOf",
        "positionOfOffset",
        "readCatalogDir",
        "renderDiagnosticsDoc",
        "renderSchemaDoc",
        "sameRef",
        "schemaCheck",
        "schemaId",
        "schemaPath",
        "sortVersionTags",
        "stringifyRef",
        "summarize",
        "validate",
        "validateCatalog",
        "validateKindData",
        "validatorFor",
        "validatorForFile",
      ]
    `);
  });

  it("validates the embedded sample through the documented entry point", async () => {
    const { diagnostics, summary } = await api.validate({ dir: "catalog" });
    expect(summary.errors).toBe(0);
    expect(diagnostics.every((d) => d.severity !== "error")).toBe(true);
    expect(summary.entities.ModelVersion).toBeGreaterThanOrEqual(12);
  });
});
