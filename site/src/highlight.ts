/**
 * YAML highlighting for code blocks (source files, usage and reproduce
 * snippets), with Shiki, the highlighter Astro ships, in its dual-theme form:
 * each token carries `--shiki-light` and `--shiki-dark` (inline styles, which
 * the Content-Security-Policy allows; no script), and the stylesheet picks
 * the one of the page's theme.
 *
 * Fast enough for ten thousand pages: the grammar below matches one line at
 * a time (no rule spans lines), so every distinct line is tokenized once for
 * the whole build and its HTML reused (catalog files repeat most of their
 * lines: keys, kinds, types); the lines a page has not seen before are
 * tokenized together, in one call, with the light theme only (the dark
 * theme's colors pair one to one with its colors for this grammar). Shiki's
 * full YAML grammar took 2 ms a file, 20 s over a large catalog.
 */
import { createHighlighterCoreSync, type HighlighterCore, type LanguageRegistration } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import githubDark from "shiki/themes/github-dark.mjs";
import githubLight from "shiki/themes/github-light.mjs";

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
    { match: "\"(?:[^\"\\\\]|\\\\.)*\"", name: "string.quoted.double.yaml" },
    { match: "'(?:[^']|'')*'", name: "string.quoted.single.yaml" },
    { match: "(?<=[\\s\\[,{])(?:true|false|null|~)(?=\\s*(?:$|[,\\]}#]))", name: "constant.language.yaml" },
    { match: "(?<=[\\s\\[,{])[-+]?\\d[\\d_]*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?=\\s*(?:$|[,\\]}#]))", name: "constant.numeric.yaml" },
    { match: "(?<=:\\s)[|>][-+]?(?=\\s*$)", name: "keyword.control.flow.block-scalar.yaml" },
    { match: "[&*][\\w-]+", name: "entity.name.type.anchor.yaml" },
    { match: "[\\[\\]{},]", name: "punctuation.definition.mapping.yaml" },
    { match: "(?<=(?::|^\\s*-)\\s+)[^#\\s\\[{'\"|>].*?(?=\\s+#|\\s*$)", name: "string.unquoted.plain.out.yaml" },
  ],
  repository: {},
};

const THEMES = { light: "github-light", dark: "github-dark" } as const;

let highlighter: HighlighterCore | undefined;
/** Each line's HTML, by its text, for the whole build. */
const lines = new Map<string, string>();
/**
 * The dark theme's color of each of the light theme's colors, for this grammar's scopes: then a
 * line is tokenized with one theme, not two (half the time). Undefined when the two themes do not
 * pair their colors one to one; each line is then tokenized with both.
 */
let darkOf: Map<string, string> | undefined | null = null;

/** A line of each scope the grammar gives, to read both themes' colors from. */
const PROBE = "# comment\n- key: \"double\"\n  s: 'single'\n  flag: true\n  n: 12\n  p: plain\n  other: |\n  anchor: &a [x, y]";

function shiki(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({ themes: [githubLight, githubDark], langs: [CATALOG_YAML], engine: createJavaScriptRegexEngine() });
  return highlighter;
}

/** Pair the light theme's colors with the dark theme's, once. */
function pairColors(): Map<string, string> | undefined {
  if (darkOf !== null) return darkOf;
  const { tokens } = shiki().codeToTokens(PROBE, { lang: "catalog-yaml", themes: THEMES, defaultColor: false });
  const pairs = new Map<string, string>();
  let consistent = true;
  for (const t of tokens.flat()) {
    const style = t.htmlStyle as Record<string, string> | undefined;
    const light = style?.["--shiki-light"]?.toUpperCase();
    const dark = style?.["--shiki-dark"]?.toUpperCase();
    if (light === undefined || dark === undefined) continue;
    if (pairs.has(light) && pairs.get(light) !== dark) consistent = false;
    pairs.set(light, dark);
  }
  darkOf = consistent && pairs.size > 0 ? pairs : undefined;
  return darkOf;
}

/** Escape text for HTML. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only the two custom properties Shiki's dual themes set, as the color values it gives (`#rrggbb`). */
function tokenStyle(style: Record<string, string> | undefined): string {
  const parts: string[] = [];
  for (const key of ["--shiki-light", "--shiki-dark"]) {
    const value = style?.[key];
    if (value !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(value)) parts.push(`${key}:${value}`);
  }
  return parts.join(";");
}

/** Each line's tokens: their text and the two colors' style. */
function tokenize(text: string): Array<Array<{ content: string; style: string }>> {
  const pairs = pairColors();
  if (pairs) {
    // One theme; the other's color by the pairing. A color the probe did not show falls back to both themes.
    const light = shiki().codeToTokensBase(text, { lang: "catalog-yaml", theme: THEMES.light });
    if (light.flat().every((t) => t.color === undefined || pairs.has(t.color.toUpperCase()))) {
      return light.map((line) =>
        line.map((t) => {
          const color = t.color?.toUpperCase();
          return { content: t.content, style: color ? tokenStyle({ "--shiki-light": color, "--shiki-dark": pairs.get(color)! }) : "" };
        }),
      );
    }
  }
  const { tokens } = shiki().codeToTokens(text, { lang: "catalog-yaml", themes: THEMES, defaultColor: false });
  return tokens.map((line) => line.map((t) => ({ content: t.content, style: tokenStyle(t.htmlStyle as Record<string, string> | undefined) })));
}

/** Tokenize the lines not seen before, in one call, and remember their HTML. */
function learn(fresh: readonly string[]): void {
  if (fresh.length === 0) return;
  const tokens = tokenize(fresh.join("\n"));
  fresh.forEach((line, i) => {
    const html = (tokens[i] ?? []).map((t) => (t.style ? `<span style="${t.style}">${escape(t.content)}</span>` : escape(t.content))).join("");
    // What Shiki gave must be the line itself; else the line is shown plain.
    lines.set(line, (tokens[i] ?? []).map((t) => t.content).join("") === line ? html : escape(line));
  });
}

/**
 * `code` as highlighted HTML for the inside of a `<code>` element: every
 * character of it escaped, in spans that carry Shiki's two colors.
 */
export function highlightYaml(code: string): string {
  const source = code.split("\n");
  const fresh = [...new Set(source.filter((l) => !lines.has(l)))];
  learn(fresh);
  return source.map((l) => lines.get(l) ?? escape(l)).join("\n");
}
