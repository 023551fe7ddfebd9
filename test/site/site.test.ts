/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The built site, in real headless Chromium (Debian's chromium, driven by
 * playwright-core) and on disk. One fixture catalog, built once for each
 * audience; screenshots of key pages go to .tmp/screenshots/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../site/src/csp.js";
import { serveSite } from "../../src/site-build/serve.js";
import { launchChromium, type Chromium } from "./browser.js";
import { buildFixtureSites, PRIVATE_NAMES, type FixtureSites } from "./fixture.js";

const SHOTS = join(import.meta.dirname, "../../.tmp/screenshots");
/** How pages report a Content-Security-Policy violation to the tests (on the console). */
const CSP_VIOLATION = "csp-violation:";

let sites: FixtureSites;
let chrome: Chromium;
let internalUrl: string;
let publicUrl: string;
const servers: Server[] = [];

beforeAll(async () => {
  sites = await buildFixtureSites();
  const a = await serveSite({ dir: sites.internal.dir, basePath: "/", port: 0 });
  const b = await serveSite({ dir: sites.public.dir, basePath: "/pub/", port: 0 });
  servers.push(a.server, b.server);
  internalUrl = a.url;
  publicUrl = b.url;
  chrome = await launchChromium();
  // Every page reports what its Content-Security-Policy refused (init scripts run outside the policy).
  await chrome.context.addInitScript((prefix: string) => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (e) => {
      const message = `${prefix} ${e.effectiveDirective} ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`;
      seen.push(message);
      console.error(message);
    });
  }, CSP_VIOLATION);
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await chrome?.close();
  for (const s of servers) s.close();
  sites?.cleanup();
});

/**
 * A new page that collects script errors, dialogs (an XSS would open one or set a flag)
 * and Content-Security-Policy violations into `errors`.
 */
async function open(path: string, base = internalUrl): Promise<{ page: Page; errors: string[] }> {
  const page = await chrome.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.text().startsWith(CSP_VIOLATION) || m.text().includes("Content Security Policy")) errors.push(m.text());
  });
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Nothing leaves the machine: outside requests are refused.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(new URL(path.replace(/^\//, ""), base).href);
  return { page, errors };
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** The checkbox of `value` in the search page's filter `group` (matched exactly: values are shown as written). */
function filterBox(page: Page, group: string, value: string): Locator {
  const exactly = (text: string) => new RegExp("^" + text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "$");
  return page
    .locator("[data-search-groups] fieldset")
    .filter({ has: page.locator("legend", { hasText: exactly(group) }) })
    .locator("label")
    .filter({ has: page.locator(".filter-value", { hasText: exactly(value) }) })
    .locator("input");
}

/** Wait until the search page's status (its live region) matches `text`; returns what it says. */
async function searchStatus(page: Page, text: RegExp): Promise<string> {
  const status = page.locator("[data-search-status]").filter({ hasText: text });
  await status.waitFor({ timeout: 10_000 });
  return status.innerText();
}

/** Every file under `dir`, relative paths. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

describe("browsing", () => {
  it("goes from home to the hub, to a component, to one of its versions", async () => {
    const { page, errors } = await open("/");
    expect(await page.locator("h1").innerText()).toBe("Acme ML Catalog");
    await shot(page, "home");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Hub" }).click();
    await page.waitForURL(/\/hub\/$/);
    await shot(page, "hub");
    await page.getByRole("link", { name: "acme/train", exact: true }).click();
    await page.waitForURL(/\/hub\/acme\/train\/$/);
    expect(await page.locator("h1").innerText()).toContain("acme/train");
    expect(await page.locator("#usage-snippet").innerText()).toContain("hubRef: acme/train:1.1.0");
    expect(await page.locator("#inputs table").innerText()).toContain("Learning rate.");
    // Inputs and outputs say the same way whether each is required.
    for (const table of ["#inputs table", "#outputs table"]) {
      const cells = await page.locator(`${table} td.required-cell`).allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      expect(
        cells.every((c) => c === "required" || c === "optional"),
        `${table}: ${cells.join(", ")}`,
      ).toBe(true);
    }
    await shot(page, "component");
    await page.locator("#versions").getByRole("link", { name: "1.0.0", exact: true }).click();
    await page.waitForURL(/\/hub\/acme\/train\/1\.0\.0\/$/);
    expect(await page.locator("h1").innerText()).toContain("train:1.0.0");
    expect(await page.locator("h1 .badge").innerText()).toBe("production");
    expect(await page.locator("#usage-snippet").innerText()).toContain("hubRef: acme/train:1.0.0");
    expect(await page.locator("main").innerText()).toContain("churn/run-1");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("goes from a project to its operation, and from there to the hub version it runs", async () => {
    const { page, errors } = await open("/orgs/acme/projects/churn/");
    await page.getByRole("region", { name: "Operations" }).getByRole("link", { name: "nightly", exact: true }).click();
    await page.waitForURL(/\/orgs\/acme\/projects\/churn\/operations\/nightly\/$/);
    expect(await page.locator("h1").innerText()).toBe("nightly");
    expect(await page.locator(".lead").innerText()).toBe("Retrain the churn model every night on the day's table.");
    expect(await page.locator("#params-title + * ").innerText()).toContain("s3://acme-data/churn/daily.parquet");
    expect(await page.locator("main").innerText()).toContain("kind: operation");
    expect(await page.locator(".operation-runs").innerText()).toBe("Runs the hub component acme/train:1.1.0");
    await page.locator(".operation-runs").getByRole("link", { name: "acme/train:1.1.0" }).click();
    await page.waitForURL(/\/hub\/acme\/train\/1\.1\.0\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds a component with search, filterable by kind", async () => {
    const { page, errors } = await open("/search/");
    await page.getByLabel("Words to search for").fill("train");
    await searchStatus(page, /results? for “train”/);
    const result = page.locator(".search-result-link", { hasText: /^acme\/train$/ });
    expect(await result.getAttribute("href")).toBe("/hub/acme/train/");
    const before = await page.locator(".search-result-head .badge").allInnerTexts();
    expect(new Set(before).size).toBeGreaterThan(1);
    await filterBox(page, "Kind", "Component").check();
    await searchStatus(page, /with 1\sfilter/);
    const kinds = await page.locator(".search-result-head .badge").allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(["Component"]));
    expect(kinds.length).toBeLessThan(before.length);
    expect(page.url()).toMatch(/\?q=train&kind=Component$/);
    await shot(page, "search");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters the registry by stage, and keeps the filter in the URL", async () => {
    const { page, errors } = await open("/registry/");
    const cards = page.locator("[data-item]");
    expect(await cards.count()).toBe(2);
    await page.locator('.facets input[name="stage"][value="production"]').check();
    expect(page.url()).toMatch(/\?stage=production$/);
    expect(await page.locator("[data-item]:visible h3").allInnerTexts()).toEqual([
      expect.stringContaining("acme/churn-model"),
    ]);
    expect(await page.locator("[data-result-count]").innerText()).toBe("1 of 2 shown");
    await shot(page, "registry-production");
    await page.goto(new URL("registry/?stage=testing", internalUrl).href);
    expect(await page.locator("[data-item]:visible h3").allInnerTexts()).toEqual([
      expect.stringContaining("acme/stealth-model"),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("puts each stage badge beside its own version in the registry list, with the version's aliases", async () => {
    const { page, errors } = await open("/registry/");
    const card = page.locator("[data-item]").filter({ hasText: "acme/churn-model" });
    expect(await card.locator("h3 .badge[class*=stage-]").count()).toBe(0);
    expect(await card.locator('[data-version="1.0.0"]').innerText()).toMatch(/1\.0\.0\s+production\s+@champion/);
    expect(await card.locator('[data-version="1.1.0"]').innerText()).toMatch(/1\.1\.0\s+staging\s+@challenger/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows what to use on the model page: the production and aliased versions, how to load them, how to reproduce them", async () => {
    const { page, errors } = await open("/registry/acme/churn-model/");
    const entries = page.locator("#use [data-use-version]");
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-use-version")))).toEqual([
      "1.0.0",
      "1.1.0",
    ]);
    // Each version is a fold headed by its tag, stage and aliases (said once); the first is open, the rest folded.
    const champion = entries.first();
    expect((await champion.locator("summary h3").innerText()).trim()).toMatch(/^1\.0\.0\s+production\s+@champion$/);
    expect((await entries.nth(1).locator("summary h3").innerText()).trim()).toMatch(
      /^1\.1\.0\s+staging\s+@challenger$/,
    );
    expect(await entries.evaluateAll((els) => els.map((e) => (e as HTMLDetailsElement).open))).toEqual([true, false]);
    // Catalog text stays text: the load snippet's "<model.json>" is shown, not parsed as markup.
    expect(await champion.locator("[data-flavor=python]").innerText()).toContain('booster.load_model("<model.json>")');
    // The reproduce operation is folded too, one click away.
    expect(await champion.locator("code.language-yaml").isVisible()).toBe(false);
    await champion.locator(".use-reproduce summary").click();
    expect(await champion.locator("code.language-yaml").innerText()).toContain(
      "revision: 0123456789abcdef0123456789abcdef01234567",
    );
    const rows = page.locator('section[aria-labelledby="versions-title"] tbody tr');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^1\.1\.0\s+@challenger\s/),
      expect.stringMatching(/^1\.0\.0\s+@champion\s/),
    ]);
    await shot(page, "model-use");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a model version's lineage, and its experiment node links to the experiment", async () => {
    const { page, errors } = await open("/registry/acme/churn-model/1.0.0/");
    const graph = page.locator("svg.lineage-graph.lineage-wide");
    expect(await graph.isVisible()).toBe(true);
    expect(await graph.locator('[data-node="component"]').getAttribute("href")).toBe("/hub/acme/train/1.0.0/");
    expect(await page.locator("#reproduce-snippet").innerText()).toContain("hubRef: acme/train:1.0.0");
    await shot(page, "model-version");
    await graph.locator('a[data-node="experiment"]').click();
    await page.waitForURL(/\/orgs\/acme\/projects\/churn\/experiments\/run-1\/$/);
    expect(await page.locator("h1").innerText()).toContain("run-1");
    expect(await page.locator("main").innerText()).toContain("churn-model:1.0.0");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders a README full of XSS vectors inertly: nothing runs", async () => {
    for (const path of ["/hub/acme/xss-demo/", "/hub/acme/xss-demo/0.1.0/"]) {
      const { page, errors } = await open(path);
      expect(await page.locator("h1").innerText()).toContain("xss-demo");
      const prose = page.locator(".prose");
      if (path.endsWith("xss-demo/")) {
        expect(await prose.innerText()).toContain("hover me");
        await prose.getByText("hover me").hover();
        await prose.getByText("styled div").hover();
        await prose.getByText("javascript link", { exact: true }).click();
        await prose.getByText("details", { exact: true }).click();
        await shot(page, "xss-demo");
      }
      const report = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const all = [...main.querySelectorAll("*")];
        return {
          flag: (window as unknown as { __xss?: unknown }).__xss,
          title: document.title,
          scripts: main.querySelectorAll("script").length,
          dangerous: main.querySelectorAll(
            ".prose iframe, .prose object, .prose embed, .prose svg, .prose form, .prose style, .prose math",
          ).length,
          handlers: all.flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}@${a.name}`),
          ),
          styles: main.querySelectorAll(".prose [style]").length,
          badUrls: all.flatMap((el) =>
            ["href", "src", "action", "data"]
              .map((n) => el.getAttribute(n) ?? "")
              .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)),
          ),
        };
      });
      expect(report).toEqual({
        flag: undefined,
        title: expect.not.stringContaining("pwned"),
        scripts: 0,
        dangerous: 0,
        handlers: [],
        styles: 0,
        badUrls: [],
      });
      expect(page.url()).toContain(path);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("names members by the GitHub login a contributor requests review from", async () => {
    const { page, errors } = await open("/users/carol/");
    expect(await page.locator(".meta-row").innerText()).toContain("GitHub @carol-d");
    await page.goto(new URL("orgs/acme/", internalUrl).href);
    const members = await page.locator("table").filter({ hasText: "Member" }).first().innerText();
    expect(members).toContain("@carol-d");
    expect(members).not.toMatch(/@carol(?!-d)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("looks right in the dark theme and on a phone", async () => {
    const { page } = await open("/orgs/acme/");
    await page.locator("#theme-toggle").click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await page.locator("table.matrix").innerText()).toContain("Manage the registry");
    await shot(page, "org-dark");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL("hub/acme/train/", internalUrl).href);
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    await shot(page, "component-phone");
    // Nothing sticks out sideways, except inside scrolling boxes (tables, code).
    const overflowing = await page.evaluate(() => {
      const width = window.innerWidth;
      const scrolls = (el: Element) => {
        for (let a = el.parentElement; a; a = a.parentElement)
          if (["auto", "scroll", "hidden"].includes(getComputedStyle(a).overflowX)) return true;
        return false;
      };
      return Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    });
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it("offers a skip link, landmarks and one h1 on every key page", async () => {
    for (const path of [
      "/",
      "/hub/",
      "/registry/",
      "/hub/acme/train/",
      "/registry/acme/churn-model/",
      "/orgs/acme/",
      "/users/alice/",
      "/schema/",
    ]) {
      const { page } = await open(path);
      await page.keyboard.press("Tab");
      expect(await page.locator(":focus").innerText()).toBe("Skip to content");
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.locator("header, nav[aria-label='Main'], main, footer").count()).toBe(4);
      await page.close();
    }
  });
});

describe("the search page", () => {
  /** The fixture's hostile values (test/fixtures/site-catalog: experiment forecast-xss, user mallory). */
  const MALLORY = '"><svg onload=alert(5)>Mallory <img src=x onerror=alert(6)>';
  const TAGS = ["<img src=x onerror=alert(document.domain)>", '"><svg onload=alert(1)>', "javascript:alert(1)"];

  /** What catalog text must never become in a page: a flag set by script, injected elements, event-handler attributes, script URLs. */
  async function injected(page: Page) {
    return page.evaluate(() => ({
      flag: (window as unknown as { __xss?: unknown }).__xss,
      elements: [...document.querySelectorAll("img[src='x'], main svg, iframe, object, embed, script:not([src])")].map(
        (el) => el.outerHTML.slice(0, 80),
      ),
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName}@${a.name}`),
      ),
      scriptUrls: [...document.querySelectorAll("[href], [src], [action]")]
        .flatMap((el) => ["href", "src", "action"].map((n) => el.getAttribute(n) ?? ""))
        .filter((v) => /^\s*javascript:/i.test(v)),
    }));
  }
  const CLEAN = { flag: undefined, elements: [], handlers: [], scriptUrls: [] };

  it("shows a public build's hostile titles, excerpts and tags as text through every filter: nothing runs, nothing is injected", async () => {
    const { page, errors } = await open("search/?q=forecast", publicUrl);
    await searchStatus(page, /results? for “forecast”\.$/);
    expect(await page.locator(".search-result-title").allInnerTexts()).toContain(MALLORY);
    const experiment = page.locator(".search-result", {
      has: page.locator(".search-result-link", { hasText: "forecast-xss" }),
    });
    expect(await experiment.locator(".search-result-link").getAttribute("href")).toBe(
      "/pub/orgs/acme/projects/churn/experiments/forecast-xss/",
    );
    expect(await experiment.locator(".search-result-head .badge").innerText()).toBe("Experiment");
    expect(await experiment.locator(".search-result-excerpt").innerText()).toContain(
      'probe <img src=x onerror=alert(document.domain)> then "><svg onload=alert(2)>',
    );
    expect(await experiment.locator(".search-result-excerpt mark").first().innerText()).toMatch(/forecast/i);
    const project = page.locator(".search-result", {
      has: page.locator(".search-result-link", { hasText: /^acme\/churn$/ }),
    });
    expect(await project.locator(".search-subresult-link").first().getAttribute("href")).toMatch(
      /^\/pub\/orgs\/acme\/projects\/churn\/#.+/,
    );
    const tags = page
      .locator("[data-search-groups] fieldset")
      .filter({ has: page.locator("legend", { hasText: /^Tag$/ }) });
    expect(await tags.locator(".filter-value").allInnerTexts()).toEqual(expect.arrayContaining(TAGS));
    expect(await injected(page)).toEqual(CLEAN);

    for (const tag of TAGS) {
      await filterBox(page, "Tag", tag).check();
      await searchStatus(page, /^1\sresult for “forecast” with 1\sfilter\.$/);
      expect(await page.locator(".search-result-link").allInnerTexts()).toEqual([
        expect.stringContaining("forecast-xss"),
      ]);
      expect(new URL(page.url()).searchParams.getAll("tag")).toEqual([tag]);
      await filterBox(page, "Tag", tag).uncheck();
      await searchStatus(page, /results? for “forecast”\.$/);
    }

    // A query whose results carry every filter: kind, organization, tag and stage.
    await page.getByLabel("Words to search for").fill("acme");
    await searchStatus(page, /results? for “acme”\.$/);
    expect(await page.locator("[data-search-groups] legend:visible").allInnerTexts()).toEqual([
      "Kind",
      "Organization",
      "Tag",
      "Stage",
    ]);
    await filterBox(page, "Kind", "Experiment").check();
    await searchStatus(page, /with 1\sfilter\.$/);
    await filterBox(page, "Organization", "acme").check();
    await searchStatus(page, /with 2\sfilters\.$/);
    await filterBox(page, "Tag", TAGS[1]!).check();
    await searchStatus(page, /^1\sresult for “acme” with 3\sfilters\.$/);
    expect(await page.locator(".search-result-link").allInnerTexts()).toEqual([
      expect.stringContaining("forecast-xss"),
    ]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await searchStatus(page, /results? for “acme”\.$/);
    await filterBox(page, "Stage", "production").check();
    await searchStatus(page, /with 1\sfilter\.$/);
    const kinds = new Set(await page.locator(".search-result-head .badge").allInnerTexts());
    expect([...kinds].filter((k) => !["Component", "Model"].includes(k))).toEqual([]);
    expect(await injected(page)).toEqual(CLEAN);

    // The query itself is shown as text too.
    await page.goto(new URL(`search/?q=${encodeURIComponent(TAGS[0]!)}`, publicUrl).href);
    expect(await searchStatus(page, /for “/)).toContain(`for “${TAGS[0]}”`);
    expect(await injected(page)).toEqual(CLEAN);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works from the keyboard, announces its counts, pages long result lists, and says when there is no index", async () => {
    const { page, errors } = await open("/search/");
    // The box has the focus once the page's script runs: typing searches.
    await page.waitForFunction(() => document.activeElement?.id === "search-input");
    await page.keyboard.type("churn");
    await page.keyboard.press("Enter");
    await searchStatus(page, /results? for “churn”\.$/);
    expect(await page.locator("[data-search-status]").getAttribute("role")).toBe("status");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("checkbox");
    await page.keyboard.press("Space");
    await searchStatus(page, /for “churn” with 1\sfilter\.$/);

    await page.goto(new URL("search/?organization=acme", internalUrl).href);
    const total = Number((await searchStatus(page, /^\d+\sresults with 1\sfilter\.$/)).split(/\s/)[0]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator(".search-result").count()).toBe(10);
    await page.getByRole("button", { name: "Show more results" }).click();
    await page.locator(".search-result").nth(10).waitFor();
    expect(await page.locator(".search-result").count()).toBe(Math.min(total, 20));
    expect(errors).toEqual([]);
    await page.close();

    const bare = await chrome.context.newPage();
    await bare.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "not found" }));
    await bare.goto(new URL("search/?q=train", internalUrl).href);
    await bare.locator("[data-search-missing]").waitFor({ state: "visible" });
    expect(await bare.locator("[data-search-missing]").innerText()).toContain("not available in mlcat dev");
    expect(await bare.getByLabel("Words to search for").isDisabled()).toBe(true);
    await bare.close();
  });

  it.each([390, 1280])(
    "at %i px wide shows results without overflowing the page, in the light and dark themes",
    async (width) => {
      const { page, errors } = await open("/");
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      for (const theme of ["light", "dark"] as const) {
        await page.evaluate((t) => localStorage.setItem("mlcat-theme", t), theme);
        await page.goto(new URL("search/?q=forecast", internalUrl).href);
        expect(await page.locator("html").getAttribute("data-theme")).toBe(theme);
        await searchStatus(page, /results? for “forecast”\.$/);
        const first = await page.locator(".search-result").first().boundingBox();
        expect(first && first.x >= 0 && first.x + first.width <= width && first.y < 900).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // The filters are open beside the results on a desktop, and one tap away above them on a phone.
        const filters = page.locator("[data-search-filters]");
        expect(await filters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(width > 900);
        if (width <= 900) await filters.locator("summary").click();
        await filterBox(page, "Kind", "Experiment").check();
        await searchStatus(page, /with 1\sfilter\.$/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await shot(page, `search-${width}-${theme}`, true);
      }
      await page.evaluate(() => localStorage.removeItem("mlcat-theme"));
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe("the Content-Security-Policy", () => {
  it.each(["internal", "public"] as const)(
    "is on every page of the %s site, first in its head, and nothing there breaks it: every script is a file under the base path's scripts/",
    async (audience) => {
      const dir = audience === "internal" ? sites.internal.dir : sites.public.dir;
      const base = audience === "internal" ? internalUrl : publicUrl;
      const files = walk(dir)
        .filter((f) => f.endsWith(".html"))
        .sort();
      expect(files.length).toBeGreaterThan(20);
      const { page, errors } = await open("", base);
      const problems: string[] = [];
      for (const file of files) {
        await page.goto(new URL(file.replace(/(^|\/)index\.html$/, "$1"), base).href);
        const report = await page.evaluate(
          async ({ policy, basePath }) => {
            await new Promise((done) => setTimeout(done, 20));
            const head = [...document.head.children];
            const at = head.findIndex((el) => el.getAttribute("http-equiv") === "Content-Security-Policy");
            return {
              policy: head[at]?.getAttribute("content") === policy,
              first: head.slice(0, at).every((el) => el.matches("meta[charset]")),
              scripts: [...document.scripts]
                .filter(
                  (s) =>
                    !s.src ||
                    new URL(s.src).origin !== location.origin ||
                    !new URL(s.src).pathname.startsWith(`${basePath}scripts/`),
                )
                .map((s) => s.outerHTML.slice(0, 80)),
              violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
            };
          },
          { policy: CONTENT_SECURITY_POLICY, basePath: new URL(base).pathname },
        );
        if (!report.policy || !report.first || report.scripts.length > 0 || report.violations.length > 0)
          problems.push(`${file}: ${JSON.stringify(report)}`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
      // Every page of the site, one after another: minutes on a loaded machine.
    },
    180_000,
  );

  it("lets the site's own scripts run: the theme toggle and the copy buttons", async () => {
    const { page, errors } = await open("/hub/acme/train/");
    const theme = await page.locator("html").getAttribute("data-theme");
    await page.locator("#theme-toggle").click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe(theme === "dark" ? "light" : "dark");
    await page.locator("#theme-toggle").click();
    const copy = page.locator("button[data-copy]").first();
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe("Copied");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses an event handler that slips into a page, and the tests see the refusal", async () => {
    const { page, errors } = await open("/");
    await page.evaluate(() => {
      const icon = document.querySelector<HTMLLinkElement>("link[rel=icon]")!.href;
      const div = document.createElement("div");
      div.innerHTML = `<img src="${icon}" onload="window.__xss = 1">`;
      document.body.append(div);
    });
    await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors.join("\n")).toContain(`${CSP_VIOLATION} script-src-attr`);
    await page.close();
  });
});

describe("the built files", () => {
  /** Every internal URL the HTML, SVG and sitemap of a site point to. */
  function internalLinks(dir: string, base: string, siteUrl: string): Array<{ from: string; url: string }> {
    const origin = new URL(siteUrl).origin;
    const out: Array<{ from: string; url: string }> = [];
    for (const file of walk(dir).filter((f) => f.endsWith(".html") || f === "sitemap.xml")) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const m of text.matchAll(/(?:href|src|action)="([^"]*)"|<loc>([^<]*)<\/loc>/g)) {
        let url = (m[1] ?? m[2] ?? "").replace(/&amp;/g, "&");
        if (url.startsWith(`${siteUrl}/`)) url = url.slice(origin.length);
        if (!url.startsWith("/") || url.startsWith("//")) continue;
        out.push({ from: file, url: url.split("#")[0]!.split("?")[0]! });
      }
    }
    expect(out.length).toBeGreaterThan(100);
    expect(out.every((l) => l.url.startsWith(base))).toBe(true);
    return out;
  }

  function resolves(dir: string, base: string, url: string): boolean {
    const rel = decodeURIComponent(url.slice(base.length));
    for (const candidate of [join(dir, rel), join(dir, rel, "index.html")]) {
      try {
        if (statSync(candidate).isFile()) return true;
      } catch {
        // next
      }
    }
    return false;
  }

  it.each([
    ["internal", "/", "https://catalog.acme.example"],
    ["public", "/pub/", "https://acme.example/pub"],
  ] as const)("every internal link of the %s site resolves", (audience, base, origin) => {
    const dir = audience === "internal" ? sites.internal.dir : sites.public.dir;
    const broken = internalLinks(dir, base, origin).filter((l) => !resolves(dir, base, l.url));
    expect(broken).toEqual([]);
  });

  it("links every entity page to its file in the repository, every commit id to its commit, and the lineage's code to its commit", () => {
    const data = sites.internal.result.data!;
    const pages = [
      ...data.orgs,
      ...data.teams,
      ...data.connections,
      ...data.projects,
      ...data.experiments,
      ...data.projectComponents,
      ...data.operations,
      ...data.components,
      ...data.componentVersions,
      ...data.models,
      ...data.modelVersions,
      ...data.users,
    ];
    expect(pages.length).toBeGreaterThan(20);
    const repo = "https://github.com/acme/ml-catalog";
    const problems: string[] = [];
    for (const p of pages) {
      const html = readFileSync(join(sites.internal.dir, p.url, "index.html"), "utf8");
      const path = p.source?.file.path ?? "";
      if (!path.startsWith("catalog/") || !path.endsWith(".yaml")) problems.push(`${p.url}: file ${path}`);
      for (const [what, url] of [
        ["view", `${repo}/blob/main/${path}`],
        ["edit", `${repo}/edit/main/${path}`],
        ["history", `${repo}/commits/main/${path}`],
      ]) {
        if (!html.includes(`href="${url}"`)) problems.push(`${p.url}: no ${what} link`);
      }
      // Every commit id shown (history, change feeds) is a link to its commit.
      for (const m of html.matchAll(/<code title="[0-9a-f]{40}">/g)) problems.push(`${p.url}: unlinked commit ${m[0]}`);
    }
    expect(problems).toEqual([]);
    const component = readFileSync(join(sites.internal.dir, "hub/acme/train/index.html"), "utf8");
    expect(component).toMatch(new RegExp(`<a href="${repo}/commit/[0-9a-f]{40}"[^>]*><code>[0-9a-f]{7}</code></a>`));
    const version = readFileSync(join(sites.internal.dir, "registry/acme/churn-model/1.0.0/index.html"), "utf8");
    expect(version).toContain(
      '<a class="lineage-link" href="https://github.com/acme/ml/commit/0123456789abcdef0123456789abcdef01234567"',
    );
  });

  it("gives every page a link preview: its own title and description, and the site's card (a 1200×630 PNG)", () => {
    const meta = (html: string, key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    const component = readFileSync(join(sites.public.dir, "hub/acme/train/index.html"), "utf8");
    expect(meta(component, "og:title")).toBe("acme/train");
    expect(meta(component, "og:description")).toBe(
      sites.public.result.data!.components.find((c) => c.key === "acme/train")!.description,
    );
    expect(meta(component, "og:url")).toBe("https://acme.example/pub/hub/acme/train/");
    expect(meta(component, "og:image")).toBe("https://acme.example/pub/og-card.png");
    expect(meta(component, "twitter:card")).toBe("summary_large_image");
    for (const file of walk(sites.internal.dir).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(sites.internal.dir, file), "utf8");
      expect(
        [meta(html, "og:title"), meta(html, "og:description"), meta(html, "twitter:image")].every(
          (v) => v !== undefined && v !== "",
        ),
        file,
      ).toBe(true);
    }
    const png = readFileSync(join(sites.public.dir, "og-card.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("mirrors every entity in the JSON API, and publishes the JSON Schemas", () => {
    const index = JSON.parse(readFileSync(join(sites.internal.dir, "api/index.json"), "utf8")) as {
      entities: Array<{ api: string; key: string }>;
    };
    expect(index.entities.length).toBe(
      sites.internal.result.data!.files.filter((f) => f.path.startsWith("api/") && f.path !== "api/index.json").length,
    );
    for (const e of index.entities) expect(() => readFileSync(join(sites.internal.dir, e.api), "utf8")).not.toThrow();
    const version = JSON.parse(
      readFileSync(join(sites.internal.dir, "api/orgs/acme/components/train/versions/1.0.0.json"), "utf8"),
    );
    expect(version).toMatchObject({
      kind: "ComponentVersion",
      key: "acme/train:1.0.0",
      url: "/hub/acme/train/1.0.0/",
      data: { kind: "component" },
    });
    const schemas = walk(join(sites.internal.dir, "schemas"));
    expect(schemas.length).toBe(sites.internal.result.data!.files.filter((f) => f.path.startsWith("schemas/")).length);
    expect(schemas).toContain("component.schema.json");
    expect(readFileSync(join(sites.internal.dir, "404.html"), "utf8")).toContain("Page not found");
    expect(readFileSync(join(sites.public.dir, "hub/acme/train/index.html"), "utf8")).toContain(
      '<link rel="canonical" href="https://acme.example/pub/hub/acme/train/">',
    );
  });

  /** Every text of a site, Pagefind's compressed index included. */
  function allText(dir: string): Array<{ file: string; text: string }> {
    return walk(dir).map((file) => {
      const bytes = readFileSync(join(dir, file));
      let text = bytes.toString("utf8");
      if (file.startsWith("pagefind/") && /\.pf_(fragment|index|meta|filter)$/.test(file))
        text = gunzipSync(bytes).toString("utf8");
      return { file, text };
    });
  }

  it("the public site names nothing private: no page, API file, search index entry or sitemap line", () => {
    expect(sites.public.result.leaks).toEqual([]);
    const leaks = allText(sites.public.dir).flatMap(({ file, text }) =>
      PRIVATE_NAMES.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`),
    );
    expect(leaks).toEqual([]);
    const inside = allText(sites.internal.dir)
      .map((f) => f.text)
      .join("\n");
    for (const name of PRIVATE_NAMES) expect(inside).toContain(name);
    const home = readFileSync(join(sites.public.dir, "index.html"), "utf8");
    expect(home).toMatch(/<strong>1<\/strong><span>organizations<\/span>/);
  });

  it("the public site's search finds public components but not private ones", async () => {
    const { page, errors } = await open("search/?q=private", publicUrl);
    await searchStatus(page, /for “private”/);
    expect(await page.locator("[data-search]").innerText()).not.toContain("hidden-kit");
    await page.getByLabel("Words to search for").fill("train");
    await searchStatus(page, /for “train”/);
    const links = await page
      .locator(".search-result-link")
      .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.startsWith("/pub/"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the site's source", () => {
  it("has no inline script and no event-handler attribute: scripts are files under site/public/scripts/", () => {
    const src = join(import.meta.dirname, "../../site/src");
    const found = walk(src)
      .filter((f) => f.endsWith(".astro"))
      .flatMap((f) => {
        const text = readFileSync(join(src, f), "utf8");
        const inline = [...text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].map((m) => `${f}: ${m[0]}`);
        const handlers = [...text.matchAll(/<[a-zA-Z][^>]*\son[a-z]+\s*=/g)].map((m) => `${f}: ${m[0]}`);
        return [...inline, ...handlers];
      });
    expect(found).toEqual([]);
  });

  it("uses set:html only for sanitized Markdown, the lineage SVG mlcat draws and code Shiki highlighted (every character escaped)", () => {
    const src = join(import.meta.dirname, "../../site/src");
    const uses = walk(src)
      .filter((f) => f.endsWith(".astro"))
      .flatMap((f) =>
        [...readFileSync(join(src, f), "utf8").matchAll(/set:html=\{([^}]*)\}/g)].map((m) => `${f}: ${m[1]}`),
      );
    expect(uses).toEqual([
      "components/CodeBlock.astro: highlighted.html",
      "components/Markdown.astro: html",
      "pages/registry/[org]/[name]/[tag]/index.astro: l.svg",
      "pages/registry/[org]/[name]/[tag]/index.astro: l.svgNarrow",
    ]);
  });
});
