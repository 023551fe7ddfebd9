/**
 * The site's permission matrix says what `mlcat check` enforces: for every
 * organization of the sample catalog, every member (the sample's own, and one
 * added per role) and every column, `mlcat explain` for that member, on a
 * change each of the column's checks stands for, gives the cell's answer, under
 * the rule the column names. Under the sample's policy and with production
 * moves tightened to owners.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ROLES } from "../../src/model/types.js";
import { explainAction } from "../../src/pr-check/explain.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { MATRIX_COLUMNS, type MatrixCheck } from "../../src/site-data/matrix.js";
import { loadFiles, type FileMap } from "../helpers/catalog.js";

/** The sample catalog's files, by path relative to its folder. */
function sampleFiles(): FileMap {
  const files: FileMap = {};
  for (const entry of readdirSync("catalog", { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative("catalog", path).split("\\").join("/")] = readFileSync(path, "utf8");
  }
  return files;
}

const PROBE = "policy-probe";
const NEW = "policy-new";
/** The user added with each role to every organization. */
const probeUser = (role: string) => `probe-${role}`;

/**
 * The sample plus, in every organization, a member per role and a project, a
 * hub component (with a mutable tag) and a model that set no roles of their own
 * (owned by the added owner, whose role there is the organization's), so that
 * only organization roles count, as in the matrix.
 */
function probeCatalog(policy: "sample" | "owners"): FileMap {
  const files = sampleFiles();
  if (policy === "owners") files["catalog.yaml"] += "\n  productionApprovers: owners\n";
  for (const role of ROLES) {
    const name = probeUser(role);
    files[`users/${name}.yaml`] = `name: ${name}\ngithub: { login: ${name}-gh }\n`;
  }
  const orgs = Object.keys(files)
    .map((p) => /^orgs\/([^/]+)\/organization\.yaml$/.exec(p)?.[1])
    .filter((o): o is string => o !== undefined);
  for (const org of orgs) {
    const path = `orgs/${org}/organization.yaml`;
    const data = parse(files[path]!) as { members: Array<{ user: string; role: string }> };
    data.members.push(...ROLES.map((role) => ({ user: probeUser(role), role })));
    files[path] = stringify(data);
    const owner = `owner: ${probeUser("owner")}\n`;
    files[`orgs/${org}/projects/${PROBE}/project.yaml`] = `name: ${PROBE}\n${owner}`;
    files[`orgs/${org}/projects/${PROBE}/experiments/run-1.yaml`] = "name: run-1\n";
    files[`orgs/${org}/components/${PROBE}/component.yaml`] = `name: ${PROBE}\n${owner}mutableTags: [latest]\n`;
    files[`orgs/${org}/components/${PROBE}/versions/latest.yaml`] =
      `version: 1.1\nkind: component\nname: ${PROBE}\nrun:\n  kind: job\n  container:\n    image: busybox\n`;
    files[`orgs/${org}/models/${PROBE}/model.yaml`] = `name: ${PROBE}\n${owner}`;
    files[`orgs/${org}/models/${PROBE}/versions/1.0.0.yaml`] = `name: "1.0.0"\nstage: testing\n`;
  }
  return files;
}

/** The change `mlcat explain` is asked about for a check of the matrix in `org`: a path and an action. */
function probe(org: string, c: MatrixCheck): { target: string; action: string } {
  const o = `catalog/orgs/${org}`;
  const key = `${c.rule}@${c.area ?? "organization"}`;
  const probes: Record<string, { target: string; action: string }> = {
    "org-delete@organization": { target: `${o}/organization.yaml`, action: "delete" },
    "org-settings@organization": { target: `${o}/organization.yaml`, action: "update" },
    "org-teams@organization": { target: `${o}/teams/${NEW}.yaml`, action: "create" },
    "org-connections@organization": { target: `${o}/connections/${NEW}.yaml`, action: "create" },
    "project-create@projects": { target: `${o}/projects/${NEW}/project.yaml`, action: "create" },
    "experiment-delete@projects": { target: `${o}/projects/${PROBE}/experiments/run-1.yaml`, action: "delete" },
    "experiment-write@projects": { target: `${o}/projects/${PROBE}/experiments/run-2.yaml`, action: "create" },
    "component-create@hub": { target: `${o}/components/${NEW}/component.yaml`, action: "create" },
    "version-delete@hub": { target: `${o}/components/${PROBE}/versions/latest.yaml`, action: "delete" },
    "version-write@hub": { target: `${o}/components/${PROBE}/versions/1.0.0.yaml`, action: "create" },
    "model-create@registry": { target: `${o}/models/${NEW}/model.yaml`, action: "create" },
    "stage-change@registry": { target: `${o}/models/${PROBE}/versions/1.0.0.yaml`, action: "stage:staging" },
    "stage-production@registry": { target: `${o}/models/${PROBE}/versions/1.0.0.yaml`, action: "stage:production" },
    "version-delete@registry": { target: `${o}/models/${PROBE}/versions/1.0.0.yaml`, action: "delete" },
    "version-write@registry": { target: `${o}/models/${PROBE}/versions/2.0.0.yaml`, action: "create" },
  };
  const found = probes[key];
  if (!found) throw new Error(`no explain probe for ${key}: add one for the new matrix check`);
  return found;
}

describe.each(["sample", "owners"] as const)("the permission matrix with the %s policy", (policy) => {
  const { catalog } = loadFiles(probeCatalog(policy));
  const site = buildSiteData(catalog, { now: new Date("2026-02-01T00:00:00Z") });

  it("covers every organization, every role and every column", () => {
    expect(site.orgs.map((o) => o.key).sort()).toEqual(["northwind", "northwind-research", "polyaxon"]);
    for (const org of site.orgs) {
      expect(new Set(org.matrix.rows.map((r) => r.role))).toEqual(new Set(ROLES));
      expect(org.matrix.actions.map((a) => a.id)).toEqual(MATRIX_COLUMNS.map((c) => c.id));
    }
  });

  it("agrees with mlcat explain in every cell", () => {
    const disagreements: string[] = [];
    let cells = 0;
    for (const org of site.orgs) {
      for (const row of org.matrix.rows) {
        const login = (catalog.get("User", row.user.name)?.data as { github?: { login?: string } }).github?.login;
        MATRIX_COLUMNS.forEach((column, j) => {
          for (const c of column.checks) {
            const { target, action } = probe(org.key, c);
            const e = explainAction({ catalog, actor: { login: login ?? row.user.name }, target, action });
            expect(e.actor.user).toBe(row.user.name);
            expect(e.decision.rule.split(/ (?:and|or) /)).toContain(c.rule);
            cells++;
            if (e.decision.allowed !== row.allowed[j])
              disagreements.push(
                `${org.key} ${row.user.name} (${row.role}) ${column.id}: matrix ${row.allowed[j]}, explain ${e.decision.allowed} on ${action} ${target} (${e.decision.reason})`,
              );
          }
        });
      }
    }
    expect(disagreements).toEqual([]);
    expect(cells).toBeGreaterThan(3 * 5 * MATRIX_COLUMNS.length);
  });
});
