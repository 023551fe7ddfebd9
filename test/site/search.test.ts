/// <reference lib="dom" />
/**
 * Search on the sample catalog (catalog/), as a reader uses it in Chromium:
 * the page a query names comes first, a component or model once (its
 * versions as sections of its result), excerpts read as sentences, and the
 * index made from the site data finds every page the old index (Pagefind
 * reading every rendered page) found, for every word those pages held: the
 * same page, or for a version's page its component's or model's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildSiteResult } from "../../src/site-build/build-site.js";
import { serveSite } from "../../src/site-build/serve.js";
import { searchRecordSpecs } from "../../src/site-data/search-records.js";
import { launchChromium, type Chromium } from "./browser.js";

const SAMPLE = join(import.meta.dirname, "../../catalog");
/**
 * The site's own words on a page, which the old index held too: column headers, and the messages
 * shown where something is missing ("No experiments recorded."). Searching them found every page.
 */
const FRAME_SELECTORS = ["thead", "caption", ".empty", ".notice", "p.muted"];

/** Where the index of the rendered pages goes (the way every build indexed before). */
const PAGES_INDEX = "pagefind-pages";

let out: string;
let site: BuildSiteResult;
let server: Server;
let url: string;
let chrome: Chromium;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "mlcat-search-"));
  site = await buildSite({
    dir: SAMPLE,
    outDir: join(out, "site"),
    history: false,
    now: new Date("2026-02-10T00:00:00Z"),
  });
  if (!site.ok) throw new Error("the sample catalog did not build");
  // The old way: Pagefind reads every rendered page (their data-pagefind-body and -ignore markup is
  // unchanged), less the site's own words: table headers, and messages that say something is missing.
  const pagefind = await import("pagefind");
  const { index } = await pagefind.createIndex({ excludeSelectors: FRAME_SELECTORS });
  await index!.addDirectory({ path: site.outDir });
  await index!.writeFiles({ outputPath: join(site.outDir, PAGES_INDEX) });
  await pagefind.close();
  const served = await serveSite({ dir: site.outDir, basePath: "/", port: 0 });
  server = served.server;
  url = served.url;
  chrome = await launchChromium();
}, 180_000);

afterAll(async () => {
  await chrome?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Search on the search page and return the results' links, in order. */
async function resultLinks(page: Page, query: string): Promise<string[]> {
  await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, url).href);
  await page
    .locator("[data-search-status]")
    .filter({ hasText: /results? for/ })
    .waitFor({ timeout: 10_000 });
  return page.locator(".search-result-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

describe("search ranking", () => {
  it.each([
    ["a component's name", "kaniko", "/hub/polyaxon/kaniko/"],
    ["another component's name", "jupyter-notebook", "/hub/polyaxon/jupyter-notebook/"],
    ["a model's name", "fraud-scorer", "/registry/northwind/fraud-scorer/"],
    ["a model's name in words", "recs reranker", "/registry/northwind/recs-reranker/"],
    ["a person's name", "Maya Chen", "/users/maya-chen/"],
    ["a username", "omar-haddad", "/users/omar-haddad/"],
    ["a tag only one project has", "fairness", "/orgs/northwind-research/projects/ticket-triage/"],
  ])("puts the page %s names first (%s)", async (_what, query, expected) => {
    const page = await chrome.context.newPage();
    const links = await resultLinks(page, query);
    expect(links[0], `${query}: ${links.slice(0, 5).join(", ")}`).toBe(expected);
    await page.close();
  });

  it("finds a component once, not once per version", async () => {
    const page = await chrome.context.newPage();
    const links = await resultLinks(page, "kaniko");
    expect(links.filter((l) => l.startsWith("/hub/polyaxon/kaniko/"))).toEqual(["/hub/polyaxon/kaniko/"]);
    await page.close();
  });

  it("finds every version by its tag, as a section of its component's result that leads to its row", async () => {
    const versions = site.data!.componentVersions.filter((v) => v.component.label === "polyaxon/kaniko");
    expect(versions.length).toBeGreaterThan(3);
    const page = await chrome.context.newPage();
    await page.goto(new URL("search/", url).href);
    // Every version's tag, through Pagefind's API: the component's result has the version's row as a sub-result.
    const found = (await page.evaluate(`(async () => {
      const pf = await import("/pagefind/pagefind.js");
      const tags = ${JSON.stringify(versions.map((v) => v.tag))};
      const out = [];
      // One search at a time: Pagefind answers searches that overlap with the last one's results.
      for (const tag of tags) {
        const results = await Promise.all((await pf.search(tag)).results.map((r) => r.data()));
        const mine = results.find((r) => r.url === "/hub/polyaxon/kaniko/");
        out.push([tag, (mine?.sub_results ?? []).map((s) => s.url), results.map((r) => r.url)]);
      }
      return out;
    })()`)) as Array<[string, string[], string[]]>;
    for (const [tag, sections, all] of found) {
      expect(sections, tag).toContain(`/hub/polyaxon/kaniko/#version-${tag}`);
      expect(
        all.filter((u) => /^\/hub\/polyaxon\/kaniko\/[^#]+/.test(u)),
        tag,
      ).toEqual([]);
    }
    // A version only one has (its image's tag): the component comes first, the version's row under it.
    const links = await resultLinks(page, "0.19.0");
    expect(links[0]).toBe("/hub/polyaxon/kaniko/");
    const result = page.locator(".search-result").first();
    await result.locator('.search-subresult-link[href="/hub/polyaxon/kaniko/#version-0.19.0"]').click();
    await page.waitForURL(/#version-0\.19\.0$/);
    // The row it lands on leads to the version's page.
    await expect
      .poll(() => page.locator('[id="version-0.19.0"] a').getAttribute("href"))
      .toBe("/hub/polyaxon/kaniko/0.19.0/");
    await page.close();
  });
});

describe("search excerpts", () => {
  it("read as sentences: inputs with their type and description, not table cells run together", async () => {
    const page = await chrome.context.newPage();
    await resultLinks(page, "dockerfile");
    const text = await page.locator(".search-results").innerText();
    expect(text).toContain("context (str, optional): A directory containing a Dockerfile");
    expect(text).not.toMatch(/NameType|TypeDefault|DefaultOptional|OptionalDescription/);
    // The whole sentence, from its start, once; the section's heading is its link, not repeated in its text.
    const kaniko = page.locator(".search-result").first();
    expect(await kaniko.locator(".search-result-excerpt").allInnerTexts()).toEqual([
      "context (str, optional): A directory containing a Dockerfile which kaniko will use to build your image, default is artifacts path.",
    ]);
    expect(await kaniko.locator(".search-subresult-link").allInnerTexts()).toEqual(["Inputs"]);
    await page.close();
  });

  it("start at a sentence, mark the word without its punctuation, and say nothing twice", async () => {
    const page = await chrome.context.newPage();
    await resultLinks(page, "kaniko");
    const kaniko = page.locator(".search-result").first();
    const excerpts = await kaniko.locator(".search-result-excerpt").allInnerTexts();
    expect(excerpts[0]).toMatch(/^Build container images in Kubernetes with Kaniko\./);
    expect(excerpts.filter((e) => e.includes("A directory containing a Dockerfile"))).toHaveLength(1);
    expect(new Set(excerpts).size).toBe(excerpts.length);
    const marks = await page.locator(".search-results mark").allInnerTexts();
    expect(marks).toContain("Kaniko");
    expect(marks.filter((m) => /[.,:;]$/.test(m))).toEqual([]);
    await page.close();
  });
});

describe("search results for 'fraud'", () => {
  it("mark only the part of a word that matched, list parameters rather than run bare keys together, show commits short", async () => {
    const page = await chrome.context.newPage();
    await resultLinks(page, "fraud");
    const marks = await page.locator(".search-results mark").allInnerTexts();
    expect(marks.length).toBeGreaterThan(3);
    // Not a whole path or `is_fraud`: the mark is the matched part.
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^fraud[a-z]*$/);
    const text = (await page.locator(".search-results").innerText()).split("\n");
    // No parameter list of bare keys ("max_depth. learning_rate."), no 40-character commit hash.
    expect(text.filter((l) => /\b[a-z]+_[a-z_]+\. [a-z]+_[a-z_]+\./.test(l))).toEqual([]);
    expect(text.filter((l) => /[0-9a-f]{40}/.test(l))).toEqual([]);
    await page.close();
  });
});

describe("the search index made from the site data", () => {
  /** The words of a text a reader would search for: letters only, three or more of them. */
  function wordsOf(text: string): string[] {
    return text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && /^\p{L}+$/u.test(w));
  }

  /** Every word of the catalog's own text: the values of every file and every README, as the JSON API holds them. */
  function catalogWords(): Set<string> {
    const words = new Set<string>();
    const visit = (value: unknown): void => {
      if (typeof value === "string") for (const w of wordsOf(value)) words.add(w);
      else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") Object.values(value).forEach(visit);
    };
    for (const file of site.data!.files) {
      if (!file.path.startsWith("api/") || file.path === "api/index.json") continue;
      const entity = JSON.parse(file.body) as { data: unknown; readme?: string };
      visit([entity.data, entity.readme]);
    }
    return words;
  }

  /**
   * The site's own words (labels, headings, messages), from the text of its templates. The old
   * index found every page that shows a label through it ("history", "usage", "source"), so a word
   * the catalog and the templates share says nothing about what a page holds.
   */
  function frameWords(): Set<string> {
    const src = join(import.meta.dirname, "../../site/src");
    const words = new Set<string>();
    for (const file of readdirSync(src, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || !file.name.endsWith(".astro")) continue;
      const markup = readFileSync(join(file.parentPath, file.name), "utf8").split(/^---$/m).at(-1)!;
      for (const m of markup.matchAll(/[>}]([^<>{}]+)[<{]|"([^"{}<>]*)"/g))
        for (const w of wordsOf(m[1] ?? m[2] ?? "")) words.add(w);
    }
    return words;
  }

  /**
   * Whether Pagefind would match `word` to a word of the frame: it matches words that start
   * with the query's stem (approximated here by all but its last three letters, four at least).
   */
  function matchesFrame(word: string, frame: Set<string>): boolean {
    const stem = word.slice(0, Math.max(4, word.length - 3));
    for (const f of frame) if (f.startsWith(stem)) return true;
    return false;
  }

  /** The words of each page as the old index holds them (a query finds a page through a word that starts with it). */
  function oldPageWords(): Map<string, string[]> {
    const dir = join(site.outDir, PAGES_INDEX, "fragment");
    const pages = new Map<string, string[]>();
    for (const file of readdirSync(dir)) {
      const { url, content } = JSON.parse(
        gunzipSync(readFileSync(join(dir, file)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      ) as { url: string; content: string };
      pages.set(url, content.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    }
    return pages;
  }

  it("finds, for every word of the catalog's text, every page the old index found", async () => {
    const frame = frameWords();
    const words = [...catalogWords()].filter((w) => !matchesFrame(w, frame)).sort();
    expect(words.length).toBeGreaterThan(800);
    const oldPages = oldPageWords();
    // A version's page has no record of its own: its words are found on its component's or model's page.
    const entityOf = Object.fromEntries([
      ...site.data!.componentVersions.map((v) => [v.url, v.component.url]),
      ...site.data!.modelVersions.map((v) => [v.url, v.model.url]),
    ]);
    expect(Object.keys(entityOf).length).toBeGreaterThan(20);
    const page = await chrome.context.newPage();
    await page.goto(new URL("search/", url).href);
    // Written as text: the test runner rewrites import() in functions it compiles, and this runs in the page.
    const { out: missed, pairs } = (await page.evaluate(`(async () => {
      const words = ${JSON.stringify(words)};
      const entityOf = ${JSON.stringify(entityOf)};
      const load = async (path) => {
        const pf = await import(path);
        await pf.options({ excerptLength: 10 });
        return pf;
      };
      const [now, before] = await Promise.all([load("/pagefind/pagefind.js"), load("/${PAGES_INDEX}/pagefind.js")]);
      const urls = async (pf, q) => new Set(await Promise.all((await pf.search(q)).results.map(async (r) => (await r.data()).url)));
      const out = [];
      let pairs = 0;
      // One search at a time: Pagefind answers searches that overlap with the last one's results.
      for (const w of words) {
        const a = await urls(now, w);
        const b = await urls(before, w);
        pairs += b.size;
        for (const u of b) if (!a.has(entityOf[u] ?? u)) out.push(w + ": " + u);
      }
      return { out, pairs };
    })()`)) as { out: string[]; pairs: number };
    // Every word was looked up on its own: the old index found pages for (nearly) all of them.
    expect(pairs).toBeGreaterThan(words.length);
    // Where the old page had no word starting with the query, Pagefind had fallen back to a shorter
    // word ("azure" for "azuresdk"); the new index has the word itself, on the page that holds it.
    const real = missed.filter((m) => {
      const [word, url] = m.split(": ") as [string, string];
      return (oldPages.get(url) ?? []).some((w) => w.startsWith(word));
    });
    expect(real).toEqual([]);
    await page.close();
  }, 300_000);

  it("links each matching section to a heading the page has", () => {
    const missing: string[] = [];
    for (const spec of searchRecordSpecs(site.data!)) {
      const html = readFileSync(join(site.outDir, spec.url, "index.html"), "utf8");
      for (const s of spec.sections) if (s.id && !html.includes(` id="${s.id}"`)) missing.push(`${spec.url}#${s.id}`);
    }
    expect(missing).toEqual([]);
  });
});
