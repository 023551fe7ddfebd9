/// <reference lib="dom" />
/**
 * Search on the sample catalog (catalog/), as a reader uses it in Chromium:
 * the page a query names comes first, excerpts read as sentences, and the
 * index made from the site data finds every page the old index (Pagefind
 * reading every rendered page) found, for every word those pages held.
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

  it("still finds every version, below its component", async () => {
    const page = await chrome.context.newPage();
    const links = await resultLinks(page, "kaniko");
    const versions = site
      .data!.componentVersions.filter((v) => v.component.label === "polyaxon/kaniko")
      .map((v) => v.url);
    expect(versions.length).toBeGreaterThan(3);
    for (const v of versions) expect(links.indexOf(v)).toBeGreaterThan(0);
    // A version's result says whose version it is.
    const version = page.locator(".search-result", { has: page.locator(`a[href="${versions[0]}"]`) });
    expect(await version.locator(".search-result-context").innerText()).toContain("of polyaxon/kaniko");
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
    const page = await chrome.context.newPage();
    await page.goto(new URL("search/", url).href);
    // Written as text: the test runner rewrites import() in functions it compiles, and this runs in the page.
    const missed = (await page.evaluate(`(async () => {
      const words = ${JSON.stringify(words)};
      const load = async (path) => {
        const pf = await import(path);
        await pf.options({ excerptLength: 10 });
        return pf;
      };
      const [now, before] = await Promise.all([load("/pagefind/pagefind.js"), load("/${PAGES_INDEX}/pagefind.js")]);
      const urls = async (pf, q) => new Set(await Promise.all((await pf.search(q)).results.map(async (r) => (await r.data()).url)));
      const out = [];
      for (let i = 0; i < words.length; i += 25) {
        await Promise.all(words.slice(i, i + 25).map(async (w) => {
          const [a, b] = await Promise.all([urls(now, w), urls(before, w)]);
          for (const u of b) if (!a.has(u)) out.push(w + ": " + u);
        }));
      }
      return out;
    })()`)) as string[];
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
