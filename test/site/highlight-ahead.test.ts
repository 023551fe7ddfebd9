/**
 * The pages' YAML highlighted in a worker thread while Astro renders: a page
 * gets exactly the HTML it would make itself, and a block the worker has not
 * done yet is left to the page. Runs the compiled worker (`npm run compile`).
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { schemaCheck } from "../../src/checks/schema.js";
import { validateCatalog } from "../../src/validate.js";
import { HIGHLIGHT_WORKER_PATH } from "../../src/runtime/locations.js";
import { startHighlightAhead, yamlBlocks } from "../../src/site-build/highlight-ahead.js";
import { aheadRegistry, highlightYaml, type AheadHighlights } from "../../src/site-build/highlight.js";
import { inShard } from "../../src/site-data/shard.js";
import type { SiteData } from "../../src/site-data/types.js";
import { BASE, loadFiles } from "../helpers/catalog.js";

function siteData(): SiteData {
  const { catalog, diagnostics } = loadFiles(BASE);
  expect(diagnostics).toEqual([]);
  validateCatalog(catalog, [schemaCheck]);
  return buildSiteData(catalog, { now: new Date("2026-02-01T00:00:00Z") });
}

/** What the pages of `data` find (site/src/highlight.ts looks it up the same way). */
function pagesView(data: SiteData): AheadHighlights | undefined {
  return aheadRegistry().get(data);
}

describe("YAML highlighted ahead of the pages", () => {
  it("lists the source file and the operations every page shows, once per page that shows them", () => {
    const data = siteData();
    const blocks = yamlBlocks(data);
    const version = data.componentVersions[0]!;
    const experiment = data.experiments[0]!;
    const modelVersion = data.modelVersions[0]!;
    expect(blocks).toContain(version.sourceYaml);
    expect(blocks).toContain(version.snippet);
    expect(blocks).toContain(experiment.sourceYaml);
    expect(blocks).toContain(modelVersion.sourceYaml);
    if (modelVersion.reproduce.ok) expect(blocks).toContain(modelVersion.reproduce.snippet);
    // The component's page shows its current version's source and snippet too.
    const current = data.components.find((c) => c.current?.key === version.key)?.current;
    if (current) expect(blocks.filter((b) => b === version.sourceYaml).length).toBeGreaterThanOrEqual(2);
  });

  it("lists only the blocks of a sharded build's part", () => {
    const data = siteData();
    const whole = yamlBlocks(data);
    const parts = [1, 2].map((index) => yamlBlocks({ ...data, meta: { ...data.meta, shard: { index, count: 2 } } }));
    // Each page's blocks are in one part exactly.
    expect([...parts[0]!, ...parts[1]!].sort()).toEqual([...whole].sort());
    const pages = [...data.experiments, ...data.operations, ...data.projectComponents, ...data.modelVersions];
    for (const page of pages)
      expect(parts[0]!.includes(page.sourceYaml) || !inShard({ index: 1, count: 2 }, page.url)).toBe(true);
  });

  it("gives each page exactly the HTML it would make itself, then lets the block go", async () => {
    expect(existsSync(HIGHLIGHT_WORKER_PATH), "run npm run compile first").toBe(true);
    const data = siteData();
    const ahead = startHighlightAhead();
    try {
      const sent = ahead.supply(data);
      const blocks = yamlBlocks(data);
      expect(sent).toBe(new Set(blocks).size);
      await ahead.settled();
      const view = pagesView(data)!;
      for (const code of blocks) expect(view.take(code)).toEqual(highlightYaml(code));
      // Every page took its blocks: nothing is kept.
      for (const code of blocks) expect(view.take(code)).toBeUndefined();
      expect(view.take("kind: not-listed\n")).toBeUndefined();
    } finally {
      await ahead.stop();
    }
    expect(pagesView(data)).toBeUndefined();
  });

  it("leaves a block the worker has not done yet to the page", async () => {
    const data = siteData();
    const ahead = startHighlightAhead();
    try {
      ahead.supply(data);
      const view = pagesView(data)!;
      // Taken at once, before any reply can have arrived: the page highlights it itself.
      const first = yamlBlocks(data)[0]!;
      const uses = yamlBlocks(data).filter((b) => b === first).length;
      for (let i = 0; i < uses; i++) expect(view.take(first)).toBeUndefined();
      await ahead.settled();
      expect(view.take(first)).toBeUndefined();
    } finally {
      await ahead.stop();
    }
  });
});
