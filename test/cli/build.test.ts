import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SITE_MARKER, writeAtomically } from "../../src/site-build/output-dir.js";
import { resolveRequest } from "../../src/site-build/serve.js";
import { BASE } from "../helpers/catalog.js";
import { runCli, writeTree } from "../helpers/cli.js";

describe("mlcat build", () => {
  it("refuses a catalog with errors: prints them, exits 1, writes nothing", async () => {
    const dir = writeTree({ ...BASE, "orgs/acme/projects/churn/experiments/run-1.yaml": "name: run-1\nstatus: nonsense\n" });
    const out = join(dir, "..", `${dir.split("/").pop()}-site`);
    const run = await runCli(["build", "--catalog", dir, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("run-1.yaml");
    expect(run.stderr).toMatch(/not building the site: .* has \d+ errors? \(fix them, then build again\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects an unknown audience as a usage error", async () => {
    const run = await runCli(["build", "--audience", "everyone"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("everyone");
  });
});

describe("writeAtomically", () => {
  function previousSite(): string {
    const out = join(mkdtempSync(join(tmpdir(), "mlcat-out-")), "site");
    mkdirSync(out);
    writeFileSync(join(out, SITE_MARKER), "{}\n");
    writeFileSync(join(out, "index.html"), "old site");
    return out;
  }

  it("leaves the previous site untouched when the build fails", async () => {
    const out = previousSite();
    await expect(
      writeAtomically(out, async (tmp) => {
        writeFileSync(join(tmp, "index.html"), "half a new site");
        throw new Error("astro failed");
      }),
    ).rejects.toThrow("astro failed");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("old site");
    expect(existsSync(join(out, ".."))).toBe(true);
  });

  it("swaps the new site in, marked as an mlcat site", async () => {
    const out = previousSite();
    await writeAtomically(out, async (tmp) => writeFileSync(join(tmp, "index.html"), "new site"), { basePath: "/x/" });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new site");
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8"))).toMatchObject({ builtBy: "mlcat build", basePath: "/x/" });
  });

  it("never replaces a folder that is not an mlcat site", async () => {
    const out = mkdtempSync(join(tmpdir(), "mlcat-src-"));
    writeFileSync(join(out, "main.ts"), "precious");
    await expect(writeAtomically(out, async () => undefined)).rejects.toThrow(/not empty and was not built by mlcat/);
    expect(readFileSync(join(out, "main.ts"), "utf8")).toBe("precious");
  });
});

describe("mlcat preview's file resolution", () => {
  const root = writeTree({ "index.html": "home", "hub/index.html": "hub", "api/index.json": "{}" });
  it.each([
    ["/x/", join(root, "index.html")],
    ["/x/hub/", join(root, "hub/index.html")],
    ["/x/hub", join(root, "hub/index.html")],
    ["/x/api/index.json?y=1", join(root, "api/index.json")],
    ["/hub/", undefined],
    ["/x/../../etc/passwd", undefined],
    ["/x/%2e%2e/%2e%2e/etc/passwd", undefined],
    ["/x/missing/", undefined],
  ])("%s -> %s", async (url, expected) => {
    expect(await resolveRequest(root, "/x/", url)).toBe(expected);
  });
});

describe("the public build's leak scan", () => {
  it("lists private organizations and the keys of private things in public ones", async () => {
    const { loadFiles } = await import("../helpers/catalog.js");
    const { catalog } = loadFiles({
      ...BASE,
      "orgs/secret-org/organization.yaml": "name: secret-org\nvisibility: private\nmembers:\n  - user: alice\n    role: owner\n",
      "orgs/secret-org/projects/inner/project.yaml": "name: inner\nowner: alice\n",
      "orgs/acme/projects/hush/project.yaml": "name: hush\nvisibility: private\nowner: alice\n",
    });
    const { privateNames } = await import("../../src/site-build/leak-scan.js");
    expect(privateNames(catalog)).toEqual(["acme/hush", "secret-org", "secret-org/inner"]);
  });

  it("finds whole-word mentions in every file made from catalog data, Pagefind's compressed ones inflated", async () => {
    const { scanForNames } = await import("../../src/site-build/leak-scan.js");
    const { gzipSync } = await import("node:zlib");
    const dir = writeTree({
      "hub/acme/train/index.html": "<p>Trained for acme/hush last week.</p>",
      "api/orgs/acme/project.json": '{"readme": "see secret-org"}',
      "index.html": "<p>acme/hushed and not-secret-orgs are other names</p>",
      "sitemap.xml": "<loc>https://x.example/orgs/Secret-Org/</loc>",
      "pagefind/x.pf_fragment": "secret-org",
      "_astro/app.js": "const secret_org = 'secret-org';",
    });
    writeFileSync(join(dir, "pagefind/y.pf_fragment"), gzipSync(Buffer.from('pagefind_dcd{"content":"the acme/hush project"}')));
    expect(await scanForNames(dir, ["acme/hush", "secret-org"])).toEqual([
      { file: "api/orgs/acme/project.json", name: "secret-org" },
      { file: "hub/acme/train/index.html", name: "acme/hush" },
      { file: "pagefind/x.pf_fragment", name: "secret-org" },
      { file: "pagefind/y.pf_fragment", name: "acme/hush" },
      { file: "sitemap.xml", name: "secret-org" },
    ]);
  });
});
