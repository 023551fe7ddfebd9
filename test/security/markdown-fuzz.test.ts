/**
 * Property: untrusted Markdown (READMEs, model cards) with injected attack
 * vectors renders to HTML with no event-handler attribute, no script, iframe,
 * object, embed, base or meta (refresh) element, and no javascript:, data: or
 * vbscript: URL. The output is parsed as a browser would (parse5) and every
 * element and attribute is inspected.
 */
import fc from "fast-check";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderMarkdown } from "../../src/site-data/markdown.js";

type Node = DefaultTreeAdapterMap["node"];

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "base",
  "meta",
  "frame",
  "frameset",
  "applet",
  "link",
  "style",
  "svg",
  "math",
  "form",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "background",
  "cite",
  "longdesc",
  "data",
  "ping",
  "manifest",
]);

/** Every problem a browser would act on in `html`. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ("tagName" in node) {
      if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
        // Browsers drop whitespace and control characters inside a scheme: "java\tscript:" is javascript:.
        const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
        if (URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript):/.test(url))
          found.push(`${node.tagName}[${name}=${value}]`);
        if (name === "srcdoc" || (name === "http-equiv" && /refresh/i.test(value)))
          found.push(`${node.tagName}[${name}]`);
      }
      if ("content" in node) visit(node.content as unknown as Node);
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child as Node);
  };
  visit(parseFragment(html) as unknown as Node);
  return found;
}

const SCHEMES = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  " javascript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript&colon;alert(1)",
  "javascript&#58;alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "DATA:image/svg+xml,<svg onload=alert(1)>",
  "vbscript:msgbox(1)",
  "\u0001javascript:alert(1)",
  "https://ok.example/x",
  "#top",
  "mailto:a@example.com",
  "//evil.example/x",
  "/relative",
];
const TAGS = [
  "picture",
  "source",
  "script",
  "iframe",
  "object",
  "embed",
  "base",
  "meta",
  "svg",
  "math",
  "img",
  "a",
  "form",
  "button",
  "details",
  "video",
  "input",
  "style",
  "link",
  "template",
  "noscript",
  "textarea",
  "xmp",
  "frameset",
  "x",
];
const ATTRS = [
  "onerror=alert(1)",
  "onload=alert(1)",
  "ONCLICK=alert(1)",
  "onmouseover='alert(1)'",
  "ontoggle=alert(1)",
  'http-equiv="refresh" content="0;url=javascript:alert(1)"',
  "srcdoc='<script>alert(1)</script>'",
  'style="background:url(javascript:alert(1))"',
  "open",
  "autofocus onfocus=alert(1)",
  "xlink:href=javascript:alert(1)",
];

const scheme = fc.constantFrom(...SCHEMES);
const word = fc.stringMatching(/^[a-z]{1,8}$/);

/** Fragments of Markdown, each carrying a vector or plain text. */
const fragment = fc.oneof(
  word,
  fc.string({ maxLength: 20 }),
  fc.tuple(word, scheme).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(word, scheme).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(word, scheme).map(([t, u]) => `[${t}][r]\n\n[r]: ${u}`),
  scheme.map((u) => `<${u}>`),
  fc
    .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), scheme)
    .map(([tag, attr, u]) => `<${tag} ${attr} href="${u}" src="${u}" action="${u}" data="${u}">x</${tag}>`),
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...TAGS)).map(([a, b]) => `<${a}><${b}>alert(1)</${b}></${a}>`),
  fc.constantFrom(
    "<scr<script>ipt>alert(1)</script>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!--<img src=x onerror=alert(1)>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="javascript&colon;alert(1)">x</a>',
    "<img src=x onerror=alert(1)//",
    '<meta http-equiv=refresh content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<picture><source srcset="javascript:alert(1)"><img src="https://ok.example/a.png"></picture>',
    '<video><source src="javascript:alert(1)"></video>',
    '<input type="checkbox" action="javascript:alert(1)" formaction="javascript:alert(1)">',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 2x">',
    "```html\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
    "| a | b |\n| - | - |\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
  ),
);

const markdown = fc
  .array(fc.tuple(fragment, fc.constantFrom("", " ", "\n", "\n\n", "\n> ", "\n- ", "\n# ")), { maxLength: 12 })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(""));

describe("rendered Markdown carries nothing that runs", () => {
  it("the inspector itself sees each danger", () => {
    expect(
      dangers(
        '<a href="java\tscript:x" onclick="y">a</a><script></script><meta http-equiv="refresh"><img src="DATA:x">',
      ),
    ).toEqual(["a[href=java\tscript:x]", "a[onclick]", "<script>", "<meta>", "meta[http-equiv]", "img[src=DATA:x]"]);
  });

  it("for random Markdown with injected vectors", () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 0, max: 3 }), (md, headingOffset) => {
        const html = renderMarkdown(md, { headingOffset });
        expect(dangers(html), html).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("for escaped plain text (descriptions, names) in any position", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 6 }), (parts) => {
        const text = parts.join(" ");
        const html = `<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`;
        const tree = parseFragment(html) as unknown as { childNodes: Node[] };
        expect(tree.childNodes).toHaveLength(1);
        expect(dangers(html)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
