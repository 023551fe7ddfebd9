/**
 * `mlcat check` with a content cache (the CLI's MLCAT_CACHE_DIR) decides exactly what it
 * decides without one: the cache left by `mlcat validate` on main, an empty
 * cache, and the head's own snapshot (a re-run) all give the same
 * diagnostics, decisions and code-frame texts, on real temporary repositories,
 * after every kind of change of the snapshot tests.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPullRequest, type CheckResult } from "../../src/pr-check/run-check.js";
import { validate } from "../../src/validate.js";
import { PrScenario } from "../helpers/pr-repo.js";
import { CHANGES, GENERATED } from "./changes.js";

const work = mkdtempSync(join(tmpdir(), "mlcat-check-cache-"));
const mainCache = join(work, "main-cache");
let scenario: PrScenario;
let mainDigest: string;
/** A catalog admin of the generated catalog: most changes are allowed, so the head's validation decides the outcome. */
const ADMIN = /^admins: \[([^,\]]+)/m.exec(GENERATED.get("catalog.yaml")!)![1]!;
const login = (user: string) => /login: "?([^"\n]+)"?/.exec(GENERATED.get(`users/${user}.yaml`)!)![1]!;

beforeAll(async () => {
  scenario = new PrScenario(Object.fromEntries(GENERATED));
  // What CI on main leaves behind.
  const main = await validate({ dir: join(scenario.repo.dir, "catalog"), cache: mainCache, workers: 0 });
  mainDigest = main.snapshot!.digest;
}, 60_000);

afterAll(() => {
  scenario?.remove();
  rmSync(work, { recursive: true, force: true });
});

/** What a user sees of a check: every diagnostic, every decision, the texts of the code frames. */
function seen(result: CheckResult) {
  return {
    diagnostics: result.diagnostics,
    preexisting: result.preexisting,
    changes: result.changes,
    texts: [...result.texts].sort(),
    files: result.files,
    entities: result.entities,
  };
}

async function checkWith(branch: string, cacheDir: string | undefined): Promise<CheckResult> {
  return await checkPullRequest({
    cwd: scenario.repo.dir,
    base: "main",
    head: branch,
    actor: { login: login(ADMIN) },
    ...(cacheDir !== undefined && { cache: cacheDir }),
  });
}

let cases = 0;
describe("mlcat check with a content cache decides exactly what it decides without one", () => {
  it.each(Object.keys(CHANGES))(
    "after this change: %s",
    async (name) => {
      const files = new Map(GENERATED);
      CHANGES[name]!(files);
      const change: Record<string, string | null> = {};
      for (const [path, text] of files) if (GENERATED.get(path) !== text) change[path] = text;
      for (const path of GENERATED.keys()) if (!files.has(path)) change[path] = null;
      const branch = scenario.openBranch({ change });
      scenario.repo.checkout("main");

      const plain = seen(await checkWith(branch, undefined));
      const fromMain = join(work, `from-main-${++cases}`);
      cpSync(mainCache, fromMain, { recursive: true });
      const first = await checkWith(branch, fromMain);
      expect(seen(first)).toEqual(plain);
      // It started from main's snapshot: the digest of main's tree in git is the digest of main's working tree.
      expect(first.snapshot?.from).toBe(mainDigest);
      // Again with what that run left: the head's own snapshot (a re-run of the same check).
      expect(seen(await checkWith(branch, fromMain))).toEqual(plain);
      rmSync(fromMain, { recursive: true, force: true });
    },
    60_000,
  );

  it("with an empty cache (the first run fills it)", async () => {
    const files = new Map(GENERATED);
    CHANGES["delete a user an experiment names as creator"]!(files);
    const change: Record<string, string | null> = {};
    for (const path of GENERATED.keys()) if (!files.has(path)) change[path] = null;
    const branch = scenario.openBranch({ change });
    scenario.repo.checkout("main");
    const plain = seen(await checkWith(branch, undefined));
    expect(plain.diagnostics.some((d) => d.code === "ref/unknown-user")).toBe(true);
    const empty = join(work, "empty");
    expect(seen(await checkWith(branch, empty))).toEqual(plain);
    expect(seen(await checkWith(branch, empty))).toEqual(plain);
  }, 60_000);
});
