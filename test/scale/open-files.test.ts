/**
 * A catalog of a few thousand entities under a hard limit of 256 open files
 * (common in containers and CI images): validate (plain and with the content
 * cache and worker threads), check and build all finish, because every fan-out
 * of file work is bounded.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCatalog } from "../../scripts/scale/generate-catalog.ts";
import { writeCatalogRepository } from "../../scripts/scale/write-repository.ts";

const BIN = resolve("bin/mlcat.js");
const LIMIT = 256;

/** `mlcat <args>` in a child process whose soft and hard limits of open files are LIMIT. */
function limited(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn("bash", ["-c", `ulimit -n ${LIMIT} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ASTRO_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, out }));
  });
}

describe(`a few thousand entities with at most ${LIMIT} open files`, () => {
  let dir: string;
  let actor: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mlcat-nofile-"));
    const catalog = generateCatalog({ entities: 2500, seed: 3 });
    actor = catalog.users[0]!.login;
    await writeCatalogRepository(catalog, dir, { commits: 2 });
    // A pull request: five project files edited on a branch.
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        stdio: "ignore",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.com",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.com",
        },
      });
    git("checkout", "-q", "-b", "pr");
    const projects = [...catalog.files.keys()].filter((p) => p.endsWith("/project.yaml")).slice(0, 5);
    for (const p of projects) writeFileSync(join(dir, "catalog", p), `${catalog.files.get(p)!}# edited\n`);
    git("commit", "-qam", "edit five projects");
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the limit is in force in the child (a fan-out of 1,000 opens fails there)", async () => {
    const probe = await new Promise<string>((done) => {
      const script = `const fs=require("fs");const fds=[];try{for(let i=0;i<1000;i++)fds.push(fs.openSync(${JSON.stringify(BIN)},"r"));console.log("opened")}catch(e){console.log(e.code)}`;
      const child = spawn("bash", ["-c", `ulimit -n ${LIMIT} && exec "$0" -e '${script}'`, process.execPath], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.on("close", () => done(out.trim()));
    });
    expect(probe).toBe("EMFILE");
  });

  it("validate passes, plain and with the content cache and worker threads", async () => {
    const plain = await limited(["validate", "catalog"], dir);
    expect(plain.out).not.toMatch(/EMFILE|too many open files/);
    expect(plain.code, plain.out).toBe(0);
    const cached = await limited(["validate", "catalog", "--cache", join(dir, ".cache")], dir);
    expect(cached.out).not.toMatch(/EMFILE|too many open files/);
    expect(cached.code, cached.out).toBe(0);
  }, 120_000);

  it("check decides the pull request", async () => {
    const run = await limited(["check", "--base", "main", "--head", "pr", "--actor", actor], dir);
    expect(run.out).not.toMatch(/EMFILE|too many open files/);
    expect([0, 1], run.out).toContain(run.code);
    expect(run.out).toMatch(/5 changed files/);
  }, 120_000);

  it("build writes every page, API file and the search index", async () => {
    const run = await limited(["build", "--catalog", "catalog", "--out", "site"], dir);
    expect(run.out).not.toMatch(/EMFILE|too many open files/);
    expect(run.code, run.out).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, "site/api/index.json"), "utf8")) as {
      entities: Array<{ api: string }>;
    };
    expect(index.entities.length).toBeGreaterThan(2000);
    expect(index.entities.every((e) => existsSync(join(dir, "site", e.api)))).toBe(true);
    expect(existsSync(join(dir, "site/pagefind/pagefind.js"))).toBe(true);
  }, 240_000);
});
