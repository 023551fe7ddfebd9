/**
 * YAML highlighting for code blocks (source files, usage and reproduce
 * snippets), with Shiki, the highlighter Astro ships, and its GitHub light
 * and dark themes: each token gets a class for its pair of colors, the
 * block's `<pre>` carries the pairs as custom properties (an inline style,
 * which the Content-Security-Policy allows; no script), and the stylesheet
 * picks the color of the page's theme.
 *
 * Fast enough for ten thousand pages: the grammar below matches one line at
 * a time (no rule spans lines), so every distinct line is tokenized once for
 * the whole build and its HTML reused (catalog files repeat most of their
 * lines: keys, kinds, types); the lines a page has not seen before are
 * tokenized together, in one call, with the light theme only (the dark
 * theme's colors pair one to one with its colors for this grammar). Shiki's
 * full YAML grammar took 2 ms a file, 20 s over a large catalog.
 *
 * `mlcat build` runs this module in a worker thread too, over every block
 * the pages will show, while Astro renders (highlight-ahead.ts): the pages
 * (site/src/highlight.ts) take the blocks done there and highlight here only
 * the others. Both give the same HTML: the classes are numbered by the probe
 * alone.
 */
import { createHighlighterCoreSync, type HighlighterCore, type LanguageRegistration } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import githubDark from "shiki/themes/github-dark.mjs";
import githubLight from "shiki/themes/github-light.mjs";
import { escapeHtml } from "../site-data/escape-html.js";
import { readableOn } from "./contrast.js";

/** YAML as catalog files and snippets write it, one line at a time, with the scopes Shiki's themes color. */
const CATALOG_YAML: LanguageRegistration = {
  name: "catalog-yaml",
  scopeName: "source.catalog-yaml",
  patterns: [
    { match: "(?<=^|\\s)#.*$", name: "comment.line.number-sign.yaml" },
    {
      match: "^(\\s*)(-\\s+)?((?:\"[^\"]*\"|'[^']*'|[^\\s#'\"{}\\[\\],:][^#:]*?))(:)(?=\\s|$)",
      captures: {
        2: { name: "punctuation.definition.block.sequence.item.yaml" },
        3: { name: "entity.name.tag.yaml" },
        4: { name: "punctuation.separator.key-value.mapping.yaml" },
      },
    },
    { match: "^\\s*-(?=\\s|$)", name: "punctuation.definition.block.sequence.item.yaml" },
    { match: '"(?:[^"\\\\]|\\\\.)*"', name: "string.quoted.double.yaml" },
    { match: "'(?:[^']|'')*'", name: "string.quoted.single.yaml" },
    { match: "(?<=[\\s\\[,{])(?:true|false|null|~)(?=\\s*(?:$|[,\\]}#]))", name: "constant.language.yaml" },
    {
      match: "(?<=[\\s\\[,{])[-+]?\\d[\\d_]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?=\\s*(?:$|[,\\]}#]))",
      name: "constant.numeric.yaml",
    },
    { match: "(?<=:\\s)[|>][-+]?(?=\\s*$)", name: "keyword.control.flow.block-scalar.yaml" },
    { match: "[&*][\\w-]+", name: "entity.name.type.anchor.yaml" },
    { match: "[\\[\\]{},]", name: "punctuation.definition.mapping.yaml" },
    { match: "(?<=(?::|^\\s*-)\\s+)[^#\\s\\[{'\"|>].*?(?=\\s+#|\\s*$)", name: "string.unquoted.plain.out.yaml" },
  ],
  repository: {},
};

const THEMES = { light: "github-light", dark: "github-dark" } as const;

/**
 * The code background of each theme (global.css's `--code-bg`; a test keeps them equal): every
 * token colour is brought to 4.5:1 against it (WCAG AA), as some of the GitHub themes' are not
 * on this background (the dark comment grey was 3.6:1).
 */
export const CODE_BACKGROUND = { light: "#f3f4f7", dark: "#161a22" } as const;

let highlighter: HighlighterCore | undefined;
/** Each line's HTML, by its text, for the whole build. */
const lines = new Map<string, string>();
/** The highest number of color pairs a build gives classes to (global.css styles `.hl0` to `.hl15`). */
const MAX_CLASSES = 16;
/** Each (light, dark) color pair's class number, in the probe's order: the same in every page of every build. */
const pairClass = new Map<string, number>();
/**
 * The dark theme's color of each of the light theme's colors, for this grammar's scopes: then a
 * line is tokenized with one theme, not two (half the time). Undefined when the two themes do not
 * pair their colors one to one; each line is then tokenized with both.
 */
let darkOf: Map<string, string> | undefined | null = null;

/** A line of each scope the grammar gives, to read both themes' colors from. */
const PROBE =
  "# comment\n- key: \"double\"\n  s: 'single'\n  flag: true\n  n: 12\n  p: plain\n  other: |\n  anchor: &a [x, y]";

function shiki(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [githubLight, githubDark],
    langs: [CATALOG_YAML],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** A theme color as Shiki gives it (`#rrggbb`, maybe with alpha), upper case; undefined for anything else. */
function color(value: string | undefined): string | undefined {
  return value !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(value) ? value.toUpperCase() : undefined;
}

/**
 * Pair the light theme's colors with the dark theme's, once, and number the
 * pairs in the order the probe shows them: every page of every build (and
 * every part of a sharded one) gives a pair the same class.
 */
function pairColors(): Map<string, string> | undefined {
  if (darkOf !== null) return darkOf;
  const { tokens } = shiki().codeToTokens(PROBE, { lang: "catalog-yaml", themes: THEMES, defaultColor: false });
  const pairs = new Map<string, string>();
  let consistent = true;
  for (const t of tokens.flat()) {
    const style = t.htmlStyle as Record<string, string> | undefined;
    const light = color(style?.["--shiki-light"]);
    const dark = color(style?.["--shiki-dark"]);
    if (light === undefined || dark === undefined) continue;
    if (pairs.has(light) && pairs.get(light) !== dark) consistent = false;
    pairs.set(light, dark);
    const key = `${light}|${dark}`;
    if (!pairClass.has(key) && pairClass.size < MAX_CLASSES) pairClass.set(key, pairClass.size);
  }
  darkOf = consistent && pairs.size > 0 ? pairs : undefined;
  return darkOf;
}

/**
 * The class of a token's two colors. A pair the probe did not show (none,
 * for this grammar and these themes) is left uncolored rather than numbered
 * in the order pages happen to render.
 */
function classOf(light: string | undefined, dark: string | undefined): string | undefined {
  const n = light === undefined || dark === undefined ? undefined : pairClass.get(`${light}|${dark}`);
  return n === undefined ? undefined : `hl${n}`;
}

/** Each line's tokens: their text and the class of their two colors. */
function tokenize(text: string): Array<Array<{ content: string; cls: string | undefined }>> {
  const pairs = pairColors();
  if (pairs) {
    // One theme; the other's color by the pairing. A color the probe did not show falls back to both themes.
    const light = shiki().codeToTokensBase(text, { lang: "catalog-yaml", theme: THEMES.light });
    if (light.flat().every((t) => t.color === undefined || pairs.has(t.color.toUpperCase()))) {
      return light.map((line) =>
        line.map((t) => {
          const c = color(t.color);
          return { content: t.content, cls: c === undefined ? undefined : classOf(c, color(pairs.get(c))) };
        }),
      );
    }
  }
  const { tokens } = shiki().codeToTokens(text, { lang: "catalog-yaml", themes: THEMES, defaultColor: false });
  return tokens.map((line) =>
    line.map((t) => {
      const style = t.htmlStyle as Record<string, string> | undefined;
      return { content: t.content, cls: classOf(color(style?.["--shiki-light"]), color(style?.["--shiki-dark"])) };
    }),
  );
}

/** Tokenize the lines not seen before, in one call, and remember their HTML. */
function learn(fresh: readonly string[]): void {
  if (fresh.length === 0) return;
  const tokens = tokenize(fresh.join("\n"));
  fresh.forEach((line, i) => {
    const html = (tokens[i] ?? [])
      .map((t) => (t.cls ? `<span class="${t.cls}">${escapeHtml(t.content)}</span>` : escapeHtml(t.content)))
      .join("");
    // What Shiki gave must be the line itself; else the line is shown plain.
    lines.set(line, (tokens[i] ?? []).map((t) => t.content).join("") === line ? html : escapeHtml(line));
  });
}

/** A highlighted block: the HTML inside its `<code>`, and the colors of its classes for the `<pre>`'s style. */
export interface Highlighted {
  html: string;
  /** `--hl0-light:#22863A;--hl0-dark:#85E89D;…`: the stylesheet colors `.hlN` with these. */
  palette: string;
}

/** The custom properties of every class (the classes are numbered once, by `pairColors`). */
let paletteCss: string | undefined;

/** The custom properties of every class, worked out once: the pairs do not change after `pairColors`. */
function palette(): string {
  return (paletteCss ??= [...pairClass]
    .map(([key, n]) => {
      const [light, dark] = key.split("|");
      const shown = {
        light: readableOn(light!, CODE_BACKGROUND.light),
        dark: readableOn(dark!, CODE_BACKGROUND.dark),
      };
      return `--hl${n}-light:${shown.light};--hl${n}-dark:${shown.dark}`;
    })
    .join(";"));
}

/**
 * `code` highlighted: every character of it escaped, tokens in spans whose
 * class names Shiki's pair of colors (light and dark theme), the colors in
 * the palette (custom properties, an inline style, which the
 * Content-Security-Policy allows) the `<pre>` carries. Classes rather than a
 * style on every token halve the pages' size.
 */
export function highlightYaml(code: string): Highlighted {
  pairColors();
  const source = code.split("\n");
  const fresh = [...new Set(source.filter((l) => !lines.has(l)))];
  learn(fresh);
  return { html: source.map((l) => lines.get(l) ?? escapeHtml(l)).join("\n"), palette: palette() };
}

/** The global registry (`Symbol.for`) of the blocks highlighted ahead, by the site data the pages render. */
const AHEAD_KEY = "mlcat.highlight-ahead";

/** The blocks of one build highlighted ahead: `take` gives a block done (undefined for one not done yet). */
export interface AheadHighlights {
  take(code: string): Highlighted | undefined;
}

/**
 * The registry the build fills and the pages look their blocks up in, by the site data they render:
 * global (`Symbol.for`), as Astro's page modules and the build's own are loaded apart.
 */
export function aheadRegistry(): WeakMap<object, AheadHighlights> {
  const store = globalThis as { [k: symbol]: WeakMap<object, AheadHighlights> | undefined };
  return (store[Symbol.for(AHEAD_KEY)] ??= new WeakMap());
}
