/**
 * Syntax highlighting a reader can read: every token colour of the YAML
 * highlighting has at least 4.5:1 contrast (WCAG AA) against the code
 * background of its theme, as the stylesheet sets it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contrast, readableOn } from "../../src/site-build/contrast.js";
import { CODE_BACKGROUND, highlightYaml } from "../../src/site-build/highlight.js";

const CSS = readFileSync(join(import.meta.dirname, "../../site/src/styles/global.css"), "utf8");

/** `--code-bg` in the stylesheet's block for `selector`. */
function codeBackground(selector: string): string {
  const start = CSS.indexOf(`${selector} {`);
  const block = CSS.slice(start, CSS.indexOf("}", start));
  const m = /--code-bg:\s*(#[0-9a-fA-F]{3,6})\s*;/.exec(block);
  if (start < 0 || !m) throw new Error(`no --code-bg in ${selector}`);
  return m[1]!.toLowerCase();
}

/** Every token colour the highlighting gives, per theme, from a block with every kind of token. */
function tokenColours(): Array<{ theme: "light" | "dark"; token: string; colour: string }> {
  const { palette } = highlightYaml(
    "# comment\n- key: \"double\"\n  s: 'single'\n  flag: true\n  n: 12\n  p: plain\n  other: |\n  anchor: &a [x, y]",
  );
  return palette.split(";").map((decl) => {
    const [name = "", colour = ""] = decl.split(":");
    const [, token = "", theme = ""] = /^--(hl\d+)-(light|dark)$/.exec(name) ?? [];
    return { theme: theme as "light" | "dark", token, colour };
  });
}

describe("syntax-highlight contrast", () => {
  it("highlight.ts names the stylesheet's code backgrounds", () => {
    expect(CODE_BACKGROUND.light).toBe(codeBackground(":root"));
    expect(CODE_BACKGROUND.dark).toBe(codeBackground(':root[data-theme="dark"]'));
  });

  const colours = tokenColours();
  it("colours comments, keys, strings, constants and punctuation (both themes)", () => {
    expect(colours.filter((c) => c.theme === "light").length).toBeGreaterThanOrEqual(6);
    expect(colours.filter((c) => c.theme === "dark").length).toBe(colours.filter((c) => c.theme === "light").length);
  });

  it.each(colours)("$token ($theme) $colour reads at 4.5:1 or more on the code background", ({ theme, colour }) => {
    expect(contrast(colour, CODE_BACKGROUND[theme])).toBeGreaterThanOrEqual(4.5);
  });
});

describe("contrast", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#6a737d", "#f3f4f7", 4.38],
    ["#22863a", "#f3f4f7", 4.21],
    ["#6a737d", "#161a22", 3.62],
  ])("%s on %s is %f:1", (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 2);
  });

  it.each([
    ["#6A737D", "#f3f4f7"],
    ["#22863A", "#f3f4f7"],
    ["#6A737D", "#161a22"],
  ])("readableOn brings %s to 4.5:1 on %s, changing it as little as it must", (colour, bg) => {
    const out = readableOn(colour, bg);
    expect(contrast(out, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(out, bg)).toBeLessThan(4.7);
  });

  it("keeps a colour that already reads", () => {
    expect(readableOn("#24292e", "#f3f4f7")).toBe("#24292E");
  });
});
