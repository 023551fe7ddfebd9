import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SITE_MARKER, writeAtomically } from "../../src/site-build/output-dir.js";
import { resolveRequest } from "../../src/site-build/serve.js";
import { BASE } from "../helpers/catalog.js";
import { runCli, writeTree } from "../helpers/cli.js";
import { FIXTURE } from "../site/fixture.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "mlcat.js");

describe("mlcat build", () => {
  it("refuses a catalog with errors: prints them, exits 1, writes nothing", async () => {
    const dir = writeTree({
      ...BASE,
      "orgs/acme/projects/churn/experiments/run-1.yaml": "name: run-1\nstatus: nonsense\n",
    });
    const out = join(dir, "..", `${dir.split("/").pop()}-site`);
    const run = await runCli(["build", "--catalog", dir, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("run-1.yaml");
    expect(run.stderr).toMatch(/not building the site: .* has \d+ errors? \(fix them, then build again\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("builds without a repository in catalog.yaml, and says once that pages link to no source files", async () => {
    const dir = writeTree(BASE);
    const out = join(dir, "..", `${dir.split("/").pop()}-site`);
    const run = await runCli(["build", "--catalog", dir, "--out", out, "--no-search"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.match(/do not link to their source files/g)).toHaveLength(1);
    expect(run.stdout).toContain("catalog.yaml names no repository (set repository.url");
    expect(readFileSync(join(out, "orgs/acme/index.html"), "utf8")).not.toContain('class="source-links"');
    rmSync(out, { recursive: true, force: true });
  });

  it("rejects an unknown audience as a usage error", async () => {
    const run = await runCli(["build", "--audience", "everyone"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("everyone");
  });
});

describe("mlcat build, dev and preview run from a folder with no node_modules in it or above it", () => {
  const cwd = mkdtempSync(join(tmpdir(), "mlcat-elsewhere-"));
  cpSync(FIXTURE, join(cwd, "catalog"), { recursive: true });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const env = { ...process.env, NO_COLOR: "1" };

  /** Start `mlcat <args>` in `cwd`, wait for its "serving ... at URL" line, fetch `path` there, and stop it. */
  async function fetchServed(args: string[], path: string): Promise<{ status: number; html: string }> {
    const child = spawn(process.execPath, [BIN, ...args, "--port", "0"], {
      cwd,
      env: { ...env, VITEST: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((found, fail) => {
        let out = "";
        const timer = setTimeout(() => fail(new Error(`no URL printed within 60 s:\n${out}`)), 60_000);
        const read = (chunk: Buffer) => {
          out += chunk.toString("utf8");
          const m = /serving .* at (http:\/\/\S+?)(?:\s|$)/.exec(out);
          if (m) {
            clearTimeout(timer);
            found(m[1]!);
          }
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        child.once("exit", (code) => fail(new Error(`exited ${code} before serving:\n${out}`)));
      });
      const res = await fetch(new URL(path, url));
      return { status: res.status, html: await res.text() };
    } finally {
      child.kill("SIGTERM");
    }
  }

  it("builds: Astro and its packages come from mlcat's installation, not from the current folder", () => {
    const above: string[] = [];
    for (let d = cwd; ; d = dirname(d)) {
      if (existsSync(join(d, "node_modules"))) above.push(d);
      if (dirname(d) === d) break;
    }
    expect(above).toEqual([]);
    const run = spawnSync(process.execPath, [BIN, "build", "--catalog", "catalog", "--out", "site"], {
      cwd,
      encoding: "utf8",
      env,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Built the internal site of catalog in [\d.]+s: \d+ pages in site\//);
    expect(readFileSync(join(cwd, "site/hub/acme/train/index.html"), "utf8")).toContain(
      "Train a gradient-boosted model on a Parquet table.",
    );
    expect(existsSync(join(cwd, "site/pagefind/pagefind.js"))).toBe(true);
  }, 120_000);

  it("writes nothing into the working folder when the site goes elsewhere (Astro's .astro/ there broke builds across file systems)", () => {
    const out = mkdtempSync(join(tmpdir(), "mlcat-out-elsewhere-"));
    try {
      const before = readdirSync(cwd).sort();
      const run = spawnSync(
        process.execPath,
        [BIN, "build", "--catalog", "catalog", "--out", join(out, "site"), "--no-search"],
        { cwd, encoding: "utf8", env },
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(readdirSync(cwd).sort()).toEqual(before);
      expect(readdirSync(out)).toEqual(["site"]);
      expect(existsSync(join(out, "site/.prerender"))).toBe(false);
      expect(readFileSync(join(out, "site/hub/acme/train/index.html"), "utf8")).toContain(
        "Train a gradient-boosted model on a Parquet table.",
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it("previews the built site", async () => {
    const page = await fetchServed(["preview", "--out", "site"], "hub/acme/train/");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Train a gradient-boosted model on a Parquet table.");
  }, 60_000);

  it("serves the catalog with mlcat dev", async () => {
    const page = await fetchServed(["dev", "--catalog", "catalog"], "hub/acme/train/");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Train a gradient-boosted model on a Parquet table.");
  }, 90_000);
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
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8"))).toMatchObject({
      builtBy: "mlcat build",
      basePath: "/x/",
    });
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
  it("builds the public site of a catalog whose private organization has a name the schema examples use", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlcat-private-sandbox-"));
    try {
      cpSync(FIXTURE, join(dir, "catalog"), { recursive: true });
      mkdirSync(join(dir, "catalog/orgs/sandbox"));
      writeFileSync(
        join(dir, "catalog/orgs/sandbox/organization.yaml"),
        "name: sandbox\nvisibility: private\nmembers:\n  - user: alice\n    role: owner\n",
      );
      const run = await runCli([
        "build",
        "--catalog",
        join(dir, "catalog"),
        "--out",
        join(dir, "site"),
        "--audience",
        "public",
        "--no-search",
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(readFileSync(join(dir, "site/schema/index.html"), "utf8")).toMatch(/\bsandbox\b/);
      expect(existsSync(join(dir, "site/orgs/sandbox"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("lists private organizations and the keys of private things in public ones", async () => {
    const { loadFiles } = await import("../helpers/catalog.js");
    const { catalog } = loadFiles({
      ...BASE,
      "orgs/secret-org/organization.yaml":
        "name: secret-org\nvisibility: private\nmembers:\n  - user: alice\n    role: owner\n",
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
      // mlcat's own text: the schemas it ships and the reference page made from them.
      "schemas/project.schema.json": '{"examples": ["secret-org"]}',
      "schema/index.html": "<code>secret-org</code>",
      "orgs/schemas/x.schema.json": '{"readme": "secret-org"}',
    });
    writeFileSync(
      join(dir, "pagefind/y.pf_fragment"),
      gzipSync(Buffer.from('pagefind_dcd{"content":"the acme/hush project"}')),
    );
    expect(await scanForNames(dir, ["acme/hush", "secret-org"])).toEqual([
      { file: "api/orgs/acme/project.json", name: "secret-org" },
      { file: "hub/acme/train/index.html", name: "acme/hush" },
      { file: "orgs/schemas/x.schema.json", name: "secret-org" },
      { file: "pagefind/x.pf_fragment", name: "secret-org" },
      { file: "pagefind/y.pf_fragment", name: "acme/hush" },
      { file: "sitemap.xml", name: "secret-org" },
    ]);
  });
});
