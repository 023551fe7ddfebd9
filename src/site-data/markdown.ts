/**
 * Untrusted Markdown (READMEs, model cards) to safe HTML: unified with
 * remark-gfm, raw HTML parsed then sanitized with GitHub's rules. Nothing that
 * runs survives: no script, no event handler, no `javascript:`/`data:` URL,
 * no iframe, no svg, no style.
 */
import type { Element, Root } from "hast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/**
 * GitHub's sanitization, with links restricted to http(s), mailto and in-page
 * anchors, and without `action` (allowed on every element by GitHub's rules:
 * with no form it does nothing, but it would carry a `javascript:` URL through).
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    "*": (defaultSchema.attributes?.["*"] ?? []).filter((a) => a !== "action"),
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
    srcSet: ["http", "https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
};

/** Options of `renderMarkdown`. */
export interface MarkdownOptions {
  /** Added to every heading level so a README's `#` sits under the page's own title (default 1). */
  headingOffset?: number;
  /**
   * The names of what the page is about (`fraud-scorer`, `northwind/fraud-scorer`): a first
   * `#` heading that only repeats one (`# fraud-scorer`, `# Model card: fraud-scorer`,
   * `# Fraud scorer`) is left out, as the page's title already says it.
   */
  title?: readonly string[];
}

/** Words of a heading or name, compared loosely: lower case, separators as spaces. */
function looseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-_/:.]+/g, " ")
    .trim();
}

/** Whether a heading only repeats one of `names`, maybe after "Model card" or "README". */
export function repeatsTitle(heading: string, names: readonly string[]): boolean {
  const words = looseWords(heading).replace(/^(model card|readme|about)\b\s*/, "");
  return names.some((n) => looseWords(n) === words);
}

/** The text of an element, its children's joined. */
function textOf(node: Element | Root | Element["children"][number]): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((c) => textOf(c as Element)).join("");
  return "";
}

/** Leave out a first `<h1>` that repeats the page's title. */
function dropRepeatedTitle(tree: Root, names: readonly string[]): void {
  const first = tree.children.findIndex((c) => c.type === "element" || (c.type === "text" && c.value.trim() !== ""));
  const node = tree.children[first];
  if (node?.type === "element" && node.tagName === "h1" && repeatsTitle(textOf(node), names))
    tree.children.splice(first, 1);
}

/** Render untrusted Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 1;
  const file = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(() => (tree: Root) => {
      if (options.title) dropRepeatedTitle(tree, options.title);
      tidyTree(tree, offset);
    })
    .use(rehypeStringify)
    .processSync(markdown);
  return String(file);
}

const HEADING = /^h([1-6])$/;

/**
 * A table as the site's own: in a bordered frame that scrolls sideways and
 * shows it (a scroll cue), filling the frame; each body cell labelled with
 * its column's header, so that on a phone a row stacks into a card (`stack`)
 * instead of squeezing a column to a few characters a line.
 */
function frameTable(table: Element): Element {
  const part = (el: Element, tag: string) =>
    el.children.filter((c): c is Element => c.type === "element" && c.tagName === tag);
  const [head] = part(table, "thead");
  const [headRow] = head ? part(head, "tr") : [];
  const labels = headRow ? part(headRow, "th").map((th) => textOf(th).trim()) : [];
  for (const body of part(table, "tbody"))
    for (const row of part(body, "tr"))
      part(row, "td").forEach((cell, i) => {
        if (!labels[i]) return;
        cell.properties.dataLabel = labels[i];
        // An empty cell drops out of a card (as the site's own tables' do).
        if (cell.children.every((c) => c.type === "text" && c.value.trim() === "")) {
          cell.properties.dataEmpty = "";
          return;
        }
        // One box for the value beside its label (the cell's text and code in it, not a grid cell each).
        cell.children = [{ type: "element", tagName: "span", properties: {}, children: cell.children }];
      });
  table.properties.className = ["stack"];
  return {
    type: "element",
    tagName: "div",
    properties: { className: ["table-wrap", "scroll-cue"] },
    children: [table],
  };
}

/**
 * After sanitizing: shift headings, make outside links open safely, drop
 * relative links and images (they point into the repository, not the site),
 * frame tables and give code blocks the site's scroll cue.
 */
function tidyTree(tree: Root, offset: number): void {
  visit(tree, "element", (node: Element, index, parent) => {
    if (node.tagName === "table" && parent && index !== undefined) {
      parent.children[index] = frameTable(node);
      return undefined;
    }
    if (node.tagName === "pre") {
      node.properties.className = ["scroll-cue"];
      node.properties.tabIndex = 0;
    }
    const h = HEADING.exec(node.tagName);
    if (h) node.tagName = `h${Math.min(6, Number(h[1]) + offset)}`;
    if (node.tagName === "a") {
      const href = typeof node.properties.href === "string" ? node.properties.href : undefined;
      if (href === undefined) return;
      if (/^(https?:|mailto:)/i.test(href)) {
        node.properties.rel = ["nofollow", "noopener", "noreferrer"];
      } else if (!href.startsWith("#")) {
        delete node.properties.href;
      }
    }
    if (node.tagName === "img") {
      const src = typeof node.properties.src === "string" ? node.properties.src : "";
      if (!/^https?:/i.test(src) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      node.properties.loading = "lazy";
    }
    return undefined;
  });
}

/** Whether `url` is an absolute http(s) URL: the only catalog URLs the site links to. */
export function isHttpUrl(url: unknown): url is string {
  // Without a colon there is no scheme and the URL parser would throw (costly: site paths are asked about by the thousand).
  if (typeof url !== "string" || !url.includes(":")) return false;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

export { escapeHtml } from "./escape-html.js";

/** JSON safe to embed in a `<script>` element: `<` (and line separators) escaped. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
