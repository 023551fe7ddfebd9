/**
 * Links to an entity's file point where the file is in its repository, for a
 * catalog folder at any depth (found with git, in real temporary
 * repositories); when git cannot tell where the folder is, no file link is
 * guessed and the build says why once.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateSite } from "../../src/site-data/build-site-data.js";

const FIXTURE = join(import.meta.dirname, "../fixtures/site-catalog");
const REPO_URL = "https://github.com/acme/ml-catalog";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The fixture catalog copied to `folder` of a fresh directory, committed to git there when `git` is true. */
function place(folder: string, options: { git: boolean; path?: string }): string {
  const root = mkdtempSync(join(tmpdir(), "mlcat-source-links-"));
  dirs.push(root);
  const dir = join(root, folder);
  cpSync(FIXTURE, dir, { recursive: true });
  if (options.path !== undefined) {
    const settings = join(dir, "catalog.yaml");
    const text = readFileSync(settings, "utf8").replace(
      `  url: ${REPO_URL}\n`,
      `  url: ${REPO_URL}\n  path: ${options.path}\n`,
    );
    writeFileSync(settings, text);
  }
  if (options.git) {
    const git = (args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
    git(["init", "-q", "-b", "main"]);
    git(["add", "-A"]);
    git([
      "-c",
      "user.name=Alice Liddell",
      "-c",
      "user.email=alice@acme.example",
      "-c",
      "commit.gpgsign=false",
      "commit",
      "-q",
      "-m",
      "start",
    ]);
  }
  return dir;
}

/** The links of the acme organization's page, and what the build says about source links. */
async function orgLinks(dir: string) {
  const site = await validateSite({ dir, history: false });
  expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const data = site.compute!();
  return { file: data.orgs.find((o) => o.key === "acme")!.source?.file, note: site.sourceNote };
}

describe("source links from a real repository", () => {
  it.each([
    ["at the repository's root", ".", ""],
    ["in catalog/", "catalog", "catalog/"],
    ["three folders down", "deploy/ml/catalog", "deploy/ml/catalog/"],
  ])("point at the file for a catalog %s", async (_name, folder, prefix) => {
    const { file, note } = await orgLinks(place(folder, { git: true }));
    expect(note).toBeUndefined();
    expect(file).toEqual({
      path: `${prefix}orgs/acme/organization.yaml`,
      view: `${REPO_URL}/blob/main/${prefix}orgs/acme/organization.yaml`,
      edit: `${REPO_URL}/edit/main/${prefix}orgs/acme/organization.yaml`,
      history: `${REPO_URL}/commits/main/${prefix}orgs/acme/organization.yaml`,
    });
  });

  it("takes catalog.yaml's repository.path over git's answer", async () => {
    const { file } = await orgLinks(place("catalog", { git: true, path: "published/catalog" }));
    expect(file?.view).toBe(`${REPO_URL}/blob/main/published/catalog/orgs/acme/organization.yaml`);
  });

  it("guesses no file link for a copy outside git, and says so once", async () => {
    const { file, note } = await orgLinks(place("catalog", { git: false }));
    expect(file).toBeUndefined();
    expect(note).toMatch(/git could not tell where the catalog folder is.*repository\.path/);
  });

  it("links a copy outside git when catalog.yaml says where the folder is", async () => {
    const { file, note } = await orgLinks(place("catalog", { git: false, path: "catalog" }));
    expect(note).toBeUndefined();
    expect(file?.edit).toBe(`${REPO_URL}/edit/main/catalog/orgs/acme/organization.yaml`);
  });
});
