/**
 * Write a generated catalog to disk as a git repository whose history is
 * `commits` commits with the events' authors and dates (so commit ids are
 * the same on every run), through one `git fast-import` stream. This writes
 * test and benchmark repositories only; mlcat itself reads git through src/git/.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GenEvent, GenUser } from "./gen-context.ts";
import type { GeneratedCatalog } from "./generate-catalog.ts";

/** One commit of the plan: the events it gathers. */
export interface PlannedCommit {
  at: number;
  author: GenUser;
  message: string;
  files: Record<string, string>;
}

/** Gather `events` into at most `count` commits, in order (the first event, the catalog's foundation, is a commit of its own). */
export function planCommits(events: readonly GenEvent[], users: readonly GenUser[], count: number): PlannedCommit[] {
  const byName = new Map(users.map((u) => [u.name, u]));
  const [first, ...rest] = events;
  if (!first) return [];
  const groups: GenEvent[][] = [[first]];
  const slots = Math.max(0, Math.min(count - 1, rest.length));
  for (let i = 0; i < slots; i++)
    groups.push(rest.slice(Math.floor((i * rest.length) / slots), Math.floor(((i + 1) * rest.length) / slots)));
  // One commit: the whole catalog in it.
  if (slots === 0) groups[0]!.push(...rest);
  return groups.map((group) => {
    const head = group[0]!;
    const files: Record<string, string> = {};
    for (const e of group) Object.assign(files, e.files);
    const more = group.length - 1;
    return {
      at: group[group.length - 1]!.at,
      author: byName.get(head.author) ?? users[0]!,
      message: more === 0 ? head.message : `${head.message} (and ${more} more change${more === 1 ? "" : "s"})`,
      files,
    };
  });
}

/** Write the final files under `<out>/<dir>/` (no git). */
export function writeCatalogFiles(catalog: GeneratedCatalog, out: string, dir = "catalog"): void {
  const made = new Set<string>();
  for (const [path, text] of catalog.files) {
    const abs = join(out, dir, path);
    const folder = dirname(abs);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(abs, text);
  }
}

function git(cwd: string, args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", env: gitEnv() });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** An environment where the user's and system's git configuration cannot change the result. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };
}

/** The fast-import stream of the planned commits on branch `main`, files under `dir/`. */
export function fastImportStream(commits: readonly PlannedCommit[], dir: string): Buffer {
  const parts: Buffer[] = [];
  const text = (s: string) => parts.push(Buffer.from(s, "utf8"));
  commits.forEach((commit, i) => {
    const who = `${commit.author.displayName} <${commit.author.email}> ${Math.floor(commit.at / 1000)} +0000`;
    const message = Buffer.from(`${commit.message}\n`, "utf8");
    text(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\ndata ${message.length}\n`);
    parts.push(message);
    if (i > 0) text(`from :${i}\n`);
    for (const path of Object.keys(commit.files).sort()) {
      const body = Buffer.from(commit.files[path]!, "utf8");
      text(`M 100644 inline ${dir}/${path}\ndata ${body.length}\n`);
      parts.push(body);
      text("\n");
    }
    text("\n");
  });
  return Buffer.concat(parts);
}

/** Create a git repository at `out` holding the catalog under `dir/`, committed as planned; returns the head commit id. */
export async function writeCatalogRepository(
  catalog: GeneratedCatalog,
  out: string,
  options: { commits: number; dir?: string },
): Promise<string> {
  const dir = options.dir ?? "catalog";
  mkdirSync(out, { recursive: true });
  git(out, ["init", "-q", "-b", "main"]);
  const commits = planCommits(catalog.events, catalog.users, options.commits);
  const stream = fastImportStream(commits, dir);
  await new Promise<void>((resolve, reject) => {
    const proc = spawn("git", ["fast-import", "--quiet", "--done"], {
      cwd: out,
      env: gitEnv(),
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    proc.on("error", reject);
    proc.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed: ${stderr}`))));
    proc.stdin.end(Buffer.concat([stream, Buffer.from("done\n")]));
  });
  git(out, ["reset", "-q", "--hard", "main"]);
  return git(out, ["rev-parse", "HEAD"]).trim();
}
