import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintSecret, makeAllowlist } from "../../src/secrets/allowlist.js";
import { scanPullRequestSecrets } from "../../src/secrets/scan-pull-request.js";
import { GitError } from "../../src/git/git-error.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { FAKE, fakePem, utf16be, utf16le } from "./fake-secrets.js";

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

/** A repository with main at the BASE catalog (plus `onBase`, paths from the repository root) and a branch `pr` checked out. */
function prRepo(onBase: Record<string, string | Uint8Array> = {}): TestRepo {
  const r = makeRepo();
  repos.push(r);
  if (Object.keys(onBase).length > 0) {
    r.write(onBase);
    r.commit("files on main");
  }
  r.branch("pr");
  return r;
}

const scan = (r: TestRepo, extra: { allowlist?: ReturnType<typeof makeAllowlist> } = {}) =>
  scanPullRequestSecrets({ cwd: r.dir, base: r.git("rev-parse", "main"), head: r.git("rev-parse", "pr"), ...extra });

const places = (ds: Awaited<ReturnType<typeof scan>>) =>
  ds.map((d) => ({ file: d.file, line: d.line, column: d.column }));

describe("the pull-request secret scan reads every added line of every commit", () => {
  it("fails a secret added in one commit and removed in the next, naming the commit that added it", async () => {
    const r = prRepo();
    r.writeCatalog({ "orgs/acme/projects/churn/README.md": `# Churn\n\nuse ${FAKE.github}\n` });
    const added = r.commit("add a readme");
    r.writeCatalog({ "orgs/acme/projects/churn/README.md": "# Churn\n" });
    r.commit("oops, remove the token");
    const ds = await scan(r);
    expect(places(ds)).toEqual([{ file: "catalog/orgs/acme/projects/churn/README.md", line: 3, column: 5 }]);
    expect(ds[0]!.message).toContain(`added in commit ${added.slice(0, 12)} ("add a readme")`);
    expect(ds[0]!.hint).toContain("removing it in a later commit is not enough");
  });

  it("scans files outside catalog/ too, and multi-line private keys", async () => {
    const r = prRepo();
    r.write({
      "scripts/deploy.sh": `#!/bin/sh\nexport HF_TOKEN=${FAKE.huggingface}\n`,
      "keys/id_rsa": `${fakePem()}\n`,
    });
    r.commit("add deploy script");
    expect(places(await scan(r))).toEqual(
      [
        { file: "keys/id_rsa", line: 1, column: 1 },
        { file: "scripts/deploy.sh", line: 2, column: 17 },
      ].sort((a, b) => (a.file < b.file ? -1 : 1)),
    );
  });

  it("gives line numbers in the file after each commit, for additions in the middle of a file", async () => {
    const r = prRepo();
    r.write({ "notes.txt": "one\ntwo\nthree\nfour\n" });
    r.commit("notes");
    r.write({ "notes.txt": `one\ntwo\ntoken: ${FAKE.openai}\nthree\nfour\n` });
    r.commit("insert");
    expect(places(await scan(r))).toEqual([{ file: "notes.txt", line: 3, column: 8 }]);
  });

  it("does not blame the pull request for lines already on the base, nor for base commits merged into it", async () => {
    const r = prRepo();
    r.checkout("main");
    r.write({ "legacy.txt": `old: ${FAKE.slack}\n` });
    r.commit("a secret already on main (validate reports it there)");
    r.checkout("pr");
    r.write({ "harmless.txt": "hello\n" });
    r.commit("harmless");
    r.merge("main");
    expect(await scan(r)).toEqual([]);
  });

  it("sees lines a merge commit itself introduces (a conflict resolution)", async () => {
    const r = prRepo();
    r.write({ "conflict.txt": "base\n" });
    r.commit("file on pr");
    r.checkout("main");
    r.write({ "conflict.txt": "main side\n" });
    r.commit("file on main");
    r.checkout("pr");
    try {
      r.git("merge", "-q", "main");
    } catch {
      // conflict: resolve it with a line neither side had
    }
    r.write({ "conflict.txt": `resolved\nkey: ${FAKE.google}\n` });
    r.commit("merge main");
    expect(places(await scan(r))).toEqual([{ file: "conflict.txt", line: 2, column: 6 }]);
  });

  it("is not fooled by .gitattributes marking files binary, nor by odd file names", async () => {
    const r = prRepo();
    r.write({ ".gitattributes": "*.yaml binary\n*.txt -diff\n", 'odd "name" é.txt': `aws: ${FAKE.awsAccessKey}\n` });
    r.writeCatalog({ "orgs/acme/connections/extra.yaml": `name: extra\nkind: s3\ntoken: ${FAKE.jwt}\n` });
    r.commit("attributes");
    expect(places(await scan(r))).toEqual([
      { file: "catalog/orgs/acme/connections/extra.yaml", line: 3, column: 8 },
      { file: 'odd "name" é.txt', line: 1, column: 6 },
    ]);
  });

  it("honours the allowlist it is given (the base's), and reports each secret once per file", async () => {
    const r = prRepo();
    r.write({ "a.txt": `${FAKE.github}\n${FAKE.github}\n`, "b.txt": `${FAKE.huggingface}\n` });
    r.commit("two");
    r.write({ "a.txt": `${FAKE.github}\n` });
    r.commit("again");
    expect(places(await scan(r))).toEqual([
      { file: "a.txt", line: 1, column: 1 },
      { file: "b.txt", line: 1, column: 1 },
    ]);
    expect(places(await scan(r, { allowlist: makeAllowlist([fingerprintSecret(FAKE.github)]) }))).toEqual([
      { file: "b.txt", line: 1, column: 1 },
    ]);
  });
});

describe("the pull-request scan reads UTF-16 files by their byte-order mark, and every path a commit creates", () => {
  const masked = (value: string) => "*".repeat(value.length);
  type Commits = Array<Record<string, string | Uint8Array | null>>;
  const cases: Array<
    [
      string,
      { onBase?: Record<string, string | Uint8Array>; commits: Commits; renames?: Array<[string, string]> },
      ReturnType<typeof places>,
    ]
  > = [
    [
      "a new UTF-16LE file (FF FE) outside the catalog, Windows line ends",
      { commits: [{ "notes/win.txt": utf16le(`hello\r\ntoken ${FAKE.github}\r\n`) }] },
      [{ file: "notes/win.txt", line: 2, column: 7 }],
    ],
    [
      "a new UTF-16BE file (FE FF) in the catalog",
      {
        commits: [
          { "catalog/orgs/acme/connections/extra.yaml": utf16be(`name: extra\nkind: s3\ntoken: ${FAKE.jwt}\n`) },
        ],
      },
      [{ file: "catalog/orgs/acme/connections/extra.yaml", line: 3, column: 8 }],
    ],
    [
      "a line added to a UTF-16 file the base had: its new secret, not the base's",
      {
        onBase: { "legacy/win.txt": utf16le(`title\nold: ${FAKE.slack}\n`) },
        commits: [{ "legacy/win.txt": utf16le(`title\nold: ${FAKE.slack}\nnew: ${FAKE.google}\n`) }],
      },
      [{ file: "legacy/win.txt", line: 3, column: 6 }],
    ],
    [
      "a secret added to a UTF-16 file in one commit and removed in the next",
      {
        commits: [
          { "notes/win.txt": utf16le(`token: ${FAKE.openai}\n`) },
          { "notes/win.txt": utf16le("token: gone\n") },
        ],
      },
      [{ file: "notes/win.txt", line: 1, column: 8 }],
    ],
    [
      "a token as a new file's name outside the catalog (an empty file)",
      { commits: [{ [`tmp/${FAKE.huggingface}`]: "" }] },
      [{ file: `tmp/${masked(FAKE.huggingface)}`, line: 1, column: 1 }],
    ],
    [
      "a token as a file name in the catalog",
      { commits: [{ [`catalog/orgs/acme/${FAKE.github}.md`]: "notes\n" }] },
      [{ file: `catalog/orgs/acme/${masked(FAKE.github)}.md`, line: 1, column: 1 }],
    ],
    [
      "a token as a folder name",
      { commits: [{ [`${FAKE.openai}/readme.txt`]: "hello\n" }] },
      [{ file: `${masked(FAKE.openai)}/readme.txt`, line: 1, column: 1 }],
    ],
    [
      "a token in a renamed-to path",
      { onBase: { "notes.txt": "hello\n" }, commits: [], renames: [["notes.txt", `${FAKE.google}.txt`]] },
      [{ file: `${masked(FAKE.google)}.txt`, line: 1, column: 1 }],
    ],
    // Placeholders stay allowed; other files with NUL bytes are not UTF-16.
    [
      "a placeholder in a UTF-16 file",
      { commits: [{ "notes/win.txt": utf16le("token: <your-token>\npassword: ${DB_PASSWORD}\n") }] },
      [],
    ],
    ["an x-ed out token as a file name", { commits: [{ [`tmp/ghp_${"x".repeat(36)}.txt`]: "hello\n" }] }, []],
    [
      "a binary file with NUL bytes and no byte-order mark",
      {
        commits: [
          { "img.bin": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0, 0, 0, 0x0d, 0x0a, 0, 0x68, 0x66]) },
        ],
      },
      [],
    ],
  ];
  it.each(cases)("%s", async (_name, c, expected) => {
    const r = prRepo(c.onBase);
    c.commits.forEach((files, i) => {
      r.write(files);
      r.commit(`commit ${i + 1}`);
    });
    for (const [from, to] of c.renames ?? []) {
      r.git("mv", from, to);
      r.commit(`rename ${from}`);
    }
    expect(places(await scan(r))).toEqual(expected);
  });

  it("names the commit that created the path, tells to rename, and never prints the secret", async () => {
    const r = prRepo();
    r.write({ [`tmp/${FAKE.huggingface}.txt`]: "hello\n" });
    const added = r.commit("add notes");
    const [d] = await scan(r);
    expect(JSON.stringify(d)).not.toContain(FAKE.huggingface.slice(3));
    expect(d!.message).toBe(
      `the path of this file (a file or folder name) holds what looks like a Hugging Face token (hf_…, 37 characters), added in commit ${added.slice(0, 12)} ("add notes"): credentials must never be committed`,
    );
    expect(d!.hint).toContain(
      "NOW, then rename the file or folder (renaming is not enough: it stays in the pull request's history",
    );
  });
});

describe("git failures never pass the scan", () => {
  it("throws a GitError when git is missing or a revision is unknown", async () => {
    const r = prRepo();
    const missing = await scanPullRequestSecrets({
      cwd: r.dir,
      base: "main",
      head: "pr",
      binary: "/nonexistent/git",
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitError);
    expect((missing as GitError).message).toMatch(/git is not installed/);
    const unknown = await scanPullRequestSecrets({ cwd: r.dir, base: "main", head: "no-such-branch" }).catch(
      (e: unknown) => e,
    );
    expect(unknown).toBeInstanceOf(GitError);
  });

  it("throws a GitError when a UTF-16 file's blob cannot be read", async () => {
    const r = prRepo();
    r.write({ "notes/win.txt": utf16le(`token: ${FAKE.github}\n`) });
    r.commit("notes");
    const dir = mkdtempSync(join(tmpdir(), "mlcat-git-blob-fails-"));
    const git = join(dir, "git");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(
      git,
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = "blob" ] && { echo "fatal: simulated failure" >&2; exit 128; }; done\nexec "${real}" "$@"\n`,
      { mode: 0o755 },
    );
    try {
      const failed = await scanPullRequestSecrets({
        cwd: r.dir,
        base: r.git("rev-parse", "main"),
        head: r.git("rev-parse", "pr"),
        binary: git,
      }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(GitError);
      expect((failed as GitError).message).toMatch(/^cannot read blob [0-9a-f]{40}: simulated failure$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
