/**
 * The embedded sample catalog (`catalog/`) is what a newcomer validates first
 * and what the site renders: it must validate without errors and show every
 * feature a user would look for.
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import type { Catalog } from "../src/model/catalog.js";
import type { Stage } from "../src/model/types.js";
import { parseRef } from "../src/model/refs.js";
import { validate } from "../src/validate.js";

const CATALOG_DIR = relative(process.cwd(), fileURLToPath(new URL("../catalog", import.meta.url))) || ".";

/** The vendored Polyaxon hub sample the `polyaxon` organization was imported from. */
const POLYAXON_FIXTURE = fileURLToPath(new URL("fixtures/polyaxon-hub", import.meta.url));

/**
 * The Polyaxon hub as imported into the `polyaxon` organization: component ->
 * version tags. `commuter` is left out on purpose: upstream writes its
 * container `env` as a mapping, which the schema rightly rejects.
 */
const POLYAXON_HUB: Record<string, string[]> = {
  "azure-cli": ["custom", "latest", "python-sdk"],
  "gcloud-cli": ["custom", "latest"],
  "jupyter-lab": ["all-spark", "latest", "pyspark", "scipy", "tensorflow"],
  "jupyter-notebook": ["all-spark", "latest", "pyspark", "scipy", "tensorflow"],
  kaniko: ["0.19.0", "1.1", "1.1.3", "1.2", "latest"],
  papermill: ["custom", "latest"],
  streamlit: ["latest"],
  vscode: ["3.4.0", "latest"],
};

let catalog: Catalog;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  const result = await validate({ dir: CATALOG_DIR });
  catalog = result.catalog;
  diagnostics = result.diagnostics;
});

const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;

describe("the sample catalog validates", () => {
  it("with no errors", () => {
    expect(diagnostics.filter((d) => d.severity === "error").map(show)).toEqual([]);
  });

  it("with warnings only in the unchanged Polyaxon corpus copies", () => {
    const ours = diagnostics.filter((d) => d.severity === "warning" && !d.file.includes("/orgs/polyaxon/"));
    expect(ours.map(show)).toEqual([]);
  });

  it("with every file mapped to an entity or a README", () => {
    expect(diagnostics.filter((d) => d.code.startsWith("file/")).map(show)).toEqual([]);
  });
});

describe("the sample catalog's shape", () => {
  it.each([
    { what: "users", kind: "User", atLeast: 12 },
    { what: "organizations", kind: "Organization", atLeast: 3 },
    { what: "teams", kind: "Team", atLeast: 4 },
    { what: "connections", kind: "Connection", atLeast: 5 },
    { what: "projects", kind: "Project", atLeast: 4 },
    { what: "project components", kind: "ProjectComponent", atLeast: 3 },
    { what: "experiments", kind: "Experiment", atLeast: 15 },
    { what: "hub components", kind: "Component", atLeast: 12 },
    { what: "models", kind: "Model", atLeast: 5 },
    { what: "model versions", kind: "ModelVersion", atLeast: 12 },
  ] as const)("has at least $atLeast $what", ({ kind, atLeast }) => {
    expect(catalog.all(kind).length).toBeGreaterThanOrEqual(atLeast);
  });

  it("has a private organization with a project and a model", () => {
    const privateOrgs = catalog.all("Organization").filter((o) => o.data.visibility === "private");
    expect(privateOrgs.map((o) => o.key)).toEqual(["northwind-research"]);
    expect(catalog.inOrg("Project", "northwind-research").length).toBeGreaterThanOrEqual(1);
    expect(catalog.inOrg("Model", "northwind-research").length).toBeGreaterThanOrEqual(1);
  });

  it("has members in all five roles in each Northwind organization", () => {
    for (const org of ["northwind", "northwind-research"]) {
      const roles = new Set(catalog.get("Organization", org)!.data.members.map((m) => m.role));
      expect([...roles].sort(), org).toEqual(["admin", "manager", "member", "owner", "viewer"]);
    }
  });

  it("delegates projects, hub and registry in the northwind organization", () => {
    const areas = catalog
      .get("Organization", "northwind")!
      .data.delegations?.map((d) => d.area)
      .sort();
    expect(areas).toEqual(["hub", "projects", "registry"]);
  });

  it("gives teams count and Kubernetes resource quotas", () => {
    const withResources = catalog.all("Team").filter((t) => Object.keys(t.data.quotas?.resources ?? {}).length > 0);
    expect(withResources.length).toBeGreaterThanOrEqual(4);
    expect(withResources.some((t) => "nvidia.com/gpu" in (t.data.quotas?.resources ?? {}))).toBe(true);
  });

  it("uses s3, gcs, git and registry connections, naming secrets only", () => {
    const kinds = new Set(catalog.all("Connection").map((c) => c.data.kind));
    for (const kind of ["s3", "gcs", "git", "registry"] as const) expect(kinds.has(kind), kind).toBe(true);
    for (const c of catalog.all("Connection"))
      expect(Object.keys(c.data.secret ?? {}).every((k) => k === "name" || k === "mountPath")).toBe(true);
  });

  it("gives every project a README with its goal, data and how to run it", () => {
    for (const p of catalog.all("Project")) {
      const text = p.readme?.text ?? "";
      for (const heading of ["## Goal", "## Data", "## How to run"]) expect(text, `${p.key} README`).toContain(heading);
    }
  });

  it("gives every model a model card", () => {
    for (const m of catalog.all("Model")) {
      const text = m.readme?.text ?? "";
      for (const heading of [
        "## Intended use",
        "## Training data",
        "## Evaluation",
        "## Limitations",
        "## Ethical considerations",
      ]) {
        expect(text, `${m.key} model card`).toContain(heading);
      }
    }
  });

  it("gives every hub component of the Northwind organizations a README and at least two versions", () => {
    const ours = catalog.all("Component").filter((c) => c.org !== "polyaxon");
    expect(ours.length).toBeGreaterThanOrEqual(5);
    for (const c of ours) {
      expect(c.readme?.text, `${c.key} README`).toBeTruthy();
      expect(catalog.versionsOf("ComponentVersion", c.key).length, c.key).toBeGreaterThanOrEqual(2);
    }
  });

  it("shows a mutable latest tag and a deprecated release", () => {
    const ours = catalog.all("Component").filter((c) => c.org !== "polyaxon");
    expect(ours.some((c) => c.data.mutableTags?.includes("latest"))).toBe(true);
    expect(ours.some((c) => c.data.releases?.some((r) => r.deprecated !== undefined))).toBe(true);
  });
});

describe("the sample registry", () => {
  it("has model versions in all four stages", () => {
    const stages = new Set<Stage>(catalog.all("ModelVersion").map((v) => v.data.stage));
    expect([...stages].sort()).toEqual(["disabled", "production", "staging", "testing"]);
  });

  it("ends every stage history on the current stage, with a reason", () => {
    for (const v of catalog.all("ModelVersion")) {
      const history = v.data.stageHistory;
      expect(history.at(-1)?.stage, v.key).toBe(v.data.stage);
      for (const entry of history) expect(entry.reason, v.key).toBeTruthy();
    }
  });

  it("traces every model version to a succeeded experiment that ran the same component with the same params", () => {
    for (const v of catalog.all("ModelVersion")) {
      const lineage = v.data.lineage!;
      const project = lineage.project!.includes("/") ? lineage.project! : `${v.org}/${lineage.project}`;
      const experiment = catalog.get("Experiment", `${project}/${lineage.experiment}`);
      expect(experiment?.data.status, `${v.key} lineage experiment`).toBe("succeeded");
      expect(experiment?.data.component, v.key).toBe(lineage.component);
      expect(lineage.code?.commit, v.key).toBe(experiment?.data.code?.commit);
      expect(lineage.params, `${v.key} lineage params`).toEqual(experiment?.data.params);
    }
  });

  it("runs every experiment on a component version or project component that exists", () => {
    for (const e of catalog.all("Experiment")) {
      const ref = parseRef(e.data.component);
      const exists =
        ref?.tag !== undefined
          ? catalog.has("ComponentVersion", `${ref.org}/${ref.name}:${ref.tag}`)
          : catalog.has("ProjectComponent", `${e.org}/${e.project}/${e.data.component}`);
      expect(exists, `${e.key} runs ${e.data.component}`).toBe(true);
    }
  });

  it("keeps failed and stopped runs too", () => {
    const statuses = new Set(catalog.all("Experiment").map((e) => e.data.status));
    expect(statuses.has("failed")).toBe(true);
    expect(statuses.has("stopped")).toBe(true);
  });
});

describe("the imported Polyaxon hub", () => {
  it.each(Object.entries(POLYAXON_HUB))("has polyaxon/%s with its versions", (name, tags) => {
    expect(catalog.has("Component", `polyaxon/${name}`)).toBe(true);
    const versions = catalog.versionsOf("ComponentVersion", `polyaxon/${name}`).map((v) => v.name);
    expect(versions.sort()).toEqual([...tags].sort());
  });

  it("keeps every imported spec a byte-for-byte copy of upstream's", async () => {
    for (const v of catalog.all("ComponentVersion").filter((e) => e.org === "polyaxon")) {
      const upstream = await readFile(join(POLYAXON_FIXTURE, v.parent!, `${v.name}.yaml`), "utf8");
      expect(v.source.text, v.key).toBe(upstream);
    }
  });

  it("leaves out commuter, whose upstream specs are invalid", () => {
    expect(catalog.has("Component", "polyaxon/commuter")).toBe(false);
  });
});
