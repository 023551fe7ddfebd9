import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/authoring/apply-plan.js";
import type { Outcome } from "../../src/authoring/outcome.js";
import type { Plan } from "../../src/authoring/plan.js";
import type { ScaffoldContext } from "../../src/authoring/scaffold-context.js";
import { scaffoldComponent, scaffoldModel } from "../../src/authoring/scaffold-hub.js";
import { scaffoldOrganization, scaffoldTeam, scaffoldUser } from "../../src/authoring/scaffold-people.js";
import { scaffoldConnection, scaffoldProject, scaffoldProjectComponent } from "../../src/authoring/scaffold-project.js";
import { validate } from "../../src/validate.js";
import { open, read, tempCatalog } from "./temp-catalog.js";

const NOW = "2026-03-01T10:00:00Z";

const CASES: Array<[string, (ctx: ScaffoldContext) => Outcome<Plan>, string[]]> = [
  [
    "user",
    (ctx) => scaffoldUser(ctx, { name: "carol", displayName: "Carol", githubLogin: "carol-gh", githubId: 1003 }),
    ["users/carol.yaml"],
  ],
  [
    "organization",
    (ctx) => scaffoldOrganization(ctx, { name: "globex", owner: "alice", visibility: "public" }),
    ["orgs/globex/organization.yaml"],
  ],
  [
    "team",
    (ctx) =>
      scaffoldTeam(ctx, {
        ref: "acme/data",
        members: [{ user: "bob", role: "admin" }],
        projects: [{ project: "churn", role: "member" }],
      }),
    ["orgs/acme/teams/data.yaml"],
  ],
  [
    "connection",
    (ctx) =>
      scaffoldConnection(ctx, {
        ref: "acme/gcs-data",
        kind: "gcs",
        schema: { bucket: "gs://acme" },
        secret: "gcs-key",
      }),
    ["orgs/acme/connections/gcs-data.yaml"],
  ],
  [
    "project",
    (ctx) =>
      scaffoldProject(ctx, {
        ref: "acme/fraud",
        owner: "alice",
        team: "ml",
        description: "Score card payments for fraud, in real time, for every transaction.",
        connections: ["s3-data"],
      }),
    ["orgs/acme/projects/fraud/project.yaml", "orgs/acme/projects/fraud/README.md"],
  ],
  [
    "project component",
    (ctx) =>
      scaffoldProjectComponent(ctx, {
        ref: "acme/churn/prepare",
        image: "python:3.12",
        command: ["python", "prepare.py"],
      }),
    ["orgs/acme/projects/churn/components/prepare.yaml"],
  ],
  [
    "hub component with a first version",
    (ctx) =>
      scaffoldComponent(ctx, { ref: "acme/serve", owner: "alice", version: "1.0", image: "nginx:1.27", now: NOW }),
    [
      "orgs/acme/components/serve/component.yaml",
      "orgs/acme/components/serve/README.md",
      "orgs/acme/components/serve/versions/1.0.yaml",
    ],
  ],
  [
    "model",
    (ctx) => scaffoldModel(ctx, { ref: "acme/fraud-model", owner: "alice", license: "MIT", tags: [] }),
    ["orgs/acme/models/fraud-model/model.yaml", "orgs/acme/models/fraud-model/README.md"],
  ],
];

describe("scaffolds", () => {
  it.each(CASES)("%s: writes commented files that validate with the catalog", async (_kind, scaffold, files) => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = scaffold({ ws, modeline: { catalogDir: dir, schemasDir: join(dir, "..", "schemas") } });
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.changes.map((c) => c.relPath)).toEqual(files);
    const applied = await applyPlan(ws, plan.value);
    expect(applied.ok).toBe(true);
    for (const file of files) {
      expect(existsSync(join(dir, file))).toBe(true);
      if (file.endsWith(".yaml"))
        expect(read(dir, file)).toMatch(
          /^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z-]+\.schema\.json\n# /,
        );
    }
    const after = await validate({ dir });
    expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("quotes a version tag that YAML would read as a number", async () => {
    const ws = await open(tempCatalog());
    const plan = scaffoldComponent(
      { ws },
      { ref: "acme/serve", owner: "alice", version: "1.0", image: "nginx", now: NOW },
    );
    expect(plan.ok && String(plan.value.changes[0]!.content)).toContain(
      '  - tag: "1.0"\n    stage: testing\n    releasedAt: "2026-03-01T10:00:00Z"',
    );
  });

  it.each<[string, (ctx: ScaffoldContext) => Outcome<Plan>, boolean, RegExp]>([
    [
      "a name that is not a DNS label",
      (ctx) => scaffoldUser(ctx, { name: "Carol" }),
      true,
      /user name "Carol" is not a valid name/,
    ],
    [
      "a reference with too few parts",
      (ctx) => scaffoldTeam(ctx, { ref: "data", members: [] }),
      true,
      /team "data" should be written <org>\/<team>/,
    ],
    [
      "an organization that does not exist",
      (ctx) => scaffoldProject(ctx, { ref: "nope/x", owner: "alice" }),
      false,
      /organization "nope" does not exist/,
    ],
    [
      "a project that does not exist",
      (ctx) => scaffoldProjectComponent(ctx, { ref: "acme/nope/x", image: "i" }),
      false,
      /project "acme\/nope" does not exist/,
    ],
    [
      "a first version without an image",
      (ctx) => scaffoldComponent(ctx, { ref: "acme/x", owner: "alice", version: "1.0.0", now: NOW }),
      true,
      /--version needs --image/,
    ],
    ["a team without members", (ctx) => scaffoldTeam(ctx, { ref: "acme/empty", members: [] }), false, /has no members/],
  ])("refuses %s", async (_name, scaffold, usage, message) => {
    const result = scaffold({ ws: await open(tempCatalog()) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.usage).toBe(usage);
    expect(result.refusal.message).toMatch(message);
  });

  it("never overwrites: an existing file refuses the whole plan and nothing is written", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = scaffoldProject({ ws }, { ref: "acme/churn", owner: "alice" });
    if (!plan.ok) throw new Error(plan.refusal.message);
    const result = await applyPlan(ws, plan.value);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.refusal.message).toMatch(
        /catalog\/orgs\/acme\/projects\/churn\/project\.yaml already exists; mlcat never overwrites a file/,
      );
    expect(existsSync(join(dir, "orgs/acme/projects/churn/README.md"))).toBe(false);
  });

  it("a file that appears between planning and writing is not overwritten", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = scaffoldUser({ ws }, { name: "carol" });
    if (!plan.ok) throw new Error(plan.refusal.message);
    writeFileSync(join(dir, "users/carol.yaml"), "name: carol\n# mine\n");
    const result = await applyPlan(ws, plan.value);
    expect(result.ok).toBe(false);
    expect(read(dir, "users/carol.yaml")).toBe("name: carol\n# mine\n");
  });

  it("refuses, writing nothing, when the new file would not validate", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = scaffoldProject({ ws }, { ref: "acme/fraud", owner: "nobody" });
    if (!plan.ok) throw new Error(plan.refusal.message);
    const result = await applyPlan(ws, plan.value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.message).toMatch(/would not validate .*nothing was written/);
      expect(result.refusal.diagnostics?.map((d) => d.code)).toContain("ref/unknown-user");
    }
    expect(existsSync(join(dir, "orgs/acme/projects/fraud"))).toBe(false);
  });
});
