/**
 * YAML in code blocks, highlighted with Shiki: the reader sees exactly the
 * file's text (nothing of it read as markup), keys and values in their
 * theme's colors, for the light and the dark theme.
 */
import { describe, expect, it } from "vitest";
import { highlightYaml } from "../../site/src/highlight.js";

/** The text a browser shows for the HTML (tags dropped, entities read). */
function shown(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!);
}

const YAML = `# a component
version: 1.1
kind: component
name: "train <script>alert(1)</script>"
description: Tom & Jerry's <b>trainer</b>
tags: [nlp, 'tabular']
inputs:
  - name: lr
    type: float
    value: 0.01
    isOptional: true
run:
  container:
    command: [python, train.py, "--lr={{ lr }}"]
notes: |
  line one: with a colon
`;

describe("YAML highlighting", () => {
  it("shows the text exactly, every character escaped", () => {
    const html = highlightYaml(YAML);
    expect(shown(html)).toBe(YAML);
    expect(html).not.toMatch(/<(?!\/?span\b)/);
    expect(html).not.toContain("<script");
  });

  it("colors keys, strings, numbers and comments, with a light and a dark color each", () => {
    const html = highlightYaml(YAML);
    const spans = [...html.matchAll(/<span style="([^"]*)">([^<]*)<\/span>/g)].map((m) => ({ style: m[1]!, text: m[2]! }));
    const styleOf = (text: string) => spans.find((s) => s.text === text)?.style ?? "";
    for (const text of ["version", "lr", "0.01", "true", "# a component", "component"]) expect(styleOf(text), text).toMatch(/^--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}$/);
    expect(styleOf("version")).not.toBe(styleOf("component"));
    expect(styleOf("0.01")).not.toBe(styleOf("component"));
    // Only the two colors, nothing else in a style attribute.
    for (const s of spans) expect(s.style).toMatch(/^(--shiki-(light|dark):#[0-9A-Fa-f]{3,8};?)+$/);
  });

  it("gives a line seen before the same HTML, and highlights a catalog's worth of lines", () => {
    const once = highlightYaml("kind: component\nname: a\n");
    expect(highlightYaml("name: b\nkind: component\n").split("\n")[1]).toBe(once.split("\n")[0]);
    const many = Array.from({ length: 2000 }, (_, i) => `  - name: input-${i}\n    type: str\n    value: v${i % 7}`).join("\n");
    expect(shown(highlightYaml(many))).toBe(many);
  });
});
