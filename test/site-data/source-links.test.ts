/**
 * Links back to the source: what a reader clicks to view, edit or trace an
 * entity's file, and a commit. Repository URLs and patterns come from the
 * catalog (untrusted): only http(s) links are made, every value is escaped.
 */
import { describe, expect, it } from "vitest";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { codeCommitLink, fillPattern, hostOf, SourceLinks } from "../../src/site-data/source-links.js";
import type { CatalogHistory } from "../../src/site-data/history.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";

/** A catalog from in-memory files, which must validate without problems (settings are read once valid). */
function catalogOf(files: FileMap) {
  const { catalog, diagnostics } = loadFiles(files);
  expect([...diagnostics, ...validateCatalog(catalog)].filter((d) => d.severity !== "info")).toEqual([]);
  return catalog;
}

function links(repository: Parameters<typeof SourceLinks.from>[0], detected?: string): SourceLinks {
  const made = SourceLinks.from(repository, detected);
  if (!(made instanceof SourceLinks)) throw new Error(`no links: ${made.reason}`);
  return made;
}

describe("links to a catalog file", () => {
  it.each([
    [
      "GitHub",
      "https://github.com/acme/ml-catalog",
      {
        view: "https://github.com/acme/ml-catalog/blob/main/catalog/orgs/acme/organization.yaml",
        edit: "https://github.com/acme/ml-catalog/edit/main/catalog/orgs/acme/organization.yaml",
        history: "https://github.com/acme/ml-catalog/commits/main/catalog/orgs/acme/organization.yaml",
      },
      `https://github.com/acme/ml-catalog/commit/${COMMIT}`,
    ],
    [
      "GitLab",
      "https://gitlab.com/acme/ml/catalog",
      {
        view: "https://gitlab.com/acme/ml/catalog/-/blob/main/catalog/orgs/acme/organization.yaml",
        edit: "https://gitlab.com/acme/ml/catalog/-/edit/main/catalog/orgs/acme/organization.yaml",
        history: "https://gitlab.com/acme/ml/catalog/-/commits/main/catalog/orgs/acme/organization.yaml",
      },
      `https://gitlab.com/acme/ml/catalog/-/commit/${COMMIT}`,
    ],
    [
      "Bitbucket",
      "https://bitbucket.org/acme/ml-catalog",
      {
        view: "https://bitbucket.org/acme/ml-catalog/src/main/catalog/orgs/acme/organization.yaml",
        edit: "https://bitbucket.org/acme/ml-catalog/src/main/catalog/orgs/acme/organization.yaml?mode=edit",
        history: "https://bitbucket.org/acme/ml-catalog/history-node/main/catalog/orgs/acme/organization.yaml",
      },
      `https://bitbucket.org/acme/ml-catalog/commits/${COMMIT}`,
    ],
    [
      "Codeberg (Gitea, Forgejo)",
      "https://codeberg.org/acme/ml-catalog",
      {
        view: "https://codeberg.org/acme/ml-catalog/src/branch/main/catalog/orgs/acme/organization.yaml",
        edit: "https://codeberg.org/acme/ml-catalog/_edit/main/catalog/orgs/acme/organization.yaml",
        history: "https://codeberg.org/acme/ml-catalog/commits/branch/main/catalog/orgs/acme/organization.yaml",
      },
      `https://codeberg.org/acme/ml-catalog/commit/${COMMIT}`,
    ],
    [
      "Azure DevOps",
      "https://dev.azure.com/acme/ml/_git/catalog",
      {
        view: "https://dev.azure.com/acme/ml/_git/catalog?path=/catalog/orgs/acme/organization.yaml&version=GBmain",
        edit: "https://dev.azure.com/acme/ml/_git/catalog?path=/catalog/orgs/acme/organization.yaml&version=GBmain&_a=contents",
        history:
          "https://dev.azure.com/acme/ml/_git/catalog?path=/catalog/orgs/acme/organization.yaml&version=GBmain&_a=history",
      },
      `https://dev.azure.com/acme/ml/_git/catalog/commit/${COMMIT}`,
    ],
  ])("on %s", (_host, url, file, commit) => {
    const l = links({ url }, "catalog");
    expect(l.file("orgs/acme/organization.yaml")).toEqual({ path: "catalog/orgs/acme/organization.yaml", ...file });
    expect(l.commit(COMMIT)).toBe(commit);
  });

  it("takes the branch and folder catalog.yaml gives over git's, and a .git or trailing slash off the URL", () => {
    const l = links(
      { url: "https://github.com/acme/ml-catalog.git/", branch: "release/2026", path: "/data/catalog/" },
      "catalog",
    );
    expect(l.file("users/alice.yaml").view).toBe(
      "https://github.com/acme/ml-catalog/blob/release/2026/data/catalog/users/alice.yaml",
    );
    expect(links({ url: "https://github.com/acme/ml" }).file("catalog.yaml").view).toBe(
      "https://github.com/acme/ml/blob/main/catalog.yaml",
    );
  });

  it("uses the host named for a self-hosted server, and the catalog's own patterns for any other", () => {
    expect(links({ url: "https://git.acme.example/ml/catalog", host: "gitlab" }).file("a.yaml").edit).toBe(
      "https://git.acme.example/ml/catalog/-/edit/main/a.yaml",
    );
    const custom = links({
      url: "https://code.acme.example/ml",
      links: { view: "{url}/files/{branch}/{path}", commit: "https://review.acme.example/c/{commit}" },
    });
    expect(custom.file("a b.yaml")).toEqual({
      path: "a b.yaml",
      view: "https://code.acme.example/ml/files/main/a%20b.yaml",
    });
    expect(custom.commit(COMMIT)).toBe(`https://review.acme.example/c/${COMMIT}`);
    expect(hostOf("https://github.acme.example/x/y")).toBe("github");
  });

  it("says why there are no links: no repository, or a host whose URLs are unknown", () => {
    expect(SourceLinks.from(undefined)).toEqual({ reason: "no-repository" });
    expect(SourceLinks.from({ url: "https://code.acme.example/ml" })).toEqual({ reason: "unknown-host" });
    expect(SourceLinks.from({ url: "javascript:alert(1)//github.com/x" })).toEqual({ reason: "no-repository" });
  });

  it("escapes what it fills in, and makes no link that is not http(s)", () => {
    const l = links({ url: "https://github.com/acme/ml", branch: "we?ird#branch" });
    expect(l.file('orgs/a"b/<x>.yaml').view).toBe(
      "https://github.com/acme/ml/blob/we%3Fird%23branch/orgs/a%22b/%3Cx%3E.yaml",
    );
    expect(fillPattern("javascript:{path}", { url: "https://x.example", path: "alert(1)" })).toBeUndefined();
    expect(fillPattern("{url}/{commit}", { url: "https://x.example" })).toBeUndefined();
    expect(l.commit("not-a-commit")).toBeUndefined();
    expect(l.commit(`${COMMIT}"><script>`)).toBeUndefined();
  });
});

describe("links to a code commit", () => {
  it("follows the code repository's host, else the catalog repository's when it is on the same server", () => {
    expect(codeCommitLink("https://github.com/acme/train", COMMIT, undefined)).toBe(
      `https://github.com/acme/train/commit/${COMMIT}`,
    );
    const selfHosted = links({ url: "https://git.acme.example/ml/catalog", host: "gitlab" });
    expect(codeCommitLink("https://git.acme.example/ml/train", COMMIT, selfHosted)).toBe(
      `https://git.acme.example/ml/train/-/commit/${COMMIT}`,
    );
    expect(codeCommitLink("https://elsewhere.example/train", COMMIT, selfHosted)).toBeUndefined();
    expect(codeCommitLink("git@github.com:acme/train.git", COMMIT, selfHosted)).toBeUndefined();
  });
});

describe("the site data", () => {
  const files: FileMap = {
    ...BASE,
    "orgs/acme/projects/churn/experiments/run-1.yaml": `${BASE["orgs/acme/projects/churn/experiments/run-1.yaml"]}code: { repo: "https://github.com/acme/train", commit: ${COMMIT} }\n`,
  };
  const history: CatalogHistory = {
    available: true,
    byFile: {
      "orgs/acme/organization.yaml": [
        {
          commit: COMMIT,
          short: COMMIT.slice(0, 7),
          date: "2026-01-01T00:00:00.000Z",
          author: "Alice",
          message: "start",
          change: "added",
          file: "orgs/acme/organization.yaml",
        },
      ],
    },
  };

  it("links every entity page to its file, every commit to its commit, and an experiment's code to its commit", () => {
    const withRepo = {
      ...files,
      "catalog.yaml": `${files["catalog.yaml"]}repository:\n  url: https://github.com/acme/ml-catalog\n`,
    };
    const data = buildSiteData(catalogOf(withRepo), { history, repositoryPath: "catalog" });
    const pages = [
      ...data.orgs,
      ...data.teams,
      ...data.projects,
      ...data.experiments,
      ...data.components,
      ...data.componentVersions,
      ...data.models,
      ...data.modelVersions,
      ...data.users,
      ...data.connections,
      ...data.projectComponents,
    ];
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages)
      expect(p.source?.file.edit, p.url).toMatch(
        /^https:\/\/github\.com\/acme\/ml-catalog\/edit\/main\/catalog\/.+\.yaml$/,
      );
    expect(data.orgs[0]!.history[0]!.commitUrl).toBe(`https://github.com/acme/ml-catalog/commit/${COMMIT}`);
    expect(data.experiments.find((e) => e.name === "run-1")!.code!.commitHref).toBe(
      `https://github.com/acme/train/commit/${COMMIT}`,
    );
    expect(data.meta.repository).toBe("https://github.com/acme/ml-catalog");
  });

  it("has no source links without a repository in catalog.yaml", () => {
    const data = buildSiteData(catalogOf(files), { history });
    expect(data.orgs[0]!.source).toBeUndefined();
    expect(data.orgs[0]!.history[0]!.commitUrl).toBeUndefined();
    expect(data.meta.repository).toBeUndefined();
  });
});
