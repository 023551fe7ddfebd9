import { describe, expect, it } from "vitest";
import { versionsCheck } from "../../src/checks/versions.js";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const HUB = "orgs/acme/components/train";
const MODEL_VERSION = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const SPEC = BASE[`${HUB}/versions/1.0.0.yaml`]!;

/** Run the versions check over BASE plus `files` (undefined removes a file), every entity taken as schema-valid. */
function check(files: Record<string, string | undefined>, valid = true): Diagnostic[] {
  const merged: FileMap = { ...BASE };
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) delete merged[path];
    else merged[path] = text;
  }
  const { catalog } = loadFiles(merged);
  for (const e of catalog.entities()) e.schemaValid = valid;
  return validateCatalog(catalog, [versionsCheck]).sort(compareDiagnostics);
}

function at(diagnostics: Diagnostic[]): Array<[string, string, number, number]> {
  return diagnostics.map((d) => [d.code, d.file.replace(/^catalog\//, ""), d.line, d.column]);
}

const hub = (releases: string, extra = "") => `name: train
description: Train a model.
owner: alice
${extra}releases:
${releases}`;

describe("versions: hub releases", () => {
  const cases: Array<{
    name: string;
    files: Record<string, string | undefined>;
    expected: Array<[string, string, number, number]>;
  }> = [
    {
      name: "a release with no version file is an error at its tag",
      files: { [`${HUB}/component.yaml`]: hub(`  - tag: "1.0.0"\n  - tag: "1.1.0"\n    stage: testing\n`) },
      expected: [["version/unknown-release", `${HUB}/component.yaml`, 6, 10]],
    },
    {
      name: "a version file with no release is reported as info at the file",
      files: { [`${HUB}/versions/2.0.0.yaml`]: SPEC.replace("train.py", "train2.py") },
      expected: [["version/unreleased", `${HUB}/versions/2.0.0.yaml`, 1, 1]],
    },
    {
      name: "a release listed twice is a duplicate at the second",
      files: { [`${HUB}/component.yaml`]: hub(`  - tag: "1.0.0"\n  - tag: "1.0.0"\n`) },
      expected: [["ref/duplicate", `${HUB}/component.yaml`, 6, 10]],
    },
    {
      name: "releases out of semver order are fine",
      files: {
        [`${HUB}/component.yaml`]: hub(`  - tag: "1.0.0"\n  - tag: "1.10.0"\n  - tag: "1.2"\n`),
        [`${HUB}/versions/1.10.0.yaml`]: SPEC.replace("3.12", "3.13"),
        [`${HUB}/versions/1.2.yaml`]: SPEC.replace("3.12", "3.11"),
      },
      expected: [],
    },
    {
      name: "byte-identical versions: the newer is reported, naming the older",
      files: {
        [`${HUB}/component.yaml`]: hub(
          `  - tag: "1.0.0"\n  - tag: "1.1"\n  - tag: latest\n`,
          "mutableTags: [latest]\n",
        ),
        [`${HUB}/versions/1.1.yaml`]: SPEC,
        [`${HUB}/versions/latest.yaml`]: SPEC,
      },
      expected: [
        ["version/identical", `${HUB}/versions/1.1.yaml`, 1, 1],
        ["version/identical", `${HUB}/versions/latest.yaml`, 1, 1],
      ],
    },
    {
      name: "versions that differ by one byte are not identical",
      files: {
        [`${HUB}/component.yaml`]: hub(`  - tag: "1.0.0"\n  - tag: "1.1"\n`),
        [`${HUB}/versions/1.1.yaml`]: `${SPEC}\n`,
      },
      expected: [],
    },
    {
      name: "a hub entry without releases leaves every version unreleased",
      files: { [`${HUB}/component.yaml`]: `name: train\nowner: alice\n` },
      expected: [["version/unreleased", `${HUB}/versions/1.0.0.yaml`, 1, 1]],
    },
  ];
  it.each(cases)("$name", ({ files, expected }) => {
    expect(at(check(files))).toEqual(expected);
  });

  it("says what is missing and how to fix it", () => {
    const ds = check({
      [`${HUB}/component.yaml`]: hub(
        `  - tag: "1.0.0"\n  - tag: "1.0.1"\n  - tag: latest\n`,
        "mutableTags: [latest]\n",
      ),
      [`${HUB}/versions/latest.yaml`]: SPEC,
      [`${HUB}/versions/2.0.0.yaml`]: "x: 1\n",
    });
    expect(ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message} (${d.hint})`))
      .toMatchInlineSnapshot(`
      [
        "catalog/orgs/acme/components/train/component.yaml:7:10 error version/unknown-release: release "1.0.1" of acme/train has no version file versions/1.0.1.yaml (did you mean "1.0.0"? Otherwise add versions/1.0.1.yaml or remove this release)",
        "catalog/orgs/acme/components/train/versions/2.0.0.yaml:1:1 info version/unreleased: version acme/train:2.0.0 has no release metadata in orgs/acme/components/train/component.yaml (add a release {tag: "2.0.0"} under releases in orgs/acme/components/train/component.yaml, with its stage and notes)",
        "catalog/orgs/acme/components/train/versions/latest.yaml:1:1 info version/identical: version acme/train:latest is byte-identical to acme/train:1.0.0 (expected when the mutable tag latest points at that release; nothing to do)",
      ]
    `);
  });

  it("skips hub entries that failed their schema", () => {
    expect(check({ [`${HUB}/component.yaml`]: hub(`  - tag: "9.9.9"\n`) }, false)).toEqual([]);
  });

  it("finds nothing in the base catalog", () => {
    expect(check({})).toEqual([]);
  });
});

describe("versions: model stage history", () => {
  const mv = (stage: string, history: string) => `name: 1.0.0
stage: ${stage}
stageHistory:
${history}`;
  const entry = (stage: string, at: string) => `  - stage: ${stage}\n    at: "${at}"\n    by: alice\n    reason: r\n`;
  const cases: Array<{ name: string; text: string; expected: Array<[string, number, number]> }> = [
    {
      name: "a stage that is not the last entry's, at the stage",
      text: mv("production", entry("testing", "2026-01-10T12:00:00Z") + entry("staging", "2026-01-11T12:00:00Z")),
      expected: [["version/stage-history", 2, 8]],
    },
    {
      name: "a history that goes back in time, at the later entry's at",
      text: mv("staging", entry("testing", "2026-01-10T12:00:00Z") + entry("staging", "2026-01-09T12:00:00Z")),
      expected: [["version/stage-history", 9, 9]],
    },
    {
      name: "time zones are compared as instants",
      text: mv("staging", entry("testing", "2026-01-10T12:00:00+02:00") + entry("staging", "2026-01-10T11:00:00Z")),
      expected: [],
    },
    {
      name: "two changes at the same instant are fine",
      text: mv("staging", entry("testing", "2026-01-10T12:00:00Z") + entry("staging", "2026-01-10T12:00:00Z")),
      expected: [],
    },
  ];
  it.each(cases)("$name", ({ text, expected }) => {
    expect(check({ [MODEL_VERSION]: text }).map((d) => [d.code, d.line, d.column])).toEqual(expected);
  });

  it("says which stage is expected", () => {
    const [d] = check({ [MODEL_VERSION]: mv("production", entry("testing", "2026-01-10T12:00:00Z")) });
    expect([d!.message, d!.hint]).toMatchInlineSnapshot(`
      [
        "stage "production" differs from the last stage history entry, "testing"",
        "add a stageHistory entry for "production" (with at, by and reason), or set stage back to "testing"",
      ]
    `);
  });
});
