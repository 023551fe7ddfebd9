/// <reference lib="dom" />
/**
 * Every page type of the sample catalog, read at 390 px (a phone) and
 * 1280 px, in the light and dark themes: nothing runs off the page, nothing
 * is cut off, and what scrolls sideways says so (a scroll cue). Screenshots
 * of each go to .tmp/screenshots/layout/. At desktop width a table fits its
 * column without scrolling, and a drawing (SVG) shows every node whole.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATRIX_COLUMNS } from "../../src/site-data/matrix.js";
import type { Chromium } from "./browser.js";
import { serveSample, type ServedSample } from "./sample-site.js";

const SHOTS = join(import.meta.dirname, "../../.tmp/screenshots/layout");

/** One page of each type, the sample's longest or most crowded where there is a choice. */
const PAGES: Record<string, string> = {
  home: "",
  hub: "hub/",
  component: "hub/polyaxon/kaniko/",
  "component version": "hub/northwind/xgboost-train/1.2.0/",
  registry: "registry/",
  model: "registry/northwind/fraud-scorer/",
  "model version": "registry/northwind/fraud-scorer/1.3.0/",
  "production model version": "registry/northwind/fraud-scorer/1.1.0/",
  "model with evaluations": "registry/northwind/demand-forecaster/",
  "staging model version": "registry/northwind/two-tower-retrieval/1.1.0/",
  organizations: "orgs/",
  organization: "orgs/northwind/",
  team: "orgs/northwind/teams/risk/",
  connection: "orgs/northwind/connections/s3-datalake/",
  project: "orgs/northwind/projects/fraud-detection/",
  experiment: "orgs/northwind/projects/fraud-detection/experiments/build-features-v8/",
  "project component": "orgs/northwind/projects/fraud-detection/components/build-features/",
  operation: "orgs/northwind/projects/fraud-detection/operations/weekly-retrain/",
  people: "users/",
  person: "users/maya-chen/",
  schema: "schema/",
  search: "search/?q=fraud",
  "not found": "no/such/page/",
};

let sample: ServedSample;
let url: string;
let chrome: Chromium;

beforeAll(async () => {
  sample = await serveSample("layout");
  ({ url, chrome } = sample);
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await sample?.close();
});

/**
 * What a reader would see go wrong on the page, in the page: elements past
 * the page's edges (outside a scroll container that shows it scrolls),
 * content cut off by a box that hides its overflow (an ellipsis or a line
 * clamp says so and is fine), content spilling out of its box, and boxes
 * that scroll sideways without a scroll cue. At desktop width a table that
 * scrolls sideways is a problem even with a cue (code may scroll). In a
 * drawing (SVG), every node (rect) lies inside the part of the drawing one
 * can see, and each text lies inside its node.
 */
function layoutProblems(desktop: boolean): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  const name = (el: Element) => {
    const cls =
      typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls} "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50)}"`;
  };
  const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
  // A scroll cue is the shadow a scrolling box paints on the side it scrolls to (the site's .scroll-cue).
  const cued = (el: Element) => getComputedStyle(el).backgroundImage.includes("radial-gradient");
  const clips = (overflow: string) => /hidden|clip/.test(overflow);
  // Content meant for screen readers only (clipped to nothing), like a stacked table's column headers.
  const unseen = (el: Element) => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || e.classList.contains("visually-hidden")) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility() || unseen(el) || (el.closest("svg") && el.tagName.toLowerCase() !== "svg")) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      // Inside a box that scrolls (it must show it) or clips (then the box itself is checked below), it is that box's matter.
      let parent = el.parentElement;
      while (parent && parent !== document.body && !scrolls(parent) && !clips(getComputedStyle(parent).overflowX))
        parent = parent.parentElement;
      const held = parent && parent !== document.body && (clips(getComputedStyle(parent).overflowX) || cued(parent));
      if (!held)
        problems.push(
          `past the page's edge (${Math.round(box.left)} to ${Math.round(box.right)} of ${width}): ${name(el)}`,
        );
    }
    const marked =
      style.textOverflow === "ellipsis" || (style.webkitLineClamp !== "none" && style.webkitLineClamp !== "");
    if (!marked && clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      problems.push(`cut off on the side: ${name(el)}`);
    if (!marked && clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      problems.push(`cut off below: ${name(el)}`);
    const block = /block|flex|grid|list-item|table-cell/.test(style.display) && !/inline/.test(style.display);
    if (block && style.overflowX === "visible" && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      problems.push(`spills out of its box (${el.scrollWidth} in ${el.clientWidth}): ${name(el)}`);
    if (scrolls(el) && el.scrollWidth > el.clientWidth + 1 && !cued(el))
      problems.push(`scrolls sideways with no cue: ${name(el)}`);
    if (
      desktop &&
      scrolls(el) &&
      el.scrollWidth > el.clientWidth + 1 &&
      (el.matches("table") || el.querySelector("table"))
    )
      problems.push(`a table scrolls sideways at desktop width (${el.scrollWidth} in ${el.clientWidth}): ${name(el)}`);
  }
  for (const svg of document.body.querySelectorAll("svg")) {
    if (!svg.checkVisibility() || unseen(svg) || svg.parentElement?.closest("svg")) continue;
    // What of the drawing one can see: its box, cut by every box around it that scrolls or clips, and by the page.
    const seen = { ...svg.getBoundingClientRect().toJSON(), left: Math.max(0, svg.getBoundingClientRect().left) } as {
      left: number;
      right: number;
      top: number;
      bottom: number;
    };
    seen.right = Math.min(seen.right, width);
    for (let e = svg.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      const b = e.getBoundingClientRect();
      if (style.overflowX !== "visible")
        [seen.left, seen.right] = [Math.max(seen.left, b.left), Math.min(seen.right, b.right)];
      if (style.overflowY !== "visible")
        [seen.top, seen.bottom] = [Math.max(seen.top, b.top), Math.min(seen.bottom, b.bottom)];
    }
    const inside = (b: DOMRect, o: { left: number; right: number; top: number; bottom: number }) =>
      b.left >= o.left - 1 && b.right <= o.right + 1 && b.top >= o.top - 1 && b.bottom <= o.bottom + 1;
    for (const rect of svg.querySelectorAll("rect")) {
      const b = rect.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (!inside(b, seen))
        problems.push(
          `a drawing's node is outside what one sees of it (${Math.round(b.left)} to ${Math.round(b.right)}, seen ${Math.round(seen.left)} to ${Math.round(seen.right)}): ${name(rect.parentElement ?? rect)}`,
        );
    }
    for (const text of svg.querySelectorAll("text")) {
      const node = text.parentElement?.querySelector(":scope > rect");
      if (node && !inside(text.getBoundingClientRect(), node.getBoundingClientRect()))
        problems.push(`a drawing's text runs out of its node: ${name(text)}`);
    }
  }
  // A column no row fills (every cell blank or a dash) is left out of its table.
  for (const table of document.body.querySelectorAll("table")) {
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])];
    const rows = [...table.tBodies].flatMap((b) => [...b.rows]).filter((r) => r.cells.length === heads.length);
    if (rows.length === 0 || [...table.querySelectorAll("[colspan]")].some((c) => !c.closest("tr.group-head")))
      continue;
    heads.forEach((head, i) => {
      if (rows.every((r) => /^[\s—–-]*$/.test(r.cells[i]!.textContent ?? "")))
        problems.push(`a column no row fills: "${(head.textContent ?? "").trim()}" in ${name(table)}`);
    });
  }
  // A label (a column's name, a stacked card's line label, a stat's noun, a panel's term) never breaks inside a word.
  const words = (text: string) => text.split(/\s+/).filter((w) => /^[\p{L}\p{N}]{2,}$/u.test(w));
  for (const label of document.body.querySelectorAll("thead th, .eyebrow, .stat span, .panel dt")) {
    if (!label.checkVisibility() || unseen(label)) continue;
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`a label breaks inside the word "${match[0]}": ${name(label)}`);
      }
    }
  }
  // A stacked card's line label is drawn by ::before in the grid's first column: each word must fit that column.
  for (const cell of document.body.querySelectorAll("table.stack td[data-label]")) {
    if (!cell.checkVisibility() || getComputedStyle(cell).display !== "grid") continue;
    // A line that is a subgrid of its card takes the card's label column.
    const own = getComputedStyle(cell).gridTemplateColumns;
    const tracks = own.startsWith("subgrid") ? getComputedStyle(cell.parentElement!).gridTemplateColumns : own;
    const column = parseFloat(tracks.split(" ")[0]!);
    if (!(column > 0)) problems.push(`a card's label column has no width ("${tracks}"): ${name(cell)}`);
    const before = getComputedStyle(cell, "::before");
    const probe = document.createElement("span");
    Object.assign(probe.style, {
      position: "absolute",
      whiteSpace: "nowrap",
      fontFamily: before.fontFamily,
      fontSize: before.fontSize,
      fontWeight: before.fontWeight,
      letterSpacing: before.letterSpacing,
      textTransform: before.textTransform,
    });
    document.body.append(probe);
    for (const word of words(cell.getAttribute("data-label") ?? "")) {
      probe.textContent = word;
      if (probe.getBoundingClientRect().width > column + 0.5)
        problems.push(`a card's label "${word}" is wider than its column (${Math.round(column)} px): ${name(cell)}`);
    }
    probe.remove();
  }
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} of ${width})`);
  return problems;
}

describe.each([390, 1280])("at %i px", (width) => {
  it.each(Object.entries(PAGES))(
    "the %s page fits: nothing off the page, cut off or spilling, in both themes",
    async (kind, path) => {
      const page = await chrome.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      const problems: string[] = [];
      for (const theme of ["light", "dark"] as const) {
        await page.goto(url);
        await page.evaluate((t) => localStorage.setItem("mlcat-theme", t), theme);
        await page.goto(new URL(path, url).href);
        if (kind === "search")
          await page
            .locator("[data-search-status]")
            .filter({ hasText: /results? for/ })
            .waitFor({ timeout: 10_000 });
        problems.push(...(await page.evaluate(layoutProblems, width >= 1000)).map((p) => `${theme}: ${p}`));
        await page.screenshot({
          path: join(SHOTS, `${kind.replace(/ /g, "-")}-${width}-${theme}.png`),
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});

describe("on a phone", () => {
  it("the navigation fits on the first screen, search included, and the hub's list starts there", async () => {
    const page = await chrome.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL("hub/", url).href);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Hub", "Registry", "Organizations", "People", "Schema", "Search"]) {
      const box = await nav.getByRole("link", { name, exact: true }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 140, name).toBe(true);
    }
    // The facets are folded behind "Filters": the first card shows on the first screen.
    expect(await page.locator("[data-facet-groups]").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const first = await page.locator("[data-item]").first().boundingBox();
    expect(first!.y).toBeLessThan(844);
    await page.locator("[data-facet-groups] summary").click();
    await page.locator('.facets input[name="tag"][value="training"]').check();
    expect(await page.locator("[data-facet-chosen]").innerText()).toBe(" · 1 chosen");
    await page.close();
  });

  it("shows the permission matrix one role at a time, and the lineage in one column", async () => {
    const page = await chrome.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL("orgs/northwind/", url).href);
    expect(await page.locator(".matrix-wide").isVisible()).toBe(false);
    const roles = page.locator(".matrix-role");
    expect(await roles.count()).toBeGreaterThan(3);
    expect(await roles.first().locator(".matrix-actions li").count()).toBe(MATRIX_COLUMNS.length);
    await roles.nth(1).locator("summary").click();
    expect(await roles.nth(1).locator(".matrix-actions li.allowed").count()).toBeGreaterThan(0);
    await page.goto(new URL("registry/northwind/fraud-scorer/1.3.0/", url).href);
    const narrow = page.locator("svg.lineage-narrow");
    expect(await narrow.isVisible()).toBe(true);
    expect(await page.locator("svg.lineage-wide").isVisible()).toBe(false);
    const box = await narrow.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390 - 32);
    // Every node of the graph is on screen, one under the other, and the experiment's is still a link.
    const nodes = await narrow
      .locator("rect.lineage-node")
      .evaluateAll((rects) =>
        rects.map((r) => r.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right })),
      );
    expect(nodes.length).toBeGreaterThan(4);
    for (const n of nodes) expect(n.left >= 0 && n.right <= 390).toBe(true);
    expect(await narrow.locator('a[data-node="experiment"]').getAttribute("href")).toMatch(/\/experiments\//);
    // A deeper lineage (fraud-scorer 1.1.0 read features another run wrote) stays one readable column:
    // the upstream run above the data it wrote, above the run that read it, above the version.
    await page.goto(new URL("registry/northwind/fraud-scorer/1.1.0/", url).href);
    const deep = page.locator("svg.lineage-narrow");
    const order = await deep.locator("[data-node]").evaluateAll((els) =>
      els
        .map((e) => ({ label: e.getAttribute("aria-label") ?? "", top: e.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((e) => e.label.split(" (")[0]),
    );
    const at = (label: string) => order.indexOf(label);
    expect(at("experiment: build-features-v7")).toBeGreaterThanOrEqual(0);
    expect(at("experiment: build-features-v7")).toBeLessThan(at("data: features"));
    expect(at("data: features")).toBeLessThan(at("experiment: xgb-spw180"));
    expect(at("experiment: xgb-spw180")).toBeLessThan(at("model version: fraud-scorer:1.1.0"));
    for (const b of await deep
      .locator("rect.lineage-node")
      .evaluateAll((rects) =>
        rects.map((r) => r.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
      ))
      expect(b.left >= 0 && b.right <= 390).toBe(true);
    await page.close();
  });
});

describe("at desktop width", () => {
  it("lays a deep lineage out in the main column, each node's whole label on it", async () => {
    const page = await chrome.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // fraud-scorer 1.1.0 read features another run wrote: five columns, long references.
    await page.goto(new URL("registry/northwind/fraud-scorer/1.1.0/", url).href);
    const graph = page.locator("svg.lineage-wide");
    const box = (await page.locator(".lineage-box-wide").boundingBox())!;
    const drawn = (await graph.boundingBox())!;
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(box.x + box.width);
    const nodes = await graph.locator("[data-node]").evaluateAll((els) =>
      els.map((e) => ({
        full: e.getAttribute("aria-label") ?? "",
        kind: e.querySelector(".lineage-kind")?.textContent ?? "",
        label: e.querySelector(".lineage-label")?.textContent ?? "",
      })),
    );
    expect(nodes.length).toBe(10);
    const squeeze = (s: string) => s.replace(/\s+/g, "");
    for (const n of nodes) {
      // The aria-label is "kind: label (detail)"; the drawing shows the label whole, over as many lines as it takes.
      expect(n.label).not.toContain("…");
      expect(squeeze(n.full).startsWith(squeeze(`${n.kind}:${n.label}`)), n.full).toBe(true);
    }
    expect(nodes.map((n) => n.label)).toContain("northwind/xgboost-train:1.1.0");
    await page.close();
  });
});
