import { describe, expect, it } from "vitest";
import { embedJson, escapeHtml, isHttpUrl, renderMarkdown } from "../../src/site-data/markdown.js";

describe("renderMarkdown", () => {
  // Each untrusted input, and what must not survive in the HTML.
  it.each([
    ["script element", "<script>alert(1)</script>", /<script/i],
    ["event handler on img", '<img src="https://x.test/a.png" onerror="alert(1)">', /onerror/i],
    ["event handler on a", '<a href="https://x.test" onclick="alert(1)">x</a>', /onclick/i],
    ["javascript: link", "[x](javascript:alert(1))", /javascript:/i],
    ["mixed-case javascript: link", '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ["data: link", "[x](data:text/html;base64,PHNjcmlwdD4=)", /data:/i],
    ["vbscript: link", '<a href="vbscript:msgbox(1)">x</a>', /vbscript:/i],
    ["iframe", '<iframe src="https://evil.test"></iframe>', /<iframe/i],
    ["svg with onload", "<svg onload=alert(1)><circle r=3 /></svg>", /<svg|onload/i],
    ["style attribute", '<div style="background:url(javascript:alert(1))">x</div>', /style=/i],
    ["style element", "<style>body{display:none}</style>", /<style/i],
    ["form action", '<form action="javascript:alert(1)"><button>go</button></form>', /<form|action=/i],
    ["object and embed", '<object data="x.swf"></object><embed src="x.swf">', /<object|<embed/i],
    ["data: image", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:/i],
    ["details ontoggle", '<details open ontoggle="alert(1)"><summary>s</summary></details>', /ontoggle/i],
    ["id clobbering", '<a id="location" name="x">a</a>', /id="location"/],
  ])("removes %s", (_name, input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  it("keeps GitHub-flavoured Markdown: tables, task lists, code, safe links", () => {
    const html = renderMarkdown(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```yaml\nx: 1\n```\n\n[site](https://acme.example)",
    );
    expect(html).toContain('<div class="table-wrap scroll-cue"><table class="stack">');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('<pre class="scroll-cue" tabindex="0"><code class="language-yaml">x: 1\n</code></pre>');
    expect(html).toContain('<a href="https://acme.example" rel="nofollow noopener noreferrer">site</a>');
  });

  it("frames a table like the site's own: each cell labelled with its column, for a phone's stacked cards", () => {
    const html = renderMarkdown("| Input | Notes |\n|---|---|\n| `lr` | the **step** size |\n| depth | |");
    expect(html).toContain('<td data-label="Input"><span><code>lr</code></span></td>');
    expect(html).toContain('<td data-label="Notes"><span>the <strong>step</strong> size</span></td>');
    expect(html).toContain('<td data-label="Notes" data-empty=""></td>');
    expect(html.match(/class="table-wrap scroll-cue"/g)).toHaveLength(1);
  });

  it("shifts headings under the page's own title, and drops links and images into the repository", () => {
    expect(renderMarkdown("# Title\n\n## Part\n\n[doc](./docs/x.md) ![logo](logo.png) [top](#title)"))
      .toMatchInlineSnapshot(`
      "<h2>Title</h2>
      <h3>Part</h3>
      <p><a>doc</a>  <a href="#title">top</a></p>"
    `);
    expect(renderMarkdown("# T", { headingOffset: 0 })).toBe("<h1>T</h1>");
  });
});

describe("a README's first heading", () => {
  it.each([
    ["# fraud-scorer\n\nScores fraud.", "fraud-scorer"],
    ["# Model card: fraud-scorer\n\nScores fraud.", "fraud-scorer"],
    ["# Fraud scorer\n\nScores fraud.", "fraud-scorer"],
    ["# northwind/fraud-scorer\n\nScores fraud.", "northwind/fraud-scorer"],
  ])("is left out when it only repeats the page's title: %j", (md, name) => {
    const html = renderMarkdown(md, { title: [name] });
    expect(html).not.toMatch(/<h\d/);
    expect(html).toContain("<p>Scores fraud.</p>");
  });

  it.each([
    ["# Fraud scoring at Northwind\n\ntext", "fraud-scorer"],
    ["Intro first.\n\n# fraud-scorer", "fraud-scorer"],
    ["## fraud-scorer\n\ntext", "fraud-scorer"],
  ])("stays when it says more, or is not the first thing: %j", (md, name) => {
    expect(renderMarkdown(md, { title: [name] })).toMatch(/<h[23]>/);
  });
});

describe("escaping helpers", () => {
  it("escapes text for HTML and embeds JSON without a way out of a script element", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const json = embedJson({ text: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ text: "</script><script>alert(1)</script>" });
  });

  it.each([
    ["https://acme.example", true],
    ["http://acme.example/x", true],
    ["javascript:alert(1)", false],
    ["data:text/html,hi", false],
    ["ftp://acme.example", false],
    ["/relative", false],
    ["/registry/acme/fraud-scorer/1.2.0/", false],
    ["acme.example/x", false],
    [" https://acme.example", true],
    ["HTTPS://acme.example", true],
    ["ht\ttps://acme.example", true],
    ["https//acme.example", false],
    [42, false],
  ])("isHttpUrl(%j) is %s", (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });
});
