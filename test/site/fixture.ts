/**
 * The one built fixture site the browser tests drive: test/fixtures/site-catalog
 * committed to a temporary git repository (fixed authors and dates), built
 * twice: for the internal audience at `/`, and for the public audience under
 * the base path `/pub/`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, type BuildSiteResult } from "../../src/site-build/build-site.js";

/** The fixture catalog. */
export const FIXTURE = join(import.meta.dirname, "../fixtures/site-catalog");

/** Names of everything the public must never see. */
export const PRIVATE_NAMES = [
  "shadow-lab",
  "Shadow Lab",
  "covert-tool",
  "dark-matter",
  "ghost-user",
  "Ghost Person",
  "classified-proj",
  "hidden-kit",
  "stealth-model",
  "secret-run",
];

function git(cwd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync("git", args, { cwd, env: { ...process.env, ...env }, stdio: "pipe" });
}

/** Commit `paths` as `author` at `date`. */
function commit(cwd: string, paths: string[], author: [string, string], date: string, message: string): void {
  git(cwd, ["add", "--", ...paths]);
  const env = {
    GIT_AUTHOR_NAME: author[0],
    GIT_AUTHOR_EMAIL: author[1],
    GIT_COMMITTER_NAME: author[0],
    GIT_COMMITTER_EMAIL: author[1],
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  git(cwd, ["-c", "commit.gpgsign=false", "commit", "-q", "-m", message], env);
}

/** A temporary repository holding the fixture catalog in `catalog/`, with three commits. */
export function makeFixtureRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), "mlcat-site-repo-"));
  cpSync(FIXTURE, join(repo, "catalog"), { recursive: true });
  git(repo, ["init", "-q", "-b", "main"]);
  const late = ["catalog/orgs/acme/components/xss-demo", "catalog/orgs/acme/models/churn-model/versions/1.1.0.yaml"];
  const early = ["catalog", ...late.map((p) => `:(exclude)${p}`)];
  commit(
    repo,
    early,
    ["Alice Liddell", "alice@acme.example"],
    "2026-01-01T10:00:00Z",
    "Start the catalog with classified-proj and shadow-lab",
  );
  commit(repo, [late[1]!], ["Carol Chen", "carol@acme.example"], "2026-02-02T12:00:00Z", "Register churn-model 1.1.0");
  commit(
    repo,
    [late[0]!],
    ["Alice Liddell", "alice@acme.example"],
    "2026-02-03T09:00:00Z",
    "Add the xss-demo component",
  );
  return repo;
}

/** The two built sites. */
export interface FixtureSites {
  repo: string;
  internal: { dir: string; result: BuildSiteResult };
  public: { dir: string; result: BuildSiteResult };
  cleanup(): void;
}

/** Build the fixture's internal and public sites (with search indexes). */
export async function buildFixtureSites(): Promise<FixtureSites> {
  const repo = makeFixtureRepo();
  const out = mkdtempSync(join(tmpdir(), "mlcat-site-out-"));
  const now = new Date("2026-02-10T00:00:00Z");
  const common = { dir: join(repo, "catalog"), now };
  const internalDir = join(out, "internal");
  const publicDir = join(out, "public");
  const internal = await buildSite({ ...common, outDir: internalDir, audience: "internal", basePath: "/" });
  const pub = await buildSite({
    ...common,
    outDir: publicDir,
    audience: "public",
    basePath: "/pub/",
    siteUrl: "https://acme.example/pub",
  });
  if (!internal.ok || !pub.ok)
    throw new Error(
      `fixture build failed: ${JSON.stringify([...internal.diagnostics, ...pub.diagnostics].slice(0, 5))}`,
    );
  return {
    repo,
    internal: { dir: internalDir, result: internal },
    public: { dir: publicDir, result: pub },
    cleanup: () => {
      rmSync(repo, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}
