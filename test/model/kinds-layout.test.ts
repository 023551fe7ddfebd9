import { describe, expect, it } from "vitest";
import { classifyPath, classifyReadme, type PathInfo, type ReadmeInfo } from "../../src/model/kinds.js";

// The catalog layout as regular expressions: what classifyPath and classifyReadme must give for every path.
const SEG = "([^/]+)";
const PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => PathInfo]> = [
  [/^catalog\.yaml$/, () => ({ kind: "Catalog", key: "catalog", name: "catalog" })],
  [new RegExp(`^users/${SEG}\\.yaml$`), ([, u]) => ({ kind: "User", key: u!, name: u! })],
  [new RegExp(`^orgs/${SEG}/organization\\.yaml$`), ([, o]) => ({ kind: "Organization", key: o!, name: o!, org: o! })],
  [
    new RegExp(`^orgs/${SEG}/teams/${SEG}\\.yaml$`),
    ([, o, t]) => ({ kind: "Team", key: `${o}/${t}`, name: t!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/connections/${SEG}\\.yaml$`),
    ([, o, c]) => ({ kind: "Connection", key: `${o}/${c}`, name: c!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/project\\.yaml$`),
    ([, o, p]) => ({ kind: "Project", key: `${o}/${p}`, name: p!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/components/${SEG}\\.yaml$`),
    ([, o, p, c]) => ({ kind: "ProjectComponent", key: `${o}/${p}/${c}`, name: c!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/experiments/${SEG}\\.yaml$`),
    ([, o, p, e]) => ({ kind: "Experiment", key: `${o}/${p}/${e}`, name: e!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/components/${SEG}/component\\.yaml$`),
    ([, o, c]) => ({ kind: "Component", key: `${o}/${c}`, name: c!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/components/${SEG}/versions/${SEG}\\.yaml$`),
    ([, o, c, t]) => ({ kind: "ComponentVersion", key: `${o}/${c}:${t}`, name: t!, org: o!, parent: c! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/models/${SEG}/model\\.yaml$`),
    ([, o, m]) => ({ kind: "Model", key: `${o}/${m}`, name: m!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/models/${SEG}/versions/${SEG}\\.yaml$`),
    ([, o, m, t]) => ({ kind: "ModelVersion", key: `${o}/${m}:${t}`, name: t!, org: o!, parent: m! }),
  ],
];

const README_PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => ReadmeInfo]> = [
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/README\\.md$`),
    ([, o, p]) => ({ ownerKind: "Project", ownerKey: `${o}/${p}` }),
  ],
  [
    new RegExp(`^orgs/${SEG}/components/${SEG}/README\\.md$`),
    ([, o, c]) => ({ ownerKind: "Component", ownerKey: `${o}/${c}` }),
  ],
  [
    new RegExp(`^orgs/${SEG}/models/${SEG}/README\\.md$`),
    ([, o, m]) => ({ ownerKind: "Model", ownerKey: `${o}/${m}` }),
  ],
];

function reference(relPath: string): PathInfo | undefined {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(relPath);
    if (m) return make(m as unknown as string[]);
  }
  return undefined;
}

function referenceReadme(relPath: string): ReadmeInfo | undefined {
  for (const [re, make] of README_PATTERNS) {
    const m = re.exec(relPath);
    if (m) return make(m as unknown as string[]);
  }
  return undefined;
}

/** Segments that sit at a layout's fixed places, near-misses of them, and odd names. */
const SEGMENTS = [
  "orgs",
  "users",
  "teams",
  "connections",
  "projects",
  "components",
  "experiments",
  "models",
  "versions",
  "organization.yaml",
  "project.yaml",
  "component.yaml",
  "model.yaml",
  "README.md",
  "catalog.yaml",
  "a.yaml",
  ".yaml",
  "..yaml",
  "x.yaml.yaml",
  "a.yml",
  "1.0.0.yaml",
  "readme.md",
  "",
  "acme",
  "Orgs",
  " a.yaml",
  "a.yaml\n",
  "é.yaml",
  "constructor",
  "__proto__.yaml",
  "hasOwnProperty",
];

/** What sits at each place of a deep layout path. */
const SHAPED: ReadonlyArray<readonly string[]> = [
  ["orgs"],
  ["acme", "a.yaml"],
  ["projects", "components", "models", "teams", "connections"],
  ["churn", "a.yaml", "project.yaml", "README.md"],
  ["project.yaml", "component.yaml", "model.yaml", "components", "experiments", "versions", "README.md"],
  ["a.yaml", "1.0.0.yaml", ".yaml", "README.md"],
];

/** Every path of 1 to 3 segments from SEGMENTS, and seeded random ones of 5 and 6. */
function* paths(): Generator<string> {
  const n = SEGMENTS.length;
  for (let len = 1; len <= 3; len++) {
    const idx = new Array<number>(len).fill(0);
    for (;;) {
      yield idx.map((i) => SEGMENTS[i]).join("/");
      let k = len - 1;
      while (k >= 0 && ++idx[k]! === n) idx[k--] = 0;
      if (k < 0) break;
    }
  }
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let i = 0; i < 60_000; i++) {
    const len = 4 + (i % 3);
    // Mostly layout-shaped (each place drawn from what sits there in the layout), so the deep kinds are reached.
    const segs = Array.from({ length: len }, (_, at) => {
      const pool = next() % 4 === 0 ? SEGMENTS : (SHAPED[at] ?? SEGMENTS);
      return pool[next() % pool.length]!;
    });
    yield segs.join("/");
  }
  yield* [
    "users/a/b.yaml",
    "orgs/acme/projects/churn/experiments/run-1.yaml",
    "orgs/acme/models/m/versions/1.0.0.yaml",
    "/users/a.yaml",
    "users/a.yaml/",
    "catalog.yaml/",
  ];
}

describe("the catalog layout", () => {
  it.each([
    {
      name: "classifyPath",
      classify: classifyPath as (p: string) => unknown,
      want: reference as (p: string) => unknown,
      atLeast: 1000,
    },
    { name: "classifyReadme", classify: classifyReadme, want: referenceReadme, atLeast: 10 },
  ])("$name gives what the layout's regular expressions give, for every path tried", ({ classify, want, atLeast }) => {
    let matched = 0;
    for (const p of paths()) {
      const expected = want(p);
      if (expected) matched++;
      expect([p, classify(p)]).toEqual([p, expected]);
    }
    // The table must reach what it tests, or it proves little.
    expect(matched).toBeGreaterThan(atLeast);
  });

  it("reaches every kind", () => {
    expect(new Set([...paths()].map((p) => reference(p)?.kind).filter(Boolean)).size).toBe(12);
  });

  it("gives each caller its own answer: one that changes it cannot change another's", () => {
    const first = classifyPath("orgs/acme/teams/ml.yaml") as { key: string };
    first.key = "acme/other";
    expect(classifyPath("orgs/acme/teams/ml.yaml")).toEqual({ kind: "Team", key: "acme/ml", name: "ml", org: "acme" });
  });
});
