import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editYamlText, type YamlEdit } from "../../src/yaml-writer/edit.js";
import { quoted } from "../../src/yaml-writer/style.js";

const VERSION = `# header: why this file exists
name: "1.0.0"
stage: testing   # the current stage
stageHistory:
  # the first candidate
  - stage: testing
    at: "2026-01-10T12:00:00Z"
    by: alice
    reason: >-
      A long reason that was wrapped by hand
      at a narrow width.
lineage:
  project: churn
# trailing comment
`;

describe("editYamlText", () => {
  it("changes only the edited lines: comments, wrapping and quoting elsewhere stay byte for byte", () => {
    const out = editYamlText(VERSION, [
      { op: "set", path: ["stage"], value: "staging" },
      {
        op: "append",
        path: ["stageHistory"],
        value: { stage: "staging", at: quoted("2026-02-01T09:00:00Z"), by: "bob", reason: "shadow run clean" },
      },
    ]);
    expect(out).toBe(`# header: why this file exists
name: "1.0.0"
stage: staging   # the current stage
stageHistory:
  # the first candidate
  - stage: testing
    at: "2026-01-10T12:00:00Z"
    by: alice
    reason: >-
      A long reason that was wrapped by hand
      at a narrow width.
  - stage: staging
    at: "2026-02-01T09:00:00Z"
    by: bob
    reason: shadow run clean
lineage:
  project: churn
# trailing comment
`);
  });

  it.each<[string, string, YamlEdit[], unknown]>([
    [
      "a missing sequence is added at the end",
      "name: x\n# keep\n",
      [{ op: "append", path: ["releases"], value: { tag: quoted("1.0") } }],
      { name: "x", releases: [{ tag: "1.0" }] },
    ],
    [
      "a flow sequence is appended to",
      "name: x\ntags: [a, b] # keep\n",
      [{ op: "append", path: ["tags"], value: "c" }],
      { name: "x", tags: ["a", "b", "c"] },
    ],
    [
      "a nested block sequence keeps its indentation",
      "a:\n  list:\n  - 1\n  - 2\nb: 3\n",
      [{ op: "append", path: ["a", "list"], value: 3 }],
      { a: { list: [1, 2, 3] }, b: 3 },
    ],
    [
      "a file without a final newline",
      "name: x\nlist:\n  - 1",
      [{ op: "append", path: ["list"], value: 2 }],
      { name: "x", list: [1, 2] },
    ],
    ["a quoted scalar stays quoted", 'v: "1.0"\n', [{ op: "set", path: ["v"], value: "2.0" }], { v: "2.0" }],
  ])("%s", (_name, text, edits, expected) => {
    const out = editYamlText(text, edits);
    expect(parse(out, { version: "1.2" })).toEqual(expected);
    for (const comment of text.match(/# \w+/g) ?? []) expect(out).toContain(comment);
  });

  it("keeps a version tag a string", () => {
    const out = editYamlText('releases:\n  - tag: "1.0"\n', [
      { op: "append", path: ["releases"], value: { tag: quoted("1.10") } },
    ]);
    expect(out).toBe('releases:\n  - tag: "1.0"\n  - tag: "1.10"\n');
  });
});
