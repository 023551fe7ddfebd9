import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { analyzeTemplate } from "../../src/checks/jinja.js";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const VERSION = "orgs/acme/components/train/versions/1.0.0.yaml";
const PROJECT_COMPONENT = "orgs/acme/projects/churn/components/prep.yaml";

/** Run the component-specs check over BASE plus `files`, every entity taken as schema-valid. */
function check(files: FileMap, valid = true): Diagnostic[] {
  const { catalog } = loadFiles({ ...BASE, ...files });
  for (const e of catalog.entities()) e.schemaValid = valid;
  return validateCatalog(catalog, [componentSpecsCheck]).sort(compareDiagnostics);
}

function at(diagnostics: Diagnostic[]): Array<[string, number, number]> {
  return diagnostics.map((d) => [d.code, d.line, d.column]);
}

const HEAD = `version: 1.1
kind: component
name: train
inputs:
  - name: lr
    type: float
    isOptional: true
    value: 0.1
outputs:
  - name: model
    type: path
run:
  kind: job
  container:
`; // 14 lines: the container's fields start on line 15, indented 4

describe("component-specs: templates", () => {
  const cases: Array<{ name: string; body: string; expected: Array<[string, number, number]> }> = [
    {
      name: "a typo in a double-quoted item points at the name inside the string",
      body: `    image: python:3.12\n    command: [python, train.py, "--lr={{ lrr }}"]\n`,
      expected: [["spec/unknown-template-variable", 16, 42]],
    },
    {
      name: "a plain scalar points inside the string",
      body: `    workingDir: /data/{{ ctx }}/x\n`,
      expected: [["spec/unknown-template-variable", 15, 26]],
    },
    {
      name: "a single-quoted scalar without escapes points inside the string",
      body: `    image: 'repo/{{img}}:1'\n`,
      expected: [["spec/unknown-template-variable", 15, 20]],
    },
    {
      name: "a double-quoted scalar with an escape points at the scalar",
      body: `    image: "a\\tb {{ img }}"\n`,
      expected: [["spec/unknown-template-variable", 15, 12]],
    },
    {
      name: "a block scalar points at its indicator",
      body: `    command:\n      - |\n        run --lr {{ rate }}\n`,
      expected: [["spec/unknown-template-variable", 16, 9]],
    },
    {
      name: "two unknown names in one string are both reported, each once",
      body: `    args: ["{{ a }} {{ b }} {{ a }}"]\n`,
      expected: [
        ["spec/unknown-template-variable", 15, 16],
        ["spec/unknown-template-variable", 15, 24],
      ],
    },
    {
      name: "params.<io> must name a declared input or output",
      body: `    args: ["{{ params.destination.connection }}", "{{ params.lr.connection }}"]\n`,
      expected: [["spec/unknown-template-variable", 15, 23]],
    },
    {
      name: "params['<io>'] is read the same way",
      body: `    args: ["{{ params['dest'].value }}"]\n`,
      expected: [["spec/unknown-template-variable", 15, 24]],
    },
    {
      name: "namespaces, attributes, literals, keywords, filters and tests are not variables",
      body: `    image: "{{ globals.ports[0] }}"
    args:
      - "{{ lr or globals.artifacts_path }}"
      - "{{ (connections[params.model.connection].url + '/' + model) if (params.model.connection in connections) else model }}"
      - "{{ ('-f ' + lr) if lr else '' }}"
      - "{{ lr | default(0.1) | string }}"
      - "{{ lr is not none and lr is defined }}"
      - "{{ init }} {{ range(3) | join(',') }} {{ params.lr.as_arg }} {{ params.as_args }}"
      - "{{ dict(a=lr) }}"
`,
      expected: [],
    },
    {
      name: "a job's container is rendered with params, globals, init and connections: not dag, ops or matrix",
      body: `    args: ["{{ dag.inputs.x }} {{ ops.a.outputs.b }} {{ matrix }}"]\n`,
      expected: [
        ["spec/unknown-template-variable", 15, 16],
        ["spec/unknown-template-variable", 15, 35],
        ["spec/unknown-template-variable", 15, 57],
      ],
    },
    {
      name: "an unclosed {{ is a syntax error: Jinja refuses it",
      body: `    args: ["{{ nope"]\n`,
      expected: [["spec/template-syntax", 15, 13]],
    },
  ];
  it.each(cases)("$name", ({ body, expected }) => {
    expect(at(check({ [VERSION]: HEAD + body }))).toEqual(expected);
  });

  it("reads descriptions as prose, not templates", () => {
    const spec =
      HEAD.replace("    type: float\n", "    type: float\n    description: pass {{ anything }}\n") + "    image: x\n";
    expect(check({ [VERSION]: spec })).toEqual([]);
  });

  it("gives a nested component (a DAG's components) its own inputs and outputs", () => {
    const spec = `version: 1.1
kind: component
name: train
inputs:
  - name: lr
    type: float
run:
  kind: dag
  operations:
    - name: step
      dagRef: inner
      params:
        x: {value: "{{ lr }}"}
  components:
    - name: inner
      inputs:
        - name: x
          type: str
      run:
        kind: job
        container:
          image: "{{ x }}"
          args: ["{{ lr }}"]
`;
    expect(at(check({ [VERSION]: spec }))).toEqual([["spec/unknown-template-variable", 23, 22]]);
  });

  it("says what is unknown and suggests the closest declared name", () => {
    const [d] = check({ [VERSION]: HEAD + `    args: ["{{ lrr }}", "{{ params.modl.connection }}"]\n` });
    expect(d).toMatchObject({ file: `catalog/${VERSION}`, severity: "error" });
    expect([d!.message, d!.hint]).toMatchInlineSnapshot(`
      [
        "template variable "lrr" is not a declared input or output, nor in the context Polyaxon renders run.container with (params, globals, init, connections)",
        "did you mean "lr"? Otherwise declare "lrr" under inputs or outputs",
      ]
    `);
    const second = check({ [VERSION]: HEAD + `    args: ["{{ params.modl.connection }}", "{{ zzz }}"]\n` });
    expect(second.map((x) => [x.message, x.hint])).toMatchInlineSnapshot(`
      [
        [
          "template reads params.modl, but "modl" is not a declared input or output",
          "did you mean "model"? Otherwise declare "modl" under inputs or outputs (params also has as_args)",
        ],
        [
          "template variable "zzz" is not a declared input or output, nor in the context Polyaxon renders run.container with (params, globals, init, connections)",
          "declare "zzz" under inputs or outputs, or fix the spelling (declared: lr, model)",
        ],
      ]
    `);
  });

  it("checks project components too", () => {
    const spec = `version: 1.1
kind: component
name: prep
run:
  kind: job
  container:
    image: "{{ image }}"
`;
    expect(at(check({ [PROJECT_COMPONENT]: spec }))).toEqual([["spec/unknown-template-variable", 7, 16]]);
  });

  it("skips specs that failed their schema", () => {
    expect(check({ [VERSION]: HEAD + `    args: ["{{ nope }}"]\n` }, false)).toEqual([]);
  });
});

describe("component-specs: inputs and outputs", () => {
  const io = (inputs: string, outputs = "") => `version: 1.1
kind: component
name: train
inputs:
${inputs}outputs:
  - name: model
    type: path
${outputs}run:
  kind: job
  container:
    image: x
`;
  const cases: Array<{ name: string; spec: string; expected: Array<[string, number, number]> }> = [
    {
      name: "an output with an input's name is a duplicate, at the second name",
      spec: io(`  - name: model\n    type: str\n`),
      expected: [["spec/duplicate-io", 8, 11]],
    },
    {
      name: "two inputs with one name",
      spec: io(`  - name: lr\n    type: float\n  - {name: lr, type: int}\n`),
      expected: [["spec/duplicate-io", 7, 12]],
    },
    {
      name: "a reserved name",
      spec: io(`  - name: globals\n    type: dict\n`, `  - name: params\n    type: dict\n`),
      expected: [
        ["spec/reserved-io-name", 5, 11],
        ["spec/reserved-io-name", 10, 11],
      ],
    },
    {
      name: "an untyped input is a warning at its name",
      spec: io(`  - name: lr\n    isOptional: true\n    value: 0.1\n`),
      expected: [["spec/untyped-io", 5, 11]],
    },
    {
      name: "a value with isOptional: false, at isOptional",
      spec: io(`  - name: lr\n    type: float\n    isOptional: false\n    value: 0.1\n`),
      expected: [["spec/optional-value-conflict", 7, 17]],
    },
    {
      name: "a value without isOptional is fine (a value makes an input optional)",
      spec: io(`  - name: lr\n    type: float\n    value: 0.1\n`),
      expected: [],
    },
    {
      name: "isOptional: false without a value is fine",
      spec: io(`  - name: lr\n    type: float\n    isOptional: false\n`),
      expected: [],
    },
  ];
  it.each(cases)("$name", ({ spec, expected }) => {
    expect(at(check({ [VERSION]: spec }))).toEqual(expected);
  });

  it("says which names clash and how to fix it", () => {
    const ds = check({
      [VERSION]: io(`  - name: model\n  - name: connections\n    type: str\n    isOptional: false\n    value: x\n`),
    });
    expect(ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message} (${d.hint})`))
      .toMatchInlineSnapshot(`
      [
        "5:11 warning spec/untyped-io: input "model" has no type (add a type (str, int, float, bool, dict, list, path, image, git, uri...) so Polyaxon can check the values passed to it)",
        "6:11 error spec/reserved-io-name: input "connections" uses a name Polyaxon reserves: it refuses an input or output named globals, params, connections (rename the input (e.g. "connections_value"): {{ connections }} is Polyaxon's own context)",
        "8:17 error spec/optional-value-conflict: input "connections" has a value but isOptional: false (in Polyaxon a value makes an input optional: set isOptional: true, or remove the value to make it required)",
        "11:11 error spec/duplicate-io: output "model" is declared twice: input "model" is already declared on line 5 (rename one of them or remove the duplicate: {{ model }} can resolve to only one value)",
      ]
    `);
  });
});

describe("component-specs: spec name", () => {
  it("notes, as an info, a hub version's spec name that differs from its hub entry's without looking like a mistake", () => {
    const ds = check({ [VERSION]: HEAD.replace("name: train", "name: trainer") + "    image: x\n" });
    expect(at(ds)).toEqual([["spec/name-differs", 3, 7]]);
    expect([ds[0]!.severity, ds[0]!.message, ds[0]!.hint]).toMatchInlineSnapshot(`
      [
        "info",
        "spec name "trainer" differs from its hub entry's name "train"",
        "Polyaxon would refer to this version as train:1.0.0; rename the spec to "train", or leave it as is",
      ]
    `);
  });

  it("accepts a spec without a name, and does not compare project components' names", () => {
    const noName = HEAD.replace("name: train\n", "") + "    image: x\n";
    const project = `version: 1.1\nkind: component\nname: other\nrun:\n  kind: job\n  container:\n    image: x\n`;
    expect(check({ [VERSION]: noName, [PROJECT_COMPONENT]: project })).toEqual([]);
  });

  it("finds nothing in the base catalog", () => {
    expect(check({})).toEqual([]);
  });
});

describe("template expressions, read with Jinja's grammar", () => {
  const names = (text: string) => {
    const analysis = analyzeTemplate(text);
    return analysis.ok ? analysis.reads.map((r) => [r.name, ...r.keys.map((k) => k.key)].join(".")) : analysis.error;
  };
  it.each([
    ["{{ image }}", ["image"]],
    ["{{ context or globals.artifacts_path }}", ["context", "globals.artifacts_path"]],
    [
      "{{ (connections[params.d.connection].url + '/' + d) if (params.d.connection in connections) else d }}",
      ["params.d.connection", "connections", "connections", "params.d.connection", "d", "d"],
    ],
    ["{{ globals.ports[0] }}", ["globals.ports"]],
    ["{{ x | default('a') is defined }}", ["x"]],
    ["{{ f(key=v, n=1) == 2 }}", ["f", "v"]],
    ['{{ "{{ y }}" ~ z }}', ["z"]],
    ["{% for l in layers %}--layer={{ l }} {{ loop.index }}{% endfor %}", ["layers"]],
    ["{% set n = epochs * 2 %}{{ n }}", ["epochs"]],
    ["{% if use_gpu %}--gpu{% endif %}", ["use_gpu"]],
    ["{{ params['lr'].as_arg }} {{ params.as_args | join(' ') }}", ["params.lr.as_arg", "params.as_args"]],
    ["{{ None }} {{ True }} {{ none }}", []],
    ["{% macro flag(n) %}--{{ n }}{% endmacro %}{{ flag(lr) }}", ["lr"]],
    ["{{ nope", "expected variable end"],
  ])("%s reads %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("tells a subtraction of two names from a hyphenated name", () => {
    const analysis = analyzeTemplate("--tls-verify={{ tls-verify }} {{ a - b }} {{ x-1 }}");
    expect(analysis.ok && analysis.subtractions.map((s) => `${s.left.name}-${s.right.name}@${s.left.offset}`)).toEqual([
      "tls-verify@16",
      "a-b@33",
    ]);
  });
});
