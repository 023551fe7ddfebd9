// The benchmark: `npm run bench [-- --entities 1000,10000] [--large] [--shards N] [--runs 3] [--warmup 1] [--build-runs N] [--skip build,check] [--out bench/results.json] [--keep]`.
// --large adds a 100,000-entity catalog (minutes of machine time: not for CI); --shards N also builds the site as N parts
// one after another (mlcat build --shard i/N) and joins them (mlcat join), at the largest size only.
// Generates catalogs (seeded, committed as git history), measures mlcat against its baselines in the same run,
// prints a markdown table and writes bench/results.json and bench/results.md. Not a test: nothing here asserts timings.
// Node 24 strips the types of this script and of scripts/scale/; they use the compiled library (npm run bench compiles first).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ajvCliCommands, countPages, makePullRequest, writeBareAstro } from "./scale/bench-fixtures.ts";
import { COMPARISONS, ratioOf, renderMarkdown, type Machine, type SizeResult } from "./scale/bench-report.ts";
import { generateCatalog } from "./scale/generate-catalog.ts";
import { measure, runCommand, runSequence, type Measured } from "./scale/measure.ts";
import { writeCatalogRepository } from "./scale/write-repository.ts";
import { readCatalogHistory } from "../dist/site-data/history.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NODE = process.execPath;
const MLCAT = join(ROOT, "bin", "mlcat.js");
const HOOK = join(ROOT, "scripts", "scale", "rss-hook.ts");
const AJV_CLI = join(ROOT, "node_modules", "ajv-cli", "dist", "index.js");

const { values } = parseArgs({
  options: {
    entities: { type: "string", default: "1000,10000" },
    large: { type: "boolean", default: false },
    shards: { type: "string", default: "0" },
    runs: { type: "string", default: "3" },
    warmup: { type: "string", default: "1" },
    "build-runs": { type: "string" },
    skip: { type: "string", default: "" },
    out: { type: "string", default: join(ROOT, "bench", "results.json") },
    // Inside the repository (.tmp/ is ignored by git): the bare Astro project must resolve astro from here.
    work: { type: "string", default: join(ROOT, ".tmp", "bench") },
    keep: { type: "boolean", default: false },
  },
});
const sizes = [...values.entities.split(",").map((s) => Number(s.trim())), ...(values.large ? [100_000] : [])];
const shards = Number(values.shards);
if (!Number.isInteger(shards) || shards < 0 || shards > 64)
  throw new Error(`--shards takes a whole number from 0 to 64 (got ${values.shards})`);
if (sizes.some((n) => !Number.isInteger(n) || n < 20))
  throw new Error(`--entities takes whole numbers of at least 20, e.g. 1000,10000 (got ${values.entities})`);
const runs = Math.max(1, Number(values.runs));
const warmup = Math.max(0, Number(values.warmup));
// Builds are long: by default two runs up to 2,000 entities, one above (pass --build-runs for more).
const buildRunsFor = (entities: number) =>
  Math.max(1, Number(values["build-runs"] ?? (entities <= 2000 ? Math.min(runs, 2) : 1)));
const skip = new Set(values.skip.split(",").filter(Boolean));
const log = (line: string) => process.stderr.write(`${line}\n`);

const loadAtStart = loadavg()[0]!;

function machine(): Machine {
  const gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" })
    .trim()
    .replace(/^git version /, "");
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    git: gitVersion,
    loadAverage: [loadAtStart, loadavg()[0]!],
  };
}

async function benchSize(requested: number): Promise<SizeResult> {
  const work = join(values.work, `n${requested}`);
  rmSync(work, { recursive: true, force: true });
  const repo = join(work, "repo");
  const commits = Math.max(20, Math.round(requested / 20));
  log(`\n== ${requested} entities: generating (${commits} commits)`);
  const generated = generateCatalog({ entities: requested, seed: 1 });
  await writeCatalogRepository(generated, repo, { commits });
  const pr = makePullRequest(repo, generated);
  const catalog = join(repo, "catalog");
  const entities = [...generated.files.keys()].filter((p) => p.endsWith(".yaml")).length;
  const measured: Record<string, Measured> = {};
  const notes: string[] = [];
  const node =
    (args: string[], env: Record<string, string | undefined> = {}) =>
    () =>
      runCommand({ command: NODE, args, env, rssHook: HOOK });
  const record = (m: Measured) => {
    measured[m.label] = m;
    log(
      `  ${m.label.padEnd(16)} median ${m.medianMs} ms  runs ${m.runs.join(", ")}${m.peakRssMb ? `  peak ${m.peakRssMb} MB` : ""}${m.exitCodes.some((c) => c !== 0) ? `  exit ${m.exitCodes.join(",")}` : ""}`,
    );
  };

  // 1, 2: validation, cold and warm, against ajv-cli on the same files and schemas.
  const noCache = { MLCAT_CACHE_DIR: undefined };
  record(
    await measure("validate-cold", runs, node([MLCAT, "validate", catalog, "--no-cache", "-f", "json"], noCache), {
      warmup,
    }),
  );
  record(
    await measure("ajv-cli", runs, () =>
      runSequence(ajvCliCommands(NODE, AJV_CLI, catalog).map((c) => ({ ...c, rssHook: HOOK }))),
    ),
  );
  const validateCache = join(work, "cache-validate");
  record(
    await measure(
      "validate-warm",
      runs,
      node([MLCAT, "validate", catalog, "--cache", validateCache, "-f", "json"], noCache),
      { warmup },
    ),
  );
  // What CI on main leaves behind: the cache and snapshot of a validation of main; each run below starts from a copy.
  const mainCache = join(work, "cache-main");
  const fromMain = (dir: string) => () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(mainCache, dir, { recursive: true });
  };
  await runCommand({
    command: NODE,
    args: [MLCAT, "validate", catalog, "-f", "json"],
    env: { MLCAT_CACHE_DIR: mainCache },
  });
  const prTree = join(work, "pr-tree");
  execFileSync("git", ["-C", repo, "worktree", "add", "-q", "--detach", prTree, pr.branch]);
  const changedCache = join(work, "cache-changed");
  record(
    await measure(
      "validate-changed",
      runs,
      node([MLCAT, "validate", join(prTree, "catalog"), "-f", "json"], { MLCAT_CACHE_DIR: changedCache }),
      { before: fromMain(changedCache) },
    ),
  );

  // 3: the pull-request check of five changed files, cache cold (empty) and warm; and the permission decisions alone.
  if (!skip.has("check")) {
    const check = [
      MLCAT,
      "check",
      "--base",
      "main",
      "--head",
      pr.branch,
      "--actor",
      pr.actor,
      "--repo",
      repo,
      "-f",
      "json",
    ];
    const coldCache = join(work, "cache-check-cold");
    record(
      await measure("check-cold", runs, node(check, { MLCAT_CACHE_DIR: coldCache }), {
        before: () => rmSync(coldCache, { recursive: true, force: true }),
      }),
    );
    const warmCache = join(work, "cache-check");
    record(
      await measure("check-warm", runs, node(check, { MLCAT_CACHE_DIR: warmCache }), { before: fromMain(warmCache) }),
    );
    const rerunCache = join(work, "cache-rerun");
    record(
      await measure("check-rerun", runs, node(check, { MLCAT_CACHE_DIR: rerunCache }), { warmup: Math.max(1, warmup) }),
    );
    const decisions = join(work, "decisions.mjs");
    writeFileSync(
      decisions,
      `import { checkPullRequest } from ${JSON.stringify(join(ROOT, "dist", "pr-check", "run-check.js"))};\n` +
        `const r = await checkPullRequest({ cwd: ${JSON.stringify(repo)}, base: "main", head: ${JSON.stringify(pr.branch)}, actor: { login: ${JSON.stringify(pr.actor)} }, validateHead: false });\n` +
        `process.exitCode = r.changes.every((c) => c.allowed) && !r.failedClosed ? 0 : 1;\n`,
    );
    record(
      await measure("check-decisions", runs, node([decisions], { MLCAT_CACHE_DIR: warmCache }), {
        before: fromMain(warmCache),
      }),
    );
    if (measured["check-cold"]!.exitCodes.some((c) => c !== 0))
      notes.push(
        `mlcat check exited ${measured["check-cold"]!.exitCodes.join(", ")}: a change was denied or the head has errors.`,
      );
  }

  // 5: per-entity history against raw git log.
  record(
    await measure(
      "history",
      runs,
      async () => {
        const start = performance.now();
        const history = await readCatalogHistory(catalog);
        if (!history.available) throw new Error(`no history: ${history.reason}`);
        return { ms: performance.now() - start, code: 0 };
      },
      { warmup },
    ),
  );
  record(
    await measure(
      "git-log",
      runs,
      () => runCommand({ command: "git", args: ["log", "--name-status", "--no-renames", "--", "."], cwd: catalog }),
      { warmup },
    ),
  );

  // 4: the site against a bare Astro build of as many trivial pages.
  let pages: number | undefined;
  if (!skip.has("build")) {
    const site = join(work, "site");
    const buildRuns = buildRunsFor(requested);
    let progress = "";
    record(
      await measure("build", buildRuns, async () => {
        const run = await runCommand({
          command: NODE,
          args: [MLCAT, "build", "--catalog", catalog, "--out", site],
          env: noCache,
          rssHook: HOOK,
        });
        progress = run.stdout;
        return run;
      }),
    );
    // Where the build's time goes, from its own progress lines: a step ("validating catalog…") and what it did
    // ("  11038 files, 0 errors (5.4s)"); work that runs alongside rendering says what it did on its own line.
    const steps = progress.split("\n").flatMap((line, i, all) => {
      const m = /^\s+(.*) \((\d+(?:\.\d+)?)s(?:, ([^)]*))?\)$/.exec(line);
      if (!m) return [];
      const previous = all[i - 1] ?? "";
      const label =
        previous.endsWith("…") && !previous.includes(",")
          ? previous
              .replace(/…$/, "")
              .replace(/ \S*\/\S*/g, "")
              .trim()
          : m[1]!.replace(/^\d+ /, "");
      return [`${label}: ${m[2]} s${m[3] ? ` (${m[3]})` : ""}`];
    });
    if (steps.length > 0) notes.push(`mlcat build's steps (last run): ${steps.join("; ")}.`);
    pages = countPages(site);
    const bare = join(work, "bare-astro");
    const script = writeBareAstro(bare, pages, import.meta.resolve("astro"));
    record(
      await measure("astro-bare", buildRuns, node([script]), {
        before: () => rmSync(join(bare, "dist"), { recursive: true, force: true }),
      }),
    );
    notes.push(
      `mlcat build validates, computes the site data, renders ${pages} pages, writes the JSON API and indexes every page for search; the bare build renders as many trivial pages and nothing else.`,
    );
    if (shards > 1 && requested === Math.max(...sizes))
      notes.push(...(await benchShards(catalog, work, record, measured)));
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  return {
    requested,
    entities,
    files: generated.files.size,
    commits,
    measured,
    ...(pages !== undefined && { pages }),
    notes,
  };
}

/** The site built as `shards` parts one after another (as the jobs of a CI matrix would run them at once), then joined. */
async function benchShards(
  catalog: string,
  work: string,
  record: (m: Measured) => void,
  measured: Record<string, Measured>,
): Promise<string[]> {
  const epoch = { MLCAT_CACHE_DIR: undefined, SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)) };
  const parts: string[] = [];
  for (let i = 1; i <= shards; i++) {
    const out = join(work, `part-${i}`);
    parts.push(out);
    record(
      await measure(`build-shard-${i}`, 1, () =>
        runCommand({
          command: NODE,
          args: [MLCAT, "build", "--catalog", catalog, "--shard", `${i}/${shards}`, "--out", out],
          env: epoch,
          rssHook: HOOK,
        }),
      ),
    );
  }
  record(
    await measure("join", 1, () =>
      runCommand({
        command: NODE,
        args: [MLCAT, "join", ...parts, "--out", join(work, "joined")],
        env: epoch,
        rssHook: HOOK,
      }),
    ),
  );
  const times = parts.map((_, i) => measured[`build-shard-${i + 1}`]!.medianMs);
  const peak = Math.max(
    ...parts.map((_, i) => measured[`build-shard-${i + 1}`]!.peakRssMb ?? 0),
    measured.join!.peakRssMb ?? 0,
  );
  const sum = times.reduce((a, b) => a + b, 0);
  const longest = Math.max(...times);
  const join_ = measured.join!.medianMs;
  const whole = measured.build?.medianMs;
  return [
    `Sharded build, ${shards} parts run one after another: sum ${(sum / 1000).toFixed(1)} s, longest part ${(longest / 1000).toFixed(1)} s, join ${(join_ / 1000).toFixed(1)} s, peak ${peak} MB; ` +
      `as a matrix the wall time would be about longest + join = ${((longest + join_) / 1000).toFixed(1)} s${whole ? ` against ${(whole / 1000).toFixed(1)} s for one build` : ""}.`,
  ];
}

const results: SizeResult[] = [];
for (const n of sizes) results.push(await benchSize(n));
const info = machine();
const markdown = renderMarkdown(info, results, runs);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: info,
      runs,
      buildRuns: Object.fromEntries(sizes.map((n) => [n, buildRunsFor(n)])),
      sizes: results,
      comparisons: COMPARISONS.map((c) => ({
        ...c,
        ratios: Object.fromEntries(results.map((r) => [r.entities, ratioOf(r, c) ?? null])),
      })),
    },
    null,
    2,
  )}\n`,
);
writeFileSync(values.out.replace(/\.json$/, ".md"), `${markdown}\n`);
console.log(markdown);
