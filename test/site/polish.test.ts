/// <reference lib="dom" />
/**
 * The sample catalog's site read as a reader would, where it used to read
 * badly: README tables and code, stacked input cards, the schema reference
 * on a phone, long names, the header search, the search filters and the
 * history's author line.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chromium } from "./browser.js";
import { serveSample, type ServedSample } from "./sample-site.js";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let sample: ServedSample;
let url: string;
let chrome: Chromium;

beforeAll(async () => {
  sample = await serveSample("polish");
  ({ url, chrome } = sample);
}, 180_000);

afterAll(async () => {
  await sample?.close();
});

async function open(path: string, viewport: { width: number; height: number }, theme = "light"): Promise<Page> {
  const page = await chrome.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.evaluate((t) => localStorage.setItem("mlcat-theme", t), theme);
  await page.goto(new URL(path, url).href);
  return page;
}

/** Whether an element paints the site's scroll cue (a shadow on the side there is more). */
const cued = (el: Element) => getComputedStyle(el).backgroundImage.includes("radial-gradient");

describe("a README", () => {
  it("code that scrolls sideways shows it, in both themes", async () => {
    for (const theme of ["light", "dark"]) {
      const page = await open("hub/northwind/xgboost-train/", PHONE, theme);
      const boxes = await page
        .locator(".prose pre")
        .evaluateAll((pres) =>
          pres.map((p) => ({ scrolls: p.scrollWidth > p.clientWidth + 1, cue: p.classList.contains("scroll-cue") })),
        );
      expect(boxes.some((b) => b.scrolls)).toBe(true);
      for (const b of boxes) expect(b, theme).toEqual({ scrolls: b.scrolls, cue: true });
      expect(await page.locator(".prose pre").first().evaluate(cued)).toBe(true);
      await page.close();
    }
  });

  it("table fills its frame on a desktop", async () => {
    const page = await open("hub/northwind/xgboost-train/", DESKTOP);
    const [frame, table] = await page
      .locator(".prose .table-wrap")
      .first()
      .evaluate((f) => [f.clientWidth, f.querySelector("table")!.getBoundingClientRect().width]);
    expect(table).toBeGreaterThanOrEqual(frame! - 1);
    await page.close();
  });

  it("table stacks into labelled cards on a phone: the notes read at full width, nothing scrolls", async () => {
    const page = await open("hub/northwind/xgboost-train/", PHONE);
    const wrap = page.locator(".prose .table-wrap").first();
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth + 1)).toBe(true);
    // The README's own header, "notes", labels each cell (shown in capitals).
    const notes = wrap.locator('td[data-label="notes"]').first();
    expect(await notes.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"notes"');
    // The value beside its label is most of the card's width, not a few characters a line.
    const value = await notes.locator(":scope > span").boundingBox();
    expect(value!.width).toBeGreaterThan(180);
    await page.close();
  });
});

it("on a phone, an input's required/optional badge sits on its name's line", async () => {
  const page = await open("hub/northwind/xgboost-train/", PHONE);
  const rows = await page.locator("table.stack tr:has(td.required-cell)").evaluateAll((trs) =>
    trs.slice(0, 6).map((tr) => {
      const name = tr.querySelector('th[scope="row"]')!.getBoundingClientRect();
      const badge = tr.querySelector("td.required-cell .req")!.getBoundingClientRect();
      return { sameLine: badge.top < name.bottom && badge.bottom > name.top, right: badge.left >= name.left + 40 };
    }),
  );
  expect(rows.length).toBeGreaterThan(3);
  for (const r of rows) expect(r).toEqual({ sameLine: true, right: true });
  await page.close();
});

describe("the schema reference on a phone", () => {
  it("is a short list of folded schemas; tapping one opens it, whose title stays in view, with a way back", async () => {
    const page = await open("schema/", PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    expect(await page.locator("details.schema[open]").count()).toBe(0);
    // One navigation: each schema's name shows once (its folded section), no tab strip repeats it.
    const titles = await page.locator("details.schema summary h2").allInnerTexts();
    expect(titles.length).toBeGreaterThan(3);
    for (const t of titles) expect(await page.getByText(t, { exact: true }).count(), t).toBe(1);
    await page
      .locator("details.schema summary", { has: page.getByRole("heading", { name: "Experiment", exact: true }) })
      .click();
    const section = page.locator("details.schema[open]");
    expect(await section.count()).toBe(1);
    expect(await section.locator("summary h2").innerText()).toBe("Experiment");
    // Reading on through its fields, the schema's title stays at the top of the screen.
    await page.mouse.wheel(0, 2500);
    await page.waitForFunction(() => window.scrollY > 2000);
    const title = await section.locator("summary").boundingBox();
    expect(Math.round(title!.y)).toBe(0);
    await section.getByRole("link", { name: "Back to the list of schemas" }).click();
    await page.waitForFunction(() => (document.getElementById("schemas")?.getBoundingClientRect().top ?? -1) >= 0);
    await page.close();
  });
});

describe("long names", () => {
  it("break between path parts, never inside one that fits (hub cards, the production table)", async () => {
    for (const [path, selector] of [
      ["hub/", ".grid h3 a"],
      ["", "#prod-title + * th a"],
    ] as const) {
      const page = await open(path, PHONE);
      const groups = await page.locator(`${selector} .brk`).evaluateAll((spans) =>
        spans.map((s) => ({
          text: s.textContent,
          lines: new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size,
          fits: s.scrollWidth <= (s.closest("h3, th")?.clientWidth ?? 0),
        })),
      );
      expect(groups.length, path).toBeGreaterThan(3);
      for (const g of groups.filter((x) => x.fits)) expect(g, path).toMatchObject({ lines: 1 });
      await page.close();
    }
  });

  it("keep the footer date, the breadcrumbs' separators and the matrix's member names whole", async () => {
    const phone = await open("orgs/northwind-research/projects/ticket-triage/", PHONE);
    const time = await phone.locator(".site-footer time").evaluate((t) => t.getClientRects().length);
    expect(time).toBe(1);
    // A wrapped trail ends a line with its "/", it never starts one with it.
    const separators = await phone
      .locator(".breadcrumbs li")
      .evaluateAll((lis) => lis.map((li) => getComputedStyle(li, "::before").content));
    expect(separators.every((c) => c === "none" || c === "normal")).toBe(true);
    await phone.close();
    // A team's project roles fit a phone: the table does not scroll, a project's name is one line.
    const team = await open("orgs/northwind/teams/recommendations/", PHONE);
    const roles = team.locator("#projects-title + .table-wrap");
    expect(await roles.evaluate((w) => w.scrollWidth <= w.clientWidth + 1)).toBe(true);
    expect(
      await roles
        .locator("tbody th a")
        .first()
        .evaluate((a) => a.getClientRects().length),
    ).toBe(1);
    await team.close();
    const desktop = await open("orgs/northwind-research/", DESKTOP);
    const names = await desktop
      .locator(".matrix-wide tbody th a")
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent, lines: a.getClientRects().length })));
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(n).toMatchObject({ lines: 1 });
    await desktop.close();
  });
});

it("the header search shows its whole placeholder at 1280 px", async () => {
  const page = await open("", DESKTOP);
  const fit = await page.locator("#site-search").evaluate((input) => {
    const el = input as HTMLInputElement;
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: ctx.measureText(el.placeholder).width, room };
  });
  expect(fit.text).toBeLessThanOrEqual(fit.room);
  await page.close();
});

it("the search filters show that they scroll when they are taller than the screen", async () => {
  const page = await open("search/?q=fraud", DESKTOP);
  await page
    .locator("[data-search-status]")
    .filter({ hasText: /results? for/ })
    .waitFor({ timeout: 10_000 });
  const panel = page.locator(".search-filters");
  const state = await panel.evaluate((p) => ({ scrolls: p.scrollHeight > p.clientHeight + 1 }));
  expect(state.scrolls).toBe(true);
  expect(await panel.evaluate(cued)).toBe(true);
  // Scrolled to its end, the last option is whole inside the panel.
  const whole = await panel.evaluate((p) => {
    p.scrollTop = p.scrollHeight;
    const labels = p.querySelectorAll("label");
    const last = labels[labels.length - 1]!.getBoundingClientRect();
    return last.bottom <= p.getBoundingClientRect().bottom;
  });
  expect(whole).toBe(true);
  await page.close();
});

it.each(["hub/", "registry/"])(
  "the facet panel of %s shows that it scrolls, and its last option scrolls fully into view",
  async (path) => {
    const page = await open(path, DESKTOP);
    const panel = page.locator(".facets");
    expect(await panel.evaluate(cued)).toBe(true);
    const state = await panel.evaluate((p) => {
      const scrolls = p.scrollHeight > p.clientHeight + 1;
      p.scrollTop = p.scrollHeight;
      const controls = p.querySelectorAll("label, button");
      const last = controls[controls.length - 1]!.getBoundingClientRect();
      return { scrolls, whole: last.bottom <= p.getBoundingClientRect().bottom };
    });
    if (path === "hub/") expect(state.scrolls).toBe(true);
    expect(state.whole).toBe(true);
    await page.close();
  },
);

it("the home page's feed has one entry per commit, and the production table's names have room at desktop width", async () => {
  const page = await open("", DESKTOP);
  const entries = page.locator("#recent-title + .commit-feed > li");
  const commits = await entries.locator(".feed-main code").allInnerTexts();
  expect(commits.length).toBeGreaterThan(1);
  expect(new Set(commits).size).toBe(commits.length);
  const messages = await entries.locator(".feed-msg").allInnerTexts();
  expect(new Set(messages).size).toBe(messages.length);
  // Each entry says who made it and lists what it changed.
  for (const text of await entries.locator(".feed-main").allInnerTexts()) expect(text).toMatch(/ · by \S/);
  expect(await entries.first().locator(".commit-changes a").count()).toBeGreaterThan(0);
  // A production model version's name (without its alias badges) is one line.
  const lines = await page
    .locator("#prod-title + * th a")
    .evaluateAll((links) => links.map((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size));
  expect(lines.length).toBeGreaterThan(0);
  for (const n of lines) expect(n).toBe(1);
  await page.close();
});

it.each([
  "orgs/northwind/projects/fraud-detection/",
  "hub/northwind/xgboost-train/",
  "registry/northwind/fraud-scorer/",
])(
  "%s: on a phone the side panel comes before History; on a wide screen History stays under the main column",
  async (path) => {
    const where = async (viewport: { width: number; height: number }) => {
      const page = await open(path, viewport);
      const box = await page.evaluate(() => {
        const side = document.querySelector(".with-sidebar > .sidebar")!.getBoundingClientRect();
        const history = document.getElementById("history-title")!.getBoundingClientRect();
        const main = document.querySelector(".with-sidebar > div")!.getBoundingClientRect();
        return { side: { top: side.top, bottom: side.bottom, left: side.left }, history, main };
      });
      await page.close();
      return box;
    };
    const phone = await where(PHONE);
    expect(phone.side.bottom).toBeLessThan(phone.history.top);
    const desk = await where(DESKTOP);
    expect(desk.history.left).toBe(desk.main.left);
    expect(desk.history.right).toBeLessThan(desk.side.left);
    expect(desk.history.top).toBeGreaterThanOrEqual(desk.main.bottom);
    expect(desk.side.top).toBe(desk.main.top);
  },
);

it("a page's history says who made each change ('by …')", async () => {
  const page = await open("hub/northwind/xgboost-train/", DESKTOP);
  const lines = await page.locator("ol.history li").allInnerTexts();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/ · by \S.* · [0-9a-f]{7}/);
  await page.close();
});

describe("a model version's evaluation", () => {
  it.each(["registry/northwind/fraud-scorer/1.1.0/", "registry/northwind/two-tower-retrieval/1.1.0/"])(
    "%s: groups results under task, dataset and split as the model page does; a card is a metric, then its value",
    async (path) => {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await open(path, viewport);
        const table = await page.locator("#evaluation table[data-evaluation]").evaluate((t) => {
          const visible = (el: Element) => el.checkVisibility() && getComputedStyle(el).display !== "none";
          return {
            heads: [...t.querySelectorAll("tr.group-head")].map((r) => r.textContent!.replace(/\s+/g, " ").trim()),
            rows: [...t.querySelectorAll("tbody tr:not(.group-head)")].map((r) => {
              const cells = [...r.children].filter(visible);
              return {
                first: cells[0]!.tagName.toLowerCase(),
                labels: cells.slice(1).map((c) => c.getAttribute("data-label")),
                text: r.textContent!,
                labelCase: getComputedStyle(cells[1]!, "::before").textTransform,
              };
            }),
          };
        });
        expect(table.heads.length).toBeGreaterThan(0);
        for (const head of table.heads) expect(head).toMatch(/^\S+ · \S+.* · split \S+$/);
        const tasks = table.heads.map((h) => h.split(" · ")[0]!);
        expect(table.rows.length).toBeGreaterThan(table.heads.length);
        for (const row of table.rows) {
          expect(row.first).toBe("th");
          expect(row.labels[0]).toBe("Value");
          for (const task of tasks) expect(row.text).not.toContain(task);
          if (viewport === PHONE) expect(row.labelCase).toBe("uppercase");
        }
        await page.close();
      }
    },
  );
});

/** Each count and its noun ("4 models") written in the elements `selector` finds, and how many lines it takes. */
function countLines(root: Element, selector: string): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  for (const el of root.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent!.matchAll(/\d+\s+[a-z]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        found.push([m[0], tops.size]);
      }
    }
  }
  return found;
}

describe("names and counts", () => {
  it("the people page shows each username whole, on one line, at desktop width", async () => {
    const page = await open("users/", DESKTOP);
    const lines = await page.locator('td[data-label="Username"]').evaluateAll((cells) =>
      cells.map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return [c.textContent!.trim(), tops.size] as const;
      }),
    );
    expect(lines.some(([name]) => name.includes("-"))).toBe(true);
    for (const [name, n] of lines) expect(n, name).toBe(1);
    await page.close();
  });

  it.each([
    ["orgs/", PHONE],
    ["orgs/", DESKTOP],
    ["hub/", PHONE],
    ["registry/", PHONE],
  ] as const)("%s keeps every count with its noun on one line (%o)", async (path, viewport) => {
    const page = await open(path, viewport);
    const counts = await page
      .locator("main")
      .evaluate(
        (main, fn) => (new Function(`return (${fn})`)() as typeof countLines)(main, ".card-foot, [data-result-count]"),
        countLines.toString(),
      );
    expect(counts.length).toBeGreaterThan(0);
    for (const [text, n] of counts) expect(n, text).toBe(1);
    await page.close();
  });
});

describe("key/value tables", () => {
  it.each([
    ["orgs/northwind/projects/fraud-detection/experiments/build-features-v8/", "#params-title"],
    ["orgs/northwind/connections/s3-datalake/", "#schema-title"],
    ["registry/northwind/fraud-scorer/1.1.0/", "#params-title"],
  ])("%s: each key and its monospace value share a baseline", async (path, title) => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open(path, viewport);
      const gaps = await page.locator(`section:has(> ${title}) table tbody tr`).evaluateAll((rows) =>
        rows.map((row) => {
          // An empty inline-block's bottom edge is its line's baseline.
          const baseline = (cell: Element) => {
            const probe = document.createElement("span");
            probe.style.display = "inline-block";
            cell.prepend(probe);
            const y = probe.getBoundingClientRect().bottom;
            probe.remove();
            return y;
          };
          return Math.abs(baseline(row.children[0]!) - baseline(row.children[1]!));
        }),
      );
      expect(gaps.length).toBeGreaterThan(0);
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(0.5);
      await page.close();
    }
  });

  it.each([
    "orgs/northwind/projects/fraud-detection/experiments/build-features-v8/",
    "registry/northwind/fraud-scorer/1.1.0/",
  ])("%s: metric values sit right-aligned in their column", async (path) => {
    const page = await open(path, DESKTOP);
    const cells = await page.locator("section:has(> #metrics-title) table tbody td").evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const text = range.getBoundingClientRect();
        const box = td.getBoundingClientRect();
        return { right: box.right - parseFloat(getComputedStyle(td).paddingRight) - text.right, value: td.textContent };
      }),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(Math.abs(c.right), c.value!).toBeLessThanOrEqual(1);
    await page.close();
  });
});
