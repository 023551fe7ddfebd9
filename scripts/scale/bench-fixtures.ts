/**
 * What the benchmark runs on: a generated catalog committed as a git
 * repository, a pull request of five changed files by an organization owner,
 * the ajv-cli calls that check the same files against the same schemas, and
 * a bare Astro project of N trivial pages.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { KIND_GLOBS, SCHEMA_FILES, schemaPath } from "../../dist/schemas/schema-files.js";
import { KINDS, SCHEMA_FILE } from "../../dist/model/kinds.js";
import type { GeneratedCatalog } from "./generate-catalog.ts";
import type { CommandSpec } from "./measure.ts";

const git = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...env },
  }).trim();

/** A top-level description, folded over several lines or not. */
const DESCRIPTION = /^description: .*(?:\n {2,}\S.*)*$/m;

/** When the benchmark's pull request is committed. */
const PR_DATE = "2026-07-01T09:00:00Z";
/** The pull request the benchmark checks. */
export interface BenchPullRequest {
  branch: string;
  /** The author's GitHub login (an owner of the organization the files are in). */
  actor: string;
  files: string[];
}

/**
 * Commit five changes on a branch `bench-pr` from `main`: two new
 * experiments, a new model version, and edited descriptions of a project and
 * a hub component, all in one organization, by one of its owners.
 */
export function makePullRequest(repo: string, generated: GeneratedCatalog): BenchPullRequest {
  const paths = [...generated.files.keys()];
  const org = paths.find((p) => /^orgs\/[^/]+\/organization\.yaml$/.test(p))!.split("/")[1]!;
  const inOrg = (re: RegExp) => paths.filter((p) => p.startsWith(`orgs/${org}/`) && re.test(p));
  const owner = /^ *- user: (\S+)\n *role: owner$/m.exec(generated.files.get(`orgs/${org}/organization.yaml`)!)![1]!;
  const user = generated.users.find((u) => u.name === owner)!;
  const experiment = inOrg(/\/experiments\/[^/]+\.yaml$/)[0]!;
  const version = inOrg(/\/models\/[^/]+\/versions\/[^/]+\.yaml$/).find((p) =>
    /^stage: testing$/m.test(generated.files.get(p)!),
  )!;
  const project = inOrg(/\/projects\/[^/]+\/project\.yaml$/)[0]!;
  const component = inOrg(/\/components\/[^/]+\/component\.yaml$/)[0]!;
  const read = (p: string) => generated.files.get(p)!;
  const changes: Record<string, string> = {
    // New records name the pull request's author (mlcat check's record-created-by).
    [experiment.replace(/[^/]+\.yaml$/, "bench-run-a.yaml")]: read(experiment)
      .replace(/^name: .*$/m, "name: bench-run-a")
      .replace(/^createdBy: .*$/m, `createdBy: ${user.name}`),
    [experiment.replace(/[^/]+\.yaml$/, "bench-run-b.yaml")]: read(experiment)
      .replace(/^name: .*$/m, "name: bench-run-b")
      .replace(/^createdBy: .*$/m, `createdBy: ${user.name}`),
    // A new version records this pull request: its stage history entries are the author's, at the commit's time (mlcat check's record-by and record-at).
    [version.replace(/[^/]+\.yaml$/, "9.9.0.yaml")]: read(version)
      .replace(/^name: .*$/m, 'name: "9.9.0"')
      .replace(/^(\s*-?\s*at:) .*$/gm, `$1 "${PR_DATE}"`)
      .replace(/^(\s*-?\s*by:) .*$/gm, `$1 ${user.name}`)
      .replace(/^createdBy: .*$/m, `createdBy: ${user.name}`),
    [project]: read(project).replace(DESCRIPTION, "description: Updated in the benchmark's pull request."),
    [component]: read(component).replace(DESCRIPTION, "description: Updated in the benchmark's pull request."),
  };
  git(repo, ["checkout", "-q", "-b", "bench-pr", "main"]);
  for (const [path, text] of Object.entries(changes)) {
    mkdirSync(dirname(join(repo, "catalog", path)), { recursive: true });
    writeFileSync(join(repo, "catalog", path), text);
  }
  git(repo, ["add", "catalog"]);
  const date = PR_DATE;
  git(repo, ["commit", "-q", "-m", "Record two runs, register a model version, update two descriptions"], {
    GIT_AUTHOR_NAME: user.displayName,
    GIT_AUTHOR_EMAIL: user.email,
    GIT_COMMITTER_NAME: user.displayName,
    GIT_COMMITTER_EMAIL: user.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  git(repo, ["checkout", "-q", "main"]);
  return { branch: "bench-pr", actor: user.login, files: Object.keys(changes) };
}

/**
 * The ajv-cli calls that check every entity file of `catalogDir` against its
 * kind's JSON Schema (schema only: no references, no positions), one call per
 * schema, with the same Ajv settings mlcat uses (draft 2020-12, all errors,
 * formats, union types).
 */
export function ajvCliCommands(node: string, ajvCli: string, catalogDir: string): CommandSpec[] {
  const bySchema = new Map<string, string[]>();
  for (const kind of KINDS) {
    const list = bySchema.get(SCHEMA_FILE[kind]) ?? [];
    list.push(join(catalogDir, KIND_GLOBS[kind]));
    bySchema.set(SCHEMA_FILE[kind], list);
  }
  // Every other schema as a reference: the common one, and those a kind's schema points into (an operation's inline component).
  return [...bySchema].map(([schema, globs]) => ({
    command: node,
    args: [
      ajvCli,
      "validate",
      "--spec=draft2020",
      "--all-errors",
      "--allow-union-types",
      "-c",
      "ajv-formats",
      "-s",
      schemaPath(schema),
      ...SCHEMA_FILES.filter((f) => f !== schema).flatMap((f) => ["-r", schemaPath(f)]),
      ...globs.flatMap((g) => ["-d", g]),
    ],
  }));
}

/** A bare Astro project in `dir` that renders `pages` trivial pages from one dynamic route; returns its build script. */
export function writeBareAstro(dir: string, pages: number, astroEntry: string): string {
  mkdirSync(join(dir, "src", "pages"), { recursive: true });
  writeFileSync(join(dir, "src", "pages", "pages.json"), JSON.stringify({ count: pages }));
  writeFileSync(
    join(dir, "src", "pages", "[slug].astro"),
    [
      "---",
      'import pages from "./pages.json";',
      "export function getStaticPaths() {",
      "  return Array.from({ length: pages.count }, (_, i) => ({ params: { slug: `page-${i}` } }));",
      "}",
      "const { slug } = Astro.params;",
      "---",
      '<html lang="en"><head><title>{slug}</title></head><body><h1>{slug}</h1><p>A trivial page.</p></body></html>',
      "",
    ].join("\n"),
  );
  const script = join(dir, "build.mjs");
  writeFileSync(
    script,
    [
      `import { build } from ${JSON.stringify(astroEntry)};`,
      "process.env.ASTRO_TELEMETRY_DISABLED = '1';",
      `await build({ root: ${JSON.stringify(dir)}, configFile: false, output: "static", outDir: ${JSON.stringify(join(dir, "dist"))}, logLevel: "error", build: { format: "directory" }, vite: { cacheDir: ${JSON.stringify(join(dir, ".vite"))}, logLevel: "error" } });`,
      "",
    ].join("\n"),
  );
  return script;
}

/** How many HTML pages a built site has. */
export function countPages(dir: string): number {
  // Counted here, not by `find`: a 100,000-page site's list overflows a child's output buffer.
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith(".html"),
  ).length;
}
