/**
 * Property: the data of a public build (pages, JSON API, sitemap; the site
 * renders nothing else) of a random catalog never contains the name of a
 * private entity: not as a page, a link, a reference, a lineage step, a
 * release source, a team grant or a count. Names are random 10-letter tokens
 * so that any occurrence in the output is a leak. Free text is neutral (a
 * private name typed into a public description is only a warning, by design).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveVisibility } from "../../src/site-data/audience.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { validateCatalog } from "../../src/validate.js";
import { loadFiles, type FileMap } from "../helpers/catalog.js";

type Vis = "public" | "private" | undefined;
const vis = fc.constantFrom<Vis>("public", "private", undefined);
const visLine = (v: Vis) => (v === undefined ? "" : `visibility: ${v}\n`);

/** A random org: its visibility and, per kind, entities with their own visibility. */
const orgShape = fc.record({
  visibility: fc.constantFrom("public", "private"),
  projects: fc.array(fc.record({ visibility: vis, experiments: fc.integer({ min: 0, max: 2 }), team: fc.boolean() }), {
    maxLength: 3,
  }),
  components: fc.array(fc.record({ visibility: vis, sourceProject: fc.nat(), fromProject: fc.boolean() }), {
    maxLength: 3,
  }),
  models: fc.array(fc.record({ visibility: vis, lineage: fc.boolean(), project: fc.nat(), component: fc.nat() }), {
    maxLength: 3,
  }),
  teams: fc.integer({ min: 0, max: 2 }),
  connections: fc.integer({ min: 0, max: 1 }),
});

const SPEC = (name: string) =>
  `version: 1.1\nkind: component\nname: ${name}\ninputs:\n  - name: lr\n    type: float\n    isOptional: true\n    value: 0.1\nrun:\n  kind: job\n  container:\n    image: python:3.12\n    command: [python, train.py, "--lr={{ lr }}"]\n`;

/** A catalog of random orgs whose every name is a fresh token. */
const catalogArb = fc
  .tuple(
    fc.array(orgShape, { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(fc.stringMatching(/^[a-z]{8}$/), { minLength: 80, maxLength: 80 }),
  )
  .map(([orgs, tokens]) => {
    const names = tokens.map((t) => `zz${t}`);
    let next = 0;
    const fresh = () => names[next++]!;
    const files: FileMap = {
      "catalog.yaml": "title: Random\nadmins: [alice]\n",
      "users/alice.yaml": "name: alice\ngithub: { login: alice, id: 1 }\n",
    };
    for (const org of orgs) {
      const o = fresh();
      const dir = `orgs/${o}`;
      files[`${dir}/organization.yaml`] =
        `name: ${o}\nvisibility: ${org.visibility}\nmembers:\n  - user: alice\n    role: owner\n`;
      const teams = Array.from({ length: org.teams }, fresh);
      const components = org.components.map((c) => ({ ...c, name: fresh() }));
      // An experiment names its component: runs only where the org has one.
      const projects = org.projects.map((p) => ({
        ...p,
        name: fresh(),
        runs: Array.from({ length: components.length > 0 ? p.experiments : 0 }, fresh),
      }));
      for (const c of components) {
        const source =
          c.fromProject && projects.length > 0
            ? `    source: { project: ${projects[c.sourceProject % projects.length]!.name}, path: components/train.yaml }\n`
            : "";
        files[`${dir}/components/${c.name}/component.yaml`] =
          `name: ${c.name}\ndescription: A component.\nowner: alice\n${visLine(c.visibility)}releases:\n  - tag: "1.0.0"\n    stage: production\n${source}`;
        files[`${dir}/components/${c.name}/versions/1.0.0.yaml`] = SPEC(c.name);
      }
      for (const t of teams) {
        const grants = projects.length > 0 ? `projects:\n  - project: ${projects[0]!.name}\n    role: member\n` : "";
        files[`${dir}/teams/${t}.yaml`] = `name: ${t}\nmembers:\n  - user: alice\n    role: member\n${grants}`;
      }
      for (let i = 0; i < org.connections; i++) {
        const c = fresh();
        files[`${dir}/connections/${c}.yaml`] =
          `name: ${c}\nkind: s3\nschema: { bucket: "s3://data" }\nsecret: { name: creds }\n`;
      }
      for (const p of projects) {
        const team = p.team && teams.length > 0 ? `team: ${teams[0]}\n` : "";
        files[`${dir}/projects/${p.name}/project.yaml`] =
          `name: ${p.name}\ndescription: A project.\nowner: alice\n${team}${visLine(p.visibility)}`;
        for (const r of p.runs) {
          const component = `component: ${o}/${components[0]!.name}:1.0.0\n`;
          files[`${dir}/projects/${p.name}/experiments/${r}.yaml`] = `name: ${r}\n${component}status: succeeded\n`;
        }
      }
      for (const m of org.models) {
        const name = fresh();
        files[`${dir}/models/${name}/model.yaml`] =
          `name: ${name}\ndescription: A model.\nlicense: Apache-2.0\nowner: alice\n${visLine(m.visibility)}`;
        const project = projects.length > 0 ? projects[m.project % projects.length]! : undefined;
        // A lineage that names an experiment names the component it ran (validation holds the two to agree).
        const ran = project?.runs[0] !== undefined;
        const lines = [
          ...(project ? [`  project: ${project.name}`, ...(ran ? [`  experiment: ${project.runs[0]}`] : [])] : []),
          ...(components.length > 0
            ? [`  component: ${o}/${components[ran ? 0 : m.component % components.length]!.name}:1.0.0`]
            : []),
        ];
        const lineage = m.lineage && lines.length > 0 ? `lineage:\n${lines.join("\n")}\n` : "";
        files[`${dir}/models/${name}/versions/1.0.0.yaml`] =
          `name: 1.0.0\nstage: testing\nstageHistory:\n  - stage: testing\n    at: "2026-01-10T12:00:00Z"\n    by: alice\n    reason: first\n${lineage}`;
      }
    }
    return files;
  });

describe("a public build never names a private entity", () => {
  it("for random catalogs of public and private organizations, projects, components and models", () => {
    let withPrivate = 0;
    fc.assert(
      fc.property(catalogArb, (files) => {
        const { catalog, diagnostics } = loadFiles(files);
        const problems = [...diagnostics, ...validateCatalog(catalog)].filter((d) => d.severity === "error");
        expect(problems, JSON.stringify(problems[0])).toEqual([]);
        const hidden = catalog
          .entities()
          .filter(
            (e) =>
              e.kind !== "User" &&
              e.kind !== "Catalog" &&
              e.kind !== "ComponentVersion" &&
              e.kind !== "ModelVersion" &&
              effectiveVisibility(catalog, e) === "private",
          );
        const shown = new Set(
          catalog
            .entities()
            .filter((e) => effectiveVisibility(catalog, e) === "public")
            .map((e) => e.name),
        );
        const secretNames = [...new Set(hidden.map((e) => e.name))].filter((n) => !shown.has(n));
        if (secretNames.length > 0) withPrivate++;
        const data = buildSiteData(catalog, { audience: "public", now: new Date("2026-02-01T00:00:00Z") });
        const text = JSON.stringify(data);
        const leaked = secretNames.filter((n) => text.includes(n));
        expect(leaked, `private names in the public build: ${leaked.join(", ")}`).toEqual([]);
        // And the internal build does show them: the check is not vacuous.
        const internal = JSON.stringify(
          buildSiteData(catalog, { audience: "internal", now: new Date("2026-02-01T00:00:00Z") }),
        );
        expect(secretNames.filter((n) => !internal.includes(n))).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(withPrivate).toBeGreaterThan(20);
  });
});
