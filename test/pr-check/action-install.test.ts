/**
 * The action's install step, as GitHub runs it on a cache miss: in a copy of
 * mlcat's tracked files (what `uses: owner/mlcat@<sha>` checks out), install,
 * compile, bundle and prune to production dependencies. Then the action's run
 * step, with that copy's CLI, validates and builds a consumer repository that
 * `mlcat init` started: what every adopting repository's first run does.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";

const ROOT = process.cwd();
type Step = { name?: string; run?: string; env?: Record<string, string> };
const steps = (parse(readFileSync("action.yml", "utf8")) as { runs: { steps: Step[] } }).runs.steps;
const install = steps.find((s) => s.name?.startsWith("Install mlcat's dependencies"))!;
const run = steps.find((s) => s.name === "Run mlcat")!;

let work: string;
let action: string;
let consumer: string;
let installed: { code: number | null; stdout: string; stderr: string };

/** Only what a runner needs: Node 24 first on PATH, a home, npm's cache (warm after `npm ci`). */
function runnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    HOME: process.env.HOME ?? tmpdir(),
    npm_config_prefer_offline: "true",
    npm_config_update_notifier: "false",
    ...extra,
  };
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 420_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mlcat-action-install-"));
  action = join(work, "mlcat");
  // What actions/checkout of the action's commit gives: the tracked files, nothing built.
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(action, file)), { recursive: true });
    cpSync(join(ROOT, file), join(action, file));
  }
  installed = bash(install.run!, action, runnerEnv());

  consumer = join(work, "consumer");
  mkdirSync(consumer);
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: consumer });
  const init = await runCli(["init", "--dir", consumer, "--github-login", "alice-m", "--github-id", "1234567"]);
  expect(init.code).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the action's install step, in a fresh checkout of the action", () => {
  it("installs, compiles and bundles mlcat", () => {
    expect(installed.stderr).not.toMatch(/npm error|ERR!/);
    expect(installed.code).toBe(0);
    expect(existsSync(join(action, "dist/cli/main.js"))).toBe(true);
    expect(existsSync(join(action, "dist/schemas/validators.generated.cjs"))).toBe(true);
  });

  it("keeps only the production dependencies it runs", () => {
    expect(existsSync(join(action, "node_modules/yaml/package.json"))).toBe(true);
    expect(existsSync(join(action, "node_modules/astro/package.json"))).toBe(true);
    for (const dev of ["typescript", "vitest", "eslint", "prettier", "playwright-core"])
      expect(existsSync(join(action, "node_modules", dev, "package.json")), dev).toBe(false);
  });

  function runStep(env: Record<string, string>) {
    return bash(
      run.run!,
      consumer,
      runnerEnv({
        MLCAT: join(action, "bin/mlcat.js"),
        CATALOG: "catalog",
        FORMAT: "github",
        ALL: "false",
        OUT: "site-dist",
        AUDIENCE: "public",
        ...env,
      }),
    );
  }

  it("then validates a consumer's catalog with the built CLI", () => {
    const r = runStep({ COMMAND: "validate" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 errors, 0 warnings");
  });

  it("and builds the consumer's site", () => {
    const r = runStep({ COMMAND: "build", SITE_URL: "https://ml.example.org", BASE_PATH: "/catalog/" });
    expect(r.code, r.stderr).toBe(0);
    const home = readFileSync(join(consumer, "site-dist/index.html"), "utf8");
    expect(home).toContain('href="/catalog/');
    expect(existsSync(join(consumer, "site-dist/pagefind"))).toBe(true);
  });
});
