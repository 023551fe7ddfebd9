import { describe, expect, it } from "vitest";
import { vocabulariesCheck } from "../../src/checks/vocabularies.js";
import { createSpdxParser, loadSpdxParser } from "../../src/checks/vocab-spdx.js";
import { BASE, where, type FileMap } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

const CATALOG = (vocabularies: string) => `title: Test catalog
admins: [alice]
vocabularies:
${vocabularies}`;

const TAGS = CATALOG("  tags: [churn, tabular, nlp, training]\n");
const model = (license: string) => `name: churn-model\nowner: alice\nlicense: "${license}"\n`;

const MODEL = "catalog/orgs/acme/models/churn-model/model.yaml";

const CASES: Array<{
  name: string;
  files: FileMap;
  expected: Array<{ code: string; file: string; line: number; column: number }>;
}> = [
  {
    name: "a project tag outside the vocabulary",
    files: {
      "catalog.yaml": TAGS,
      "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: alice\ntags: [churn, tabluar]\n",
    },
    expected: [
      { code: "vocab/unknown-tag", file: "catalog/orgs/acme/projects/churn/project.yaml", line: 3, column: 15 },
    ],
  },
  {
    name: "tags of hub components, models, experiments and connections",
    files: {
      "catalog.yaml": TAGS,
      "orgs/acme/components/train/component.yaml": "name: train\nowner: alice\ntags:\n  - training\n  - gpu\n",
      "orgs/acme/models/churn-model/model.yaml": "name: churn-model\nowner: alice\ntags: [nlp, vision]\n",
      "orgs/acme/projects/churn/experiments/run-1.yaml":
        "name: run-1\ncomponent: acme/train:1.0.0\nstatus: failed\ntags: [baseline]\n",
      "orgs/acme/connections/s3-data.yaml": "name: s3-data\nkind: s3\ntags: [storage]\n",
    },
    expected: [
      { code: "vocab/unknown-tag", file: "catalog/orgs/acme/components/train/component.yaml", line: 5, column: 5 },
      { code: "vocab/unknown-tag", file: "catalog/orgs/acme/connections/s3-data.yaml", line: 3, column: 8 },
      { code: "vocab/unknown-tag", file: MODEL, line: 3, column: 13 },
      {
        code: "vocab/unknown-tag",
        file: "catalog/orgs/acme/projects/churn/experiments/run-1.yaml",
        line: 4,
        column: 8,
      },
    ],
  },
  {
    name: "any tag, when the catalog has no tag vocabulary",
    files: { "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: alice\ntags: [anything, at-all]\n" },
    expected: [],
  },
  {
    name: "component specs' own tags are left alone (unchanged Polyaxon files)",
    files: {
      "catalog.yaml": TAGS,
      "orgs/acme/components/train/versions/1.0.0.yaml":
        "version: 1.1\nkind: component\nname: train\ntags: [polyaxon, build]\nrun: { kind: job }\n",
    },
    expected: [],
  },
  { name: "an SPDX id", files: { "orgs/acme/models/churn-model/model.yaml": model("MIT") }, expected: [] },
  {
    name: "an SPDX expression",
    files: { "orgs/acme/models/churn-model/model.yaml": model("(MIT OR Apache-2.0) AND CC-BY-4.0") },
    expected: [],
  },
  {
    name: "an exception and an or-later",
    files: { "orgs/acme/models/churn-model/model.yaml": model("GPL-2.0+ WITH Classpath-exception-2.0") },
    expected: [],
  },
  {
    name: "a license of one's own",
    files: { "orgs/acme/models/churn-model/model.yaml": model("LicenseRef-acme-internal") },
    expected: [],
  },
  {
    name: "a license written in words",
    files: { "orgs/acme/models/churn-model/model.yaml": model("Apache 2.0") },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
  {
    name: "an operator in lower case",
    files: { "orgs/acme/models/churn-model/model.yaml": model("MIT or Apache-2.0") },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
  {
    name: "an unclosed parenthesis",
    files: { "orgs/acme/models/churn-model/model.yaml": model("(MIT OR Apache-2.0") },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
  {
    name: "licenses: spdx behaves like no setting",
    files: {
      "catalog.yaml": CATALOG("  licenses: spdx\n"),
      "orgs/acme/models/churn-model/model.yaml": model("Apache-2"),
    },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
  {
    name: "a listed license",
    files: {
      "catalog.yaml": CATALOG("  licenses: [Apache-2.0, MIT]\n"),
      "orgs/acme/models/churn-model/model.yaml": model("MIT"),
    },
    expected: [],
  },
  {
    name: "an expression of listed licenses",
    files: {
      "catalog.yaml": CATALOG("  licenses: [Apache-2.0, MIT]\n"),
      "orgs/acme/models/churn-model/model.yaml": model("MIT OR Apache-2.0"),
    },
    expected: [],
  },
  {
    name: "a valid SPDX license that the list does not allow",
    files: {
      "catalog.yaml": CATALOG("  licenses: [Apache-2.0, MIT]\n"),
      "orgs/acme/models/churn-model/model.yaml": model("GPL-3.0-only"),
    },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
  {
    name: "an expression with one license the list does not allow",
    files: {
      "catalog.yaml": CATALOG("  licenses: [Apache-2.0, MIT]\n"),
      "orgs/acme/models/churn-model/model.yaml": model("MIT AND CC-BY-NC-4.0"),
    },
    expected: [{ code: "vocab/unknown-license", file: MODEL, line: 3, column: 10 }],
  },
];

describe("vocabularies check", () => {
  it("reports nothing on the base catalog", () => {
    expect(runRule(vocabulariesCheck, BASE)).toEqual([]);
  });

  it("reports nothing on the base catalog with a vocabulary its tags satisfy", () => {
    const files = {
      ...BASE,
      "catalog.yaml": TAGS,
      "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: alice\ntags: [churn, tabular]\n",
    };
    expect(runRule(vocabulariesCheck, files)).toEqual([]);
  });

  it.each(CASES)("$name", ({ files, expected }) => {
    expect(where(runRule(vocabulariesCheck, { ...BASE, ...files }))).toEqual(expected);
  });

  it("offers the closest known tag", () => {
    const [d] = runRule(vocabulariesCheck, {
      ...BASE,
      "catalog.yaml": TAGS,
      "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: alice\ntags: [tabluar]\n",
    });
    expect(d!.message).toMatchInlineSnapshot(
      `"tag "tabluar" of project "acme/churn" is not in the catalog's tag vocabulary"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"use "tabular", the closest known tag, or add "tabluar" to vocabularies.tags in catalog.yaml"`,
    );
  });

  it("says why a license is not SPDX, and offers the closest id", () => {
    const [d] = runRule(vocabulariesCheck, { ...BASE, "orgs/acme/models/churn-model/model.yaml": model("Apache 2.0") });
    expect(d!.message).toMatch(
      /^license "Apache 2.0" of model "acme\/churn-model" is not a valid SPDX expression: "Apache" is not an SPDX license id/,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"use "Apache-2.0"; otherwise write an SPDX license id or expression, e.g. Apache-2.0 or (MIT OR Apache-2.0); use LicenseRef-<name> for a license of your own"`,
    );
  });

  it("lists the allowed licenses", () => {
    const files = {
      ...BASE,
      "catalog.yaml": CATALOG("  licenses: [Apache-2.0, MIT]\n"),
      "orgs/acme/models/churn-model/model.yaml": model("GPL-3.0-only"),
    };
    const [d] = runRule(vocabulariesCheck, files);
    expect(d!.message).toMatchInlineSnapshot(
      `"license "GPL-3.0-only" of model "acme/churn-model" is not one of the catalog's allowed licenses: Apache-2.0, MIT"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"use an allowed license, or add it to vocabularies.licenses in catalog.yaml"`,
    );
  });
});

describe("SPDX expressions", () => {
  const parser = createSpdxParser(["MIT", "Apache-2.0", "GPL-2.0"], ["Classpath-exception-2.0"]);

  it.each([
    ["MIT", ["MIT"]],
    ["MIT OR Apache-2.0", ["MIT", "Apache-2.0"]],
    ["(MIT AND Apache-2.0) OR GPL-2.0+", ["MIT", "Apache-2.0", "GPL-2.0+"]],
    ["GPL-2.0 WITH Classpath-exception-2.0", ["GPL-2.0"]],
    ["DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", ["DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"]],
  ])("%s is valid", (expression, ids) => {
    expect(parser.parse(expression)).toEqual({ ok: true, ids });
  });

  it.each([
    ["", "it is empty"],
    ["MIT OR", "it ends where a license id was expected"],
    ["(MIT", "a parenthesis is not closed"],
    ["MIT Apache-2.0", '"Apache-2.0" is unexpected there (operators are AND, OR and WITH, in capitals)'],
    ["mit", '"mit" is not an SPDX license id'],
    ["MIT WITH Nope", '"Nope" after WITH is not an SPDX license exception id'],
    ["MIT)", '")" is unexpected there (operators are AND, OR and WITH, in capitals)'],
  ])("%j is not valid: %s", (expression, reason) => {
    expect(parser.parse(expression)).toEqual({ ok: false, reason });
  });

  it("knows the licenses models commonly carry, whichever list it uses", () => {
    const spdx = loadSpdxParser();
    for (const id of [
      "Apache-2.0",
      "MIT",
      "BSD-3-Clause",
      "CC-BY-4.0",
      "CC-BY-NC-SA-4.0",
      "CC0-1.0",
      "GPL-3.0-or-later",
      "EUPL-1.2",
    ]) {
      expect(spdx.parse(id)).toEqual({ ok: true, ids: [id] });
    }
  });
});
