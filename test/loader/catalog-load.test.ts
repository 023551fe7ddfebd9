/** Through the catalog loader: a hazardous file is reported and left out, every other file still loads. */
import { describe, expect, it } from "vitest";
import { compareDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { BASE, loadFiles, where } from "../helpers/catalog.js";

describe("a hazard in one file does not stop the others", () => {
  it("each bad file is reported at its position and only it is left out", () => {
    const files = {
      ...BASE,
      "users/bob.yaml": "name: bob\ndisplayName: &n Bob\nbio: *n\n",
      "orgs/acme/teams/ml.yaml": "name: ml\nname: ml2\n__proto__: {polluted: true}\n",
      "orgs/acme/models/churn-model/model.yaml": "[".repeat(100_000),
    };
    const { catalog, diagnostics } = loadFiles(files);
    expect(where([...diagnostics].sort(compareDiagnostics))).toEqual([
      { code: "yaml/too-deep", file: "catalog/orgs/acme/models/churn-model/model.yaml", line: 1, column: 65 },
      { code: "yaml/duplicate-key", file: "catalog/orgs/acme/teams/ml.yaml", line: 2, column: 1 },
      { code: "yaml/forbidden-key", file: "catalog/orgs/acme/teams/ml.yaml", line: 3, column: 1 },
      { code: "yaml/anchor", file: "catalog/users/bob.yaml", line: 2, column: 14 },
      { code: "yaml/anchor", file: "catalog/users/bob.yaml", line: 3, column: 6 },
    ]);
    expect(catalog.get("User", "bob")).toBeUndefined();
    expect(catalog.get("Team", "acme/ml")).toBeUndefined();
    expect(catalog.get("Model", "acme/churn-model")).toBeUndefined();
    // The rejected files still exist for references: no knock-on "unknown user" errors.
    expect(catalog.has("User", "bob")).toBe(true);
    // Nothing else in the catalog is lost.
    expect(catalog.entities()).toHaveLength(Object.keys(BASE).length - 3);
    expect(catalog.has("User", "alice")).toBe(true);
    expect(catalog.has("ModelVersion", "acme/churn-model:1.0.0")).toBe(true);
    expect(catalog.get("Project", "acme/churn")?.data).toMatchObject({ name: "churn", owner: "alice" });
  });

  it("an empty file and a bidi control in a comment are reported beside a valid catalog", () => {
    const { catalog, diagnostics } = loadFiles({
      ...BASE,
      "users/carol.yaml": "",
      "users/dave.yaml": "name: dave\n# \u202e\n",
    });
    expect(where(diagnostics)).toEqual([
      { code: "yaml/empty", file: "catalog/users/carol.yaml", line: 1, column: 1 },
      { code: "yaml/invisible-character", file: "catalog/users/dave.yaml", line: 2, column: 3 },
    ]);
    expect(catalog.entities()).toHaveLength(Object.keys(BASE).length);
  });
});
