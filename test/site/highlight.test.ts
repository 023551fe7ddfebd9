/**
 * YAML in code blocks, highlighted with Shiki: the reader sees exactly the
 * file's text (nothing of it read as markup), keys and values in their
 * theme's colors, for the light and the dark theme.
 */
import { describe, expect, it } from "vitest";
import { highlightYaml as highlight } from "../../src/site-build/highlight.js";

const highlightYaml = (code: string) => highlight(code).html;

/** The text a browser shows for the HTML (tags dropped, entities read). */
function shown(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!);
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
    const { html, palette } = highlight(YAML);
    const spans = [...html.matchAll(/<span class="(hl\d+)">([^<]*)<\/span>/g)].map((m) => ({
      cls: m[1]!,
      text: m[2]!,
    }));
    const colors = new Map(
      [...palette.matchAll(/--(hl\d+)-(light|dark):(#[0-9A-F]{6})/g)].map((m) => [`${m[1]}-${m[2]}`, m[3]!]),
    );
    const classOf = (text: string) => spans.find((s) => s.text === text)?.cls ?? "";
    for (const text of ["version", "lr", "0.01", "true", "# a component", "component"]) {
      const cls = classOf(text);
      expect(colors.get(`${cls}-light`), text).toMatch(/^#[0-9A-F]{6}$/);
      expect(colors.get(`${cls}-dark`), text).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(classOf("version")).not.toBe(classOf("component"));
    expect(classOf("0.01")).not.toBe(classOf("component"));
    // The palette holds only colors.
    expect(palette).toMatch(/^(--hl\d+-(light|dark):#[0-9A-F]{3,8};?)+$/);
  });

  it("gives a line seen before the same HTML, and highlights a catalog's worth of lines", () => {
    const once = highlightYaml("kind: component\nname: a\n");
    expect(highlightYaml("name: b\nkind: component\n").split("\n")[1]).toBe(once.split("\n")[0]);
    const many = Array.from(
      { length: 2000 },
      (_, i) => `  - name: input-${i}\n    type: str\n    value: v${i % 7}`,
    ).join("\n");
    expect(shown(highlightYaml(many))).toBe(many);
  });
});
