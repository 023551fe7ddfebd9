import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { versionsCheck } from "../../src/checks/versions.js";
import { compareDiagnostics, ExitError } from "../../src/diagnostics/diagnostic.js";
import { importPolyaxonHub } from "../../src/import/polyaxon-hub.js";
import { loadCatalog } from "../../src/load/load-catalog.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";

const CORPUS = new URL("../fixtures/polyaxon-hub", import.meta.url).pathname;

/** The corpus's `<component>/<tag>.yaml` files, as relative paths. */
function corpusSpecs(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((f) => `${d.name}/${f}`))
    .filter((p) => p.endsWith(".yaml"))
    .sort();
}

/** A temporary catalog folder holding BASE. */
function baseCatalog(): string {
  return join(writeTree(Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t]))), "catalog");
}

describe("importing the real Polyaxon hub sample", () => {
  it("copies every spec byte for byte and writes one hub entry per component", async () => {
    const catalogDir = baseCatalog();
    const result = await importPolyaxonHub({ source: CORPUS, org: "acme", catalogDir });
    const specs = corpusSpecs();
    expect(specs).toHaveLength(28);
    expect(result.components).toEqual([
      "azure-cli",
      "commuter",
      "gcloud-cli",
      "jupyter-lab",
      "jupyter-notebook",
      "kaniko",
      "papermill",
      "streamlit",
      "vscode",
    ]);
    expect(result.written).toHaveLength(28 + 9);
    expect(result.skipped).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.ignored).toEqual(["LICENSE", "README.md", "SOURCE.txt"]);
    for (const spec of specs) {
      const [component, file] = spec.split("/");
      const copied = readFileSync(join(catalogDir, "orgs/acme/components", component!, "versions", file!));
      expect(copied.equals(readFileSync(join(CORPUS, spec))), spec).toBe(true);
    }
    expect(readFileSync(join(catalogDir, "orgs/acme/components/kaniko/component.yaml"), "utf8")).toMatchInlineSnapshot(`
      "# Hub entry imported from a Polyaxon hub checkout by \`mlcat import polyaxon-hub\`.

      name: kaniko
      description: Build container images in Kubernetes with Kaniko
      tags: [build]
      owner: alice
      mutableTags: [latest]
      releases:
        - tag: "1.2"
        - tag: "1.1.3"
        - tag: "1.1"
        - tag: "0.19.0"
        - tag: "latest"
      "
    `);
    expect(result.notes).toEqual(
      ["commuter", "jupyter-lab", "jupyter-notebook", "papermill", "streamlit", "vscode"].map(
        (c) => `no spec of ${c} has a description: add one to ${catalogDir}/orgs/acme/components/${c}/component.yaml`,
      ),
    );
  });

  it("shows the sample's real defects with their positions", async () => {
    const catalogDir = baseCatalog();
    await importPolyaxonHub({ source: CORPUS, org: "acme", catalogDir });
    const { catalog, diagnostics } = await loadCatalog({ dir: catalogDir });
    expect(diagnostics).toEqual([]);
    for (const e of catalog.entities()) e.schemaValid = true;
    const found = validateCatalog(catalog, [componentSpecsCheck, versionsCheck])
      .sort(compareDiagnostics)
      .map((d) => `${d.file.slice(catalogDir.length + 1)}:${d.line}:${d.column} ${d.code}`);
    const renamed = (component: string, tags: string[]) =>
      tags.map((t) => `orgs/acme/components/${component}/versions/${t}.yaml:3:7 spec/name-differs`);
    expect(found).toEqual([
      // The specs are named after the tool (az, gcloud, notebook), not the hub folder.
      ...renamed("azure-cli", ["custom", "latest", "python-sdk"]),
      ...renamed("gcloud-cli", ["custom", "latest"]),
      ...renamed("jupyter-lab", ["all-spark", "latest", "pyspark", "scipy", "tensorflow"]),
      ...renamed("jupyter-notebook", ["all-spark", "latest", "pyspark", "scipy", "tensorflow"]),
      // kaniko 1.1.3 is a copy of 1.1 (same executor image), latest a copy of 1.2.
      "orgs/acme/components/kaniko/versions/1.1.3.yaml:1:1 version/identical",
      // The released kaniko versions run gcr.io/kaniko-project/executor:latest, which moves.
      "orgs/acme/components/kaniko/versions/1.1.3.yaml:31:12 version/unpinned-image",
      "orgs/acme/components/kaniko/versions/1.1.yaml:31:12 version/unpinned-image",
      "orgs/acme/components/kaniko/versions/1.2.yaml:31:12 version/unpinned-image",
      "orgs/acme/components/kaniko/versions/latest.yaml:1:1 version/identical",
    ]);
  });

  it("writes nothing a second time without force, and overwrites with it", async () => {
    const catalogDir = baseCatalog();
    await importPolyaxonHub({ source: CORPUS, org: "acme", catalogDir });
    const edited = join(catalogDir, "orgs/acme/components/vscode/versions/latest.yaml");
    writeFileSync(edited, "edited by hand\n");

    const again = await importPolyaxonHub({ source: CORPUS, org: "acme", catalogDir });
    expect(again.written).toEqual([]);
    expect(again.skipped).toHaveLength(37);
    expect(again.skipped).toContain(`${catalogDir}/orgs/acme/components/vscode/versions/latest.yaml`);
    expect(readFileSync(edited, "utf8")).toBe("edited by hand\n");

    const forced = await importPolyaxonHub({ source: CORPUS, org: "acme", catalogDir, force: true });
    expect(forced.written).toHaveLength(37);
    expect(forced.skipped).toEqual([]);
    expect(readFileSync(edited).equals(readFileSync(join(CORPUS, "vscode/latest.yaml")))).toBe(true);
  });
});

describe("import options", () => {
  const HUB = {
    "hub/train2/1.0.0.yaml": BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!.replace(
      "name: train",
      "name: train2",
    ),
  };

  it.each([
    { owner: "bob", expected: "owner: bob\n" },
    { owner: undefined, expected: "owner: alice\n" },
  ])("takes the owner given ($owner), else the organization's first owner", async ({ owner, expected }) => {
    const root = writeTree({
      ...HUB,
      ...Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])),
    });
    const catalogDir = join(root, "catalog");
    await importPolyaxonHub({ source: join(root, "hub"), org: "acme", catalogDir, owner });
    expect(readFileSync(join(catalogDir, "orgs/acme/components/train2/component.yaml"), "utf8")).toContain(expected);
  });

  const refusals: Array<{ name: string; org: string; files: Record<string, string>; message: RegExp }> = [
    {
      name: "an organization that does not exist",
      org: "globex",
      files: {},
      message: /organization "globex" does not exist: .*orgs\/globex\/organization\.yaml is missing/,
    },
    {
      name: "an org name that is not a DNS label",
      org: "Acme",
      files: {},
      message: /--org "Acme" is not a lowercase DNS label/,
    },
    {
      name: "an organization with no owner and no --owner",
      org: "acme",
      files: {
        "catalog/orgs/acme/organization.yaml":
          "name: acme\nvisibility: public\nmembers:\n  - user: bob\n    role: member\n",
      },
      message: /lists no owner.*pass --owner <user>/,
    },
  ];
  it.each(refusals)("refuses $name with exit code 2", async ({ org, files, message }) => {
    const root = writeTree({
      ...HUB,
      ...Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])),
      ...files,
    });
    const error = await importPolyaxonHub({ source: join(root, "hub"), org, catalogDir: join(root, "catalog") }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExitError);
    expect((error as ExitError).exitCode).toBe(2);
    expect((error as ExitError).message).toMatch(message);
  });

  it("refuses a source folder that does not exist", async () => {
    const error = await importPolyaxonHub({ source: "/nonexistent/hub", org: "acme", catalogDir: baseCatalog() }).catch(
      (e: unknown) => e,
    );
    expect((error as ExitError).exitCode).toBe(2);
    expect((error as ExitError).message).toMatch(/hub checkout \/nonexistent\/hub does not exist/);
  });
});

describe("what is not imported", () => {
  it("reports bad names and stray entries, ignores the rest, and copies a component's README", async () => {
    const root = writeTree({
      "hub/Bad_Name/latest.yaml": "kind: component\n",
      "hub/good/1.0.yaml": "kind: component\nname: good\n",
      "hub/good/1.0.yml": "kind: component\n",
      "hub/good/Weird Tag.yaml": "kind: component\n",
      "hub/good/README.md": "# Good\n",
      "hub/good/notes.txt": "notes\n",
      "hub/good/examples/a.yaml": "x: 1\n",
      "hub/empty/notes.txt": "nothing\n",
      "hub/top.yaml": "kind: component\n",
      "hub/.github/workflows/ci.yaml": "on: push\n",
      "hub/LICENSE": "Apache\n",
      ...Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])),
    });
    const catalogDir = join(root, "catalog");
    const result = await importPolyaxonHub({ source: join(root, "hub"), org: "acme", catalogDir });
    expect(result.components).toEqual(["good"]);
    expect(result.written.map((p) => p.slice(catalogDir.length + 1))).toEqual([
      "orgs/acme/components/good/versions/1.0.yaml",
      "orgs/acme/components/good/component.yaml",
      "orgs/acme/components/good/README.md",
    ]);
    expect(readFileSync(join(catalogDir, "orgs/acme/components/good/README.md"), "utf8")).toBe("# Good\n");
    expect(result.ignored).toEqual([".github/", "LICENSE", "empty/notes.txt", "good/notes.txt"]);
    expect(result.problems.map((p) => `${p.path}: ${p.message} (${p.hint})`)).toMatchInlineSnapshot(`
      [
        "Bad_Name/: component folder "Bad_Name" is not a lowercase DNS label: not imported (rename the folder to lowercase letters, digits and dashes (e.g. "bad-name") and import again)",
        "empty/: component folder empty/ holds no <tag>.yaml version file: not imported (add at least one version, e.g. empty/latest.yaml)",
        "good/1.0.yml: good/1.0.yml is a second file for tag good:1.0: not imported (keep one of good/1.0.yaml and good/1.0.yml)",
        "good/Weird Tag.yaml: version tag "Weird Tag" of good is not a valid tag (lowercase letters, digits, dots and dashes): not imported (rename the file, e.g. to good/weird-tag.yaml)",
        "good/examples/: good/examples/ is a folder inside component good: not imported (a hub component holds only <tag>.yaml files and a README.md; move the folder elsewhere)",
        "top.yaml: top.yaml sits at the top of the hub, outside any component folder: not imported (move it to <component>/<tag>.yaml (Polyaxon refers to <component>:<tag>))",
      ]
    `);
  });
});
