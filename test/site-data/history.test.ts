import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyOf, parseGitLog, pathInRepository, readCatalogHistory } from "../../src/site-data/history.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real repository: a catalog in `catalog/`, three commits with fixed authors and dates. */
function makeRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), "mlcat-history-"));
  dirs.push(repo);
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: repo, env: { ...process.env, ...env }, stdio: "pipe" });
  const commit = (who: string, date: string, message: string) => {
    git(["add", "-A"]);
    git(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message], {
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: `${who.toLowerCase()}@x.test`,
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: `${who.toLowerCase()}@x.test`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
  };
  git(["init", "-q", "-b", "main"]);
  mkdirSync(join(repo, "catalog/users"), { recursive: true });
  writeFileSync(join(repo, "README.md"), "outside the catalog\n");
  writeFileSync(join(repo, "catalog/users/alice.yaml"), "name: alice\n");
  writeFileSync(join(repo, "catalog/users/bob.yaml"), "name: bob\n");
  commit("Alice", "2026-01-01T10:00:00Z", "Add alice and bob");
  writeFileSync(join(repo, "catalog/users/alice.yaml"), "name: alice\ndisplayName: Alice\n");
  commit("Bob", "2026-01-02T10:00:00Z", "Name alice");
  rmSync(join(repo, "catalog/users/bob.yaml"));
  writeFileSync(join(repo, "README.md"), "changed\n");
  commit("Alice", "2026-01-03T10:00:00Z", "Remove bob");
  return repo;
}

describe("readCatalogHistory", () => {
  it("reads who changed each catalog file, when and why, with paths relative to the catalog", async () => {
    const repo = makeRepo();
    const history = await readCatalogHistory(join(repo, "catalog"));
    expect(history.available).toBe(true);
    expect(Object.keys(history.byFile).sort()).toEqual(["users/alice.yaml", "users/bob.yaml"]);
    expect(
      history.byFile["users/alice.yaml"]!.map(({ author, date, message, change }) => ({
        author,
        date,
        message,
        change,
      })),
    ).toEqual([
      { author: "Bob", date: "2026-01-02T10:00:00.000Z", message: "Name alice", change: "modified" },
      { author: "Alice", date: "2026-01-01T10:00:00.000Z", message: "Add alice and bob", change: "added" },
    ]);
    expect(history.byFile["users/bob.yaml"]!.map((e) => e.change)).toEqual(["deleted", "added"]);
    expect(history.byFile["users/bob.yaml"]![0]!.short).toHaveLength(7);
  });

  it("reads objects as they are: a replacement (refs/replace) of a commit does not change who made it", async () => {
    const repo = makeRepo();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();
    const head = git("rev-parse", "HEAD");
    const forged = execFileSync("git", ["commit-tree", `${head}^{tree}`, "-p", "HEAD~1", "-m", "Forged message"], {
      cwd: repo,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Mallory",
        GIT_AUTHOR_EMAIL: "m@x.test",
        GIT_COMMITTER_NAME: "M",
        GIT_COMMITTER_EMAIL: "m@x.test",
      },
    }).trim();
    git("replace", head, forged);
    expect(git("log", "-1", "--format=%an")).toBe("Mallory");
    const history = await readCatalogHistory(join(repo, "catalog"));
    expect(history.byFile["users/bob.yaml"]![0]).toMatchObject({
      author: "Alice",
      message: "Remove bob",
      commit: head,
    });
  });

  it("reads the same history where git is set to show signatures (log.showSignature) and commits are signed", async () => {
    const repo = makeRepo();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();
    // A stand-in for gpg: signs with a fixed block, and says "Good signature" when asked to verify.
    const gpg = join(repo, "..", `${repo.split("/").pop()}-gpg`);
    writeFileSync(
      gpg,
      [
        "#!/bin/sh",
        'case "$*" in',
        '  *--verify*) echo "[GNUPG:] GOODSIG 0000000000000000 Signer"; echo "gpg: Good signature from Signer" >&2 ;;',
        '  *) cat >/dev/null; echo "[GNUPG:] SIG_CREATED D 22 8 00 0 0" >&2',
        "     printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nc2ln\\n-----END PGP SIGNATURE-----\\n' ;;",
        "esac",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    dirs.push(gpg);
    git("config", "gpg.program", gpg);
    git("config", "user.signingkey", "0000000000000000");
    git("config", "log.showSignature", "true");
    writeFileSync(join(repo, "catalog/users/alice.yaml"), "name: alice\ndisplayName: Alice A.\n");
    git("add", "-A");
    execFileSync("git", ["-c", "user.name=Carol", "-c", "user.email=c@x.test", "commit", "-q", "-S", "-m", "Sign"], {
      cwd: repo,
    });
    expect(git("log", "-1", "--format=%an")).toContain("Good signature");
    const history = await readCatalogHistory(join(repo, "catalog"));
    expect(history.available).toBe(true);
    expect(history.byFile["users/alice.yaml"]!.map((e) => [e.author, e.message])).toEqual([
      ["Carol", "Sign"],
      ["Bob", "Name alice"],
      ["Alice", "Add alice and bob"],
    ]);
  });

  it("says where the catalog folder is in its repository", async () => {
    const repo = makeRepo();
    expect(await pathInRepository(join(repo, "catalog"))).toBe("catalog");
    expect(await pathInRepository(repo)).toBe("");
    const outside = mkdtempSync(join(tmpdir(), "mlcat-nogit-"));
    dirs.push(outside);
    expect(await pathInRepository(outside)).toBeUndefined();
  });

  it("says history is unavailable for a folder outside git, without failing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlcat-nogit-"));
    dirs.push(dir);
    const history = await readCatalogHistory(dir);
    expect(history.available).toBe(false);
    expect(history.byFile).toEqual({});
    expect(history.reason).toBeTruthy();
  });
});

describe("parseGitLog and historyOf", () => {
  it("parses records of several files and merges an entity's files into one newest-first list", () => {
    const rec = (hash: string, date: string, subject: string, files: string[]) =>
      `\x1e${hash}\x1f${date}\x1fAnn\x1f${subject}\0\n${files.flatMap((f) => ["M", f]).join("\0")}\0`;
    const byFile = parseGitLog(
      rec("b".repeat(40), "2026-01-02T00:00:00Z", "two", ["a.yaml", "README.md"]) +
        rec("a".repeat(40), "2026-01-01T00:00:00Z", "one", ["a.yaml"]),
    );
    expect(Object.keys(byFile)).toEqual(["a.yaml", "README.md"]);
    const merged = historyOf({ available: true, byFile }, ["a.yaml", "README.md"]);
    expect(merged.map((e) => e.message)).toEqual(["two", "one"]);
  });
});
