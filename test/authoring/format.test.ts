import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCatalog } from "../../src/authoring/format-catalog.js";
import { formatYamlText } from "../../src/yaml-writer/format.js";
import { KIND_SHAPES, type Shape } from "../../src/authoring/key-order.js";
import { SCHEMA_FILE, type Kind } from "../../src/model/kinds.js";
import { schemaPath } from "../../src/schemas/schema-files.js";
import { open, tempCatalog } from "./temp-catalog.js";

const TEAM = KIND_SHAPES.Team!;

describe("formatYamlText", () => {
  it("orders keys canonically; comments move with their keys, the header stays on top, blank lines keep their place", () => {
    const text = `# A team file.
quotas:
  # how many projects
  models: 2
  projects: 1
members:
  - role: admin # lead
    user: alice
description: The ML team.

name: ml
`;
    expect(formatYamlText(text, TEAM)).toBe(`# A team file.
name: ml
description: The ML team.
members:
  - user: alice
    role: admin # lead

quotas:
  projects: 1
  # how many projects
  models: 2
`);
  });

  it("keeps hand-wrapped folded text, quoting and blank lines; normalizes indentation and flow padding", () => {
    const text = `name: ml
description: >-
  A description wrapped
  by hand, narrowly.
members:
- user: "alice"
  role: member

projects: [ { project: churn, role: member } ]
`;
    expect(formatYamlText(text, TEAM)).toBe(`name: ml
description: >-
  A description wrapped
  by hand, narrowly.
members:
  - user: "alice"
    role: member

projects: [{project: churn, role: member}]
`);
  });

  it.each([
    ["already canonical", "name: ml\nmembers:\n  - user: a\n    role: member\n"],
    ["long plain text is not folded", `name: ml\ndescription: ${"word ".repeat(30).trim()}\nmembers: []\n`],
    ["unknown keys keep their order after known ones", "name: ml\nmembers: []\nzeta: 1\nalpha: 2\n"],
  ])("is a fixed point: %s", (_name, text) => {
    expect(formatYamlText(text, TEAM)).toBe(text);
    expect(formatYamlText(formatYamlText(text, TEAM)!, TEAM)).toBe(formatYamlText(text, TEAM));
  });

  it("leaves a file that does not parse alone", () => {
    expect(formatYamlText("name: [unclosed\n", TEAM)).toBeUndefined();
  });
});

describe("key orders", () => {
  it.each(Object.keys(KIND_SHAPES) as Kind[])("%s lists every top-level property of its JSON Schema", (kind) => {
    const schema = JSON.parse(readFileSync(schemaPath(SCHEMA_FILE[kind]), "utf8")) as {
      properties: Record<string, unknown>;
    };
    expect([...(KIND_SHAPES[kind] as Shape).keys!].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe("formatCatalog", () => {
  it("finds the files that are not canonical, and leaves component specs alone", async () => {
    const dir = tempCatalog({
      "users/bob.yaml": "github: { login: bob, id: 1002 }\nname: bob\n",
      "orgs/acme/components/train/versions/2.0.0.yaml":
        "kind: component\nversion: 1.1\nrun: {kind: job, container: {image: x}}\n",
    });
    const result = formatCatalog(await open(dir));
    const changed = result.plan.changes.map((c) => c.relPath);
    expect(changed).toContain("users/bob.yaml");
    expect(changed).toContain("users/alice.yaml"); // `{ login: alice, id: 1001 }` loses its padding
    expect(changed).not.toContain("orgs/acme/teams/ml.yaml");
    expect(changed.filter((p) => p.includes("/versions/2.0.0") || p.includes("/components/"))).toEqual([]);
    expect(result.plan.changes.find((c) => c.relPath === "users/bob.yaml")?.content).toBe(
      "name: bob\ngithub: {login: bob, id: 1002}\n",
    );
    expect(result.skipped).toEqual([]);
  });
});
