/**
 * The search records made from the sample catalog's site data: one per entity page, a component's or
 * model's versions folded into its record as sections anchored at their rows, saying only what their
 * entity's record does not.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/site-data/build-site-data.js";
import { recordHtml, type SearchRecordSpec } from "../../src/site-data/search-html.js";
import { searchRecordSpecs } from "../../src/site-data/search-records.js";
import type { SiteData } from "../../src/site-data/types.js";

let data: SiteData;
let specs: Map<string, SearchRecordSpec>;

beforeAll(async () => {
  const loaded = await loadSiteData({ dir: join(import.meta.dirname, "../../catalog"), history: false });
  if (!loaded.data) throw new Error("the sample catalog did not load");
  data = loaded.data;
  specs = new Map(searchRecordSpecs(data).map((s) => [s.url, s]));
}, 60_000);

/** Every line of a record's sections but its versions', and each line's `·` parts. */
function entityFacts(spec: SearchRecordSpec): Set<string> {
  const lines = [
    ...spec.lead,
    ...spec.sections.filter((s) => !s.id?.startsWith("version-")).flatMap((s) => s.lines ?? []),
  ];
  return new Set(lines.flatMap((l) => (l ? [l, ...l.split(" · ")] : [])));
}

describe("search records", () => {
  it("are one per entity page: a version's page has none of its own", () => {
    const versions = [...data.componentVersions, ...data.modelVersions].map((v) => v.url);
    expect(versions.length).toBeGreaterThan(20);
    expect(versions.filter((u) => specs.has(u))).toEqual([]);
    expect(specs.size).toBe(searchRecordSpecs(data).length);
    for (const c of data.components) expect(specs.has(c.url), c.url).toBe(true);
  });

  it.each([
    ["component", () => data.componentVersions.map((v) => ({ tag: v.tag, entity: v.component.url }))],
    ["model", () => data.modelVersions.map((v) => ({ tag: v.tag, entity: v.model.url }))],
  ])("hold each %s version as a section headed by its tag, anchored at its row", (_kind, versionsOf) => {
    for (const { tag, entity } of versionsOf()) {
      const section = specs.get(entity)?.sections.find((s) => s.id === `version-${tag}`);
      expect(section?.heading, `${entity} ${tag}`).toMatch(new RegExp(`^Version ${tag.replaceAll(".", "\\.")}( · |$)`));
    }
  });

  it("filter by every stage some version is in, so Stage: production finds a model whose newest is in staging", () => {
    const stageFilters = (url: string) =>
      [...recordHtml(specs.get(url)!).matchAll(/data-pagefind-filter="stage">([^<]*)</g)].map((m) => m[1]).sort();
    for (const m of data.models) expect(stageFilters(m.url), m.url).toEqual([...new Set(m.stages)].sort());
    const mixed = data.models.find((m) => new Set(m.stages).size > 1);
    expect(mixed, "a sample model with versions in two stages").toBeDefined();
    for (const c of data.components) {
      const page = data.componentVersions.filter((v) => v.component.url === c.url);
      const stages = new Set(page.map((v) => v.release?.stage).filter((st) => st !== undefined));
      for (const st of stages) expect(stageFilters(c.url), `${c.url} ${st}`).toContain(st);
    }
  });

  it("say in a version's section only what its entity's record does not", () => {
    const repeated: string[] = [];
    for (const spec of specs.values()) {
      const facts = entityFacts(spec);
      for (const s of spec.sections.filter((x) => x.id?.startsWith("version-")))
        for (const line of s.lines ?? [])
          for (const part of line?.split(" · ") ?? [])
            if (facts.has(part)) repeated.push(`${spec.url}#${s.id}: ${part}`);
    }
    expect(repeated).toEqual([]);
  });

  it("keep what only a version says: an older image, a model version's experiment", () => {
    const kaniko = specs.get("/hub/polyaxon/kaniko/")!;
    expect(kaniko.sections.find((s) => s.id === "version-0.19.0")?.lines).toContain(
      "Image: gcr.io/kaniko-project/executor:v0.19.0",
    );
    const withExperiment = data.modelVersions.filter((v) => v.lineage.experiment);
    expect(withExperiment.length).toBeGreaterThan(3);
    for (const v of withExperiment) {
      const text = JSON.stringify(specs.get(v.model.url));
      expect(text, v.url).toContain(v.lineage.experiment!.label);
    }
  });
});

describe("parameters and commits in records", () => {
  it("name parameters in a list, not as a run of bare keys, and give a commit its short hash", () => {
    const lines = [...specs.values()]
      .flatMap((s) => [...s.lead, ...s.sections.flatMap((x) => x.lines ?? [])])
      .filter((l): l is string => Boolean(l));
    expect(lines.filter((l) => l === "max_depth")).toEqual([]);
    expect(lines.some((l) => /^Parameters: (\w+, )*max_depth\b/.test(l))).toBe(true);
    expect(lines.filter((l) => /[0-9a-f]{40}/.test(l))).toEqual([]);
    expect(lines.some((l) => /Commit: [0-9a-f]{7}\b/.test(l))).toBe(true);
  });
});

describe("a record's HTML", () => {
  const spec = (sections: SearchRecordSpec["sections"]): SearchRecordSpec => ({
    url: "/x/",
    title: "x",
    filters: { kind: "Component" },
    lead: ["A component."],
    sections,
  });

  it.each([
    ["leaves out a section with nothing to say", { id: "readme-title", heading: "README" }, false],
    [
      "keeps a version's section with no text: its heading names it",
      { id: "version-1.0", heading: "Version 1.0", named: true },
      true,
    ],
    ["keeps a section with text", { id: "inputs", heading: "Inputs", lines: ["lr (float, required)"] }, true],
  ])("%s", (_what, section, kept) => {
    expect(recordHtml(spec([section])).includes(`<h2 id="${section.id}">`)).toBe(kept);
  });

  it("weighs a lighter section's words less, its heading included", () => {
    const html = recordHtml(spec([{ id: "version-1.0", heading: "Version 1.0", lines: ["Notes."], weight: 0.5 }]));
    expect(html).toContain('<div data-pagefind-weight="0.5"><h2 id="version-1.0">Version 1.0</h2><p>Notes.</p></div>');
  });
});
