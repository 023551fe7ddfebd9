/**
 * Hub hygiene on Polyaxon-hub-like entries: spec names that look like
 * mistakes (not deliberate short names), entries that copy another entry,
 * released versions with images that move.
 */
import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { versionsCheck } from "../../src/checks/versions.js";
import { importPolyaxonHub } from "../../src/import/polyaxon-hub.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const entry = (name: string, tags: string[]) => ({
  [`orgs/acme/components/${name}/component.yaml`]: `name: ${name}\nowner: alice\nreleases: [${tags.map((t) => `{tag: "${t}"}`).join(", ")}]\n`,
});
const spec = (name: string, image = "python:3.12") =>
  `version: 1.1\nkind: component\nname: ${name}\nrun:\n  kind: job\n  container:\n    image: ${image}\n`;
const at = (component: string, tag: string) => `orgs/acme/components/${component}/versions/${tag}.yaml`;
const names = (files: Record<string, string>) =>
  runRule(componentSpecsCheck, { ...BASE, ...files }).map((d) => [
    d.code,
    d.severity,
    d.file.replace("catalog/orgs/acme/components/", ""),
  ]);

describe("spec names of hub versions", () => {
  it("a deliberate short name, shared by the entry's versions, is an info", () => {
    expect(
      names({
        ...entry("azure-cli", ["latest", "custom"]),
        [at("azure-cli", "latest")]: spec("az"),
        [at("azure-cli", "custom")]: spec("az"),
      }),
    ).toEqual([
      ["spec/name-differs", "info", "azure-cli/versions/custom.yaml"],
      ["spec/name-differs", "info", "azure-cli/versions/latest.yaml"],
    ]);
  });

  it("a near miss of <entry>-<tag> is a warning", () => {
    const files = {
      ...entry("tensorboard", ["gcs-path", "s3-path"]),
      [at("tensorboard", "gcs-path")]: spec("tensorboard-gsc-path"),
      [at("tensorboard", "s3-path")]: spec("tensorboard-s3-path"),
    };
    expect(names(files)).toEqual([
      ["spec/name-mistake", "warning", "tensorboard/versions/gcs-path.yaml"],
      ["spec/name-differs", "info", "tensorboard/versions/s3-path.yaml"],
    ]);
  });

  it("a near miss of the entry's name is a warning", () => {
    expect(names({ ...entry("kaniko", ["1.0"]), [at("kaniko", "1.0")]: spec("kanico") }).map((d) => d[0])).toEqual([
      "spec/name-mistake",
    ]);
  });

  it("the name another entry's versions use, unlike this entry's other versions, is a warning", () => {
    const files = {
      ...entry("aws-cli", ["latest", "2.0.21"]),
      ...entry("gcloud-cli", ["latest"]),
      [at("aws-cli", "latest")]: spec("gcloud"),
      [at("aws-cli", "2.0.21")]: spec("aws"),
      [at("gcloud-cli", "latest")]: spec("gcloud"),
    };
    const ds = runRule(componentSpecsCheck, { ...BASE, ...files }).filter((d) => d.code === "spec/name-mistake");
    expect(ds.map((d) => d.message)).toEqual([
      `spec name "gcloud" differs from its hub entry's name "aws-cli" and looks like a mistake: it is the name acme/gcloud-cli's versions use`,
    ]);
  });
});

describe("copies and unpinned images", () => {
  const hygiene = (files: Record<string, string>) =>
    runRule(versionsCheck, { ...BASE, ...files })
      .filter((d) => d.code.startsWith("version/c") || d.code === "version/unpinned-image")
      .map((d) => [d.code, d.line, d.column, d.file.replace("catalog/orgs/acme/components/", "")]);

  it("an entry whose versions are all copies of another's is named", () => {
    const files = {
      ...entry("jupyter-lab", ["latest"]),
      ...entry("jupyterlab", ["latest"]),
      [at("jupyter-lab", "latest")]: spec("notebook", "jupyter/scipy:2023"),
      [at("jupyterlab", "latest")]: spec("notebook", "jupyter/scipy:2023"),
    };
    const ds = runRule(versionsCheck, { ...BASE, ...files }).filter((d) => d.code === "version/copied-component");
    expect(ds.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      [
        "catalog/orgs/acme/components/jupyterlab/component.yaml",
        1,
        7,
        "hub component acme/jupyterlab is a copy of acme/jupyter-lab: each of its 1 versions is byte-identical to the same tag of acme/jupyter-lab",
      ],
    ]);
  });

  it.each([
    [
      "a released semver version on :latest",
      "1.2.0",
      "gcr.io/kaniko-project/executor:latest",
      [["version/unpinned-image", 7, 12, "k/versions/1.2.0.yaml"]],
    ],
    [
      "a released semver version with no tag",
      "1.2.0",
      "ubuntu",
      [["version/unpinned-image", 7, 12, "k/versions/1.2.0.yaml"]],
    ],
    [
      "a registry with a port but no tag",
      "1.2.0",
      "localhost:5000/team/img",
      [["version/unpinned-image", 7, 12, "k/versions/1.2.0.yaml"]],
    ],
    ["a pinned tag", "1.2.0", "gcr.io/kaniko-project/executor:v1.9.0", []],
    ["a digest", "1.2.0", "ubuntu@sha256:aaaa", []],
    ["a template", "1.2.0", "'{{ image }}'", []],
    ["a non-semver tag", "custom", "ubuntu:latest", []],
  ])("%s", (_name, tag, image, expected) => {
    expect(hygiene({ ...entry("k", [tag]), [at("k", tag)]: spec("k", image) })).toEqual(expected);
  });

  it("leaves out mutable tags and unreleased versions", () => {
    expect(
      hygiene({
        "orgs/acme/components/k/component.yaml": 'name: k\nowner: alice\nmutableTags: ["1"]\nreleases: [{tag: "1"}]\n',
        [at("k", "1")]: spec("k", "ubuntu"),
        [at("k", "2.0.0")]: spec("k", "ubuntu"),
      }),
    ).toEqual([]);
  });
});

describe("importing a hub into a catalog with a tag vocabulary", () => {
  const source = () =>
    join(
      writeTree({
        "hub/tensorboard/latest.yaml":
          "version: 1.1\nkind: component\nname: tensorboard\ntags: [visualization, dashboards]\nrun: {kind: service}\n",
      }),
      "hub",
    );
  const catalog = () =>
    join(
      writeTree({
        ...Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])),
        "catalog/catalog.yaml":
          "title: Test catalog\nadmins: [alice]\nvocabularies:\n  # kept short\n  tags: [visualization]\n",
      }),
      "catalog",
    );

  it("leaves out tags the vocabulary lacks, and lists them", async () => {
    const dir = catalog();
    const result = await importPolyaxonHub({ source: source(), org: "acme", catalogDir: dir });
    expect(result.unknownTags).toEqual(["dashboards"]);
    expect(readFileSync(join(dir, "orgs/acme/components/tensorboard/component.yaml"), "utf8")).toContain(
      "tags: [visualization]",
    );
    expect(result.notes.some((n) => n.includes("dashboards"))).toBe(true);
  });

  it("or adds them to the vocabulary, keeping catalog.yaml's comments", async () => {
    const dir = catalog();
    await importPolyaxonHub({ source: source(), org: "acme", catalogDir: dir, extendVocabulary: true });
    const text = readFileSync(join(dir, "catalog.yaml"), "utf8");
    expect(text).toContain("# kept short");
    // Appended, written as it was (a flow list).
    expect(text).toContain("tags: [visualization, dashboards]");
    expect(readFileSync(join(dir, "orgs/acme/components/tensorboard/component.yaml"), "utf8")).toContain(
      "tags: [dashboards, visualization]",
    );
  });
});
