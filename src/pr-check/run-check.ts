/**
 * `mlcat check`: judge a pull request. Roles and policy come from the base
 * branch; what is judged is what merging the head into the base would change
 * on the base (the head's own changes from the merge-base when the base has not
 * moved since the branch forked, so changes a branch merged from the base are
 * not the author's); every principal (the author and each pusher) must be
 * allowed each change; every file is read from git objects.
 */
import { BlobReader } from "../git/blob-reader.js";
import { listTreeAt, type TreeEntry } from "../git/tree.js";
import { changedFiles, type ChangedFile } from "../git/changed-files.js";
import { mergeBaseOfCommits } from "../git/revisions.js";
import { blobSizesOf, commitOf, ObjectInfo } from "../git/object-info.js";
import { newBlobsOf, oldBlobsOf, treeBefore } from "../git/derive-tree.js";
import type { ConflictedPath } from "../git/merge-tree.js";
import { lastDeletions } from "../git/deleted-paths.js";
import { committerTime } from "../git/commit-time.js";
import { readmeOwnerPath, SCHEMA_FILE } from "../model/kinds.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Actor, ActorInput } from "../permissions/actor.js";
import { Authority } from "../permissions/authority.js";
import type { Decision } from "../permissions/decision.js";
import { validateCatalog } from "../validate.js";
import { checkWithSnapshotsPrepared, type SnapshotRunStats } from "../accel/validate-with-snapshots.js";
import type { Entity } from "../model/entity.js";
import { checksFingerprint, filesDigest } from "../accel/snapshot-store.js";
import { treeFiles } from "../accel/tree-files.js";
import { DeferredTexts } from "../git/blob-text.js";
import { Accelerator, knownToCache } from "../accel/load-fast.js";
import { warmFileJobs } from "../accel/file-job.js";
import { DEFAULT_LIMITS } from "../yaml/parse.js";
import { CHECKS } from "../checks/index.js";
import { readSecretsAllowlist, type SecretsAllowlist } from "../secrets/allowlist.js";
import { scanPullRequestSecrets } from "../secrets/scan-pull-request.js";
import { redactDiagnostics, redactSecrets } from "../secrets/redact.js";
import { classifyChange, type ChangeAction, type PrChange } from "./classify-change.js";
import { decideChange } from "./decide-change.js";
import { Denials, dedupeByPlace } from "./denials.js";
import { failClosed } from "./fail-closed.js";
import { mergedFileProblems, readMerged, type MergedFiles } from "./merged-files.js";
import { pullRequestDiffs } from "./pr-diffs.js";
import {
  principalLabel,
  principalList,
  resolvePrincipals,
  type Principal,
  type PrincipalInput,
  type PrincipalRole,
} from "./principals.js";
import { authorityFilter, baseProblems, readSide, type ReadSideOptions, type Side } from "./read-sides.js";
import { reportVerdict } from "./verdict-report.js";
import {
  catalogBefore,
  isTouched,
  needsCatalogBefore,
  splitDiagnostics,
  touchedPaths,
  type SplitDiagnostics,
} from "./preexisting.js";
import { mentionsOf } from "../permissions/mentions.js";
import type { Catalog } from "../model/catalog.js";

/** The checks run on the head: all but the secrets check, which reads the head's own allowlist; the pull request's added lines are scanned instead. */
const HEAD_CHECKS = CHECKS.filter((c) => c.name !== "secrets");

/** What to check. */
export interface CheckOptions {
  /** The repository folder. */
  cwd: string;
  /** The base branch or commit the pull request targets. */
  base: string;
  /** The pull request's head (default `HEAD`). */
  head?: string;
  /** The authenticated pull-request author, as CI gives it: the first principal (shorthand for `principals: [{ ...actor, as: "author" }]`). */
  actor?: ActorInput;
  /**
   * Everyone else whose rights the changes need, after `actor`: each pusher CI
   * names (the event's sender). A change is allowed only when every principal
   * may make it; an account listed twice is judged once.
   */
  principals?: PrincipalInput[];
  /** The catalog folder from the repository root (default `catalog`). */
  dir?: string;
  /** The git executable (default `git`). */
  binary?: string;
  /**
   * Validate the whole head with every check (default true; the CLI always does).
   * With false only the changed files are read and parsed: for benchmarks and
   * for tools that validate the head separately with trusted code.
   */
  validateHead?: boolean;
  /** Also give the texts of the files the `preexisting` problems are in (for code frames: the CLI's `--all`). */
  framesForPreexisting?: boolean;
  /**
   * A content cache folder: files it knows stay unread, and the head is checked
   * from a validation snapshot (the CLI passes MLCAT_CACHE_DIR). None by default.
   */
  cache?: string;
  /** Worker threads for parsing: a number, or `auto` (default) for large catalogs on several cores. */
  workers?: number | "auto";
}

/** A decision for one principal. */
export type PrincipalDecision = Decision & {
  principal: { login: string; id?: number; as: PrincipalRole };
  /** The approvers as GitHub @logins (a user file without a login by its name, saying so): whom to request review from. */
  ask: string[];
};

/** The decisions on one changed path. */
export interface ChangeDecision {
  path: string;
  action: ChangeAction;
  /** Allowed only when every principal may make the change. */
  allowed: boolean;
  /** Every rule's decision for every principal, principal by principal in the order judged. */
  decisions: PrincipalDecision[];
}

/** The outcome of a check. */
export interface CheckResult {
  /**
   * Denials, fail-closed reasons, secrets, and the head's validation problems
   * that are the pull request's: in files it changed, or brought by its
   * changes (see `preexisting`), sorted.
   */
  diagnostics: Diagnostic[];
  /** The head's validation problems that were already there where the branch started, in files it did not change, sorted. */
  preexisting: Diagnostic[];
  changes: ChangeDecision[];
  /** The commits judged; `mergeTree` is the tree judged, merging the head into the base, when the base moved since the branch forked (the head's is judged otherwise) and the merge is clean. */
  revisions: { base: string; head: string; mergeBase: string; mergeTree?: string };
  /** The first principal (the author, when `actor` was given). */
  actor: Actor;
  /** Every principal judged, the author first. */
  principals: Principal[];
  /** Files and entities of the head that were validated (0 when the check failed closed before). */
  files: number;
  entities: number;
  /** Head texts by display path, for code frames. */
  texts: Map<string, string>;
  /** Set when the check stopped early, failing closed: why. */
  failedClosed?: string;
  /** With a content cache: the validation snapshot the head's checks started from, and how much they checked again. */
  snapshot?: SnapshotRunStats;
}

/** Check a pull request. Git failures throw GitError; bugs throw InternalError: neither ever passes. */
export async function checkPullRequest(options: CheckOptions): Promise<CheckResult> {
  // The principals first: none is a programming error, said before git runs.
  const principals = principalList(options.actor, options.principals);
  const dir = (options.dir ?? "catalog").replace(/\/+$/, "");
  const git = { cwd: options.cwd, ...(options.binary !== undefined && { binary: options.binary }) };
  // One git process answers which commits the revisions name, and later the sizes of old blobs.
  const info = ObjectInfo.open(git);
  try {
    const [base, head] = await Promise.all([
      commitOf(info, options.base, "base"),
      commitOf(info, options.head ?? "HEAD", "head"),
    ]);
    return redactResult(await checkResolved(options, { git, dir, base, head, info, principals }));
  } finally {
    await info.close();
  }
}

/** `checkPullRequest` once the revisions are resolved. */
async function checkResolved(
  options: CheckOptions,
  resolved: Pick<Started, "git" | "dir" | "base" | "head" | "info" | "principals">,
): Promise<CheckResult> {
  const { git, dir, base, head, info, principals } = resolved;
  // Git lists the head's tree, finds the merge-base and reads the pull request's history while this process
  // reads the content cache; a failure surfaces where it is awaited.
  const headTree = listTreeAt({ ...git, rev: head, dir });
  const forkFound = mergeBaseOfCommits({ ...git, base, head });
  // The head against the base (the pull request's own changes when the base has not moved on since the branch forked).
  const sinceBase = changedFiles({ ...git, from: base, to: head });
  for (const pending of [headTree, forkFound, sinceBase]) pending.catch(() => {});
  // simple-git starts those processes a few promise steps later: let it, before this process goes on (reading the
  // cache keeps it busy for a while, and they would wait). The batch reader is started while this process is small
  // (starting one costs more as it grows).
  await new Promise((started) => setImmediate(started));
  const reader = BlobReader.open(git);
  try {
    return await checkWith(options, { git, dir, base, head, headTree, forkFound, sinceBase, reader, info, principals });
  } finally {
    await reader.close();
  }
}

/** What `checkPullRequest` started before the catalog is read. */
interface Started {
  git: { cwd: string; binary?: string };
  dir: string;
  base: string;
  head: string;
  headTree: Promise<TreeEntry[]>;
  forkFound: Promise<string>;
  sinceBase: Promise<ChangedFile[]>;
  reader: BlobReader;
  info: ObjectInfo;
  /** Whom to judge, each once, the author first. */
  principals: PrincipalInput[];
}

/**
 * The check, once the revisions are resolved and git is at work: its stages,
 * in the order they run. Each stage is a function below; the security
 * decisions are `stopBeforeReading`, `judgeBase`, `headProblems` and
 * `decideChanges`; the rest reads (`judgedChanges`, `sideTrees`, `readSides`,
 * `readMerged`, `frameTexts`) or only schedules work early (`openAcceleration`,
 * `warmParser`).
 */
async function checkWith(options: CheckOptions, started: Started): Promise<CheckResult> {
  const accelerator = openAcceleration(options);
  const scope = await judgedChanges(started);
  warmParser(scope.changes, accelerator);
  const trees = await sideTrees(started, scope);
  const run: Run = { options, started, scope, trees, reading: readingFor(started, accelerator) };
  const stoppedEarly = await stopBeforeReading(run);
  if (stoppedEarly) return stoppedEarly;
  const secrets = startSecretsScan(started);
  const { after, onBase } = await readSides(run);
  secrets.giveAllowlist(readSecretsAllowlist(onBase.loaded.catalog.get("Catalog", "catalog")?.data));
  const { authority, principals, stopped } = judgeBase(onBase, judging(run));
  if (stopped) return stopped;
  const merged = scope.revisions.mergeTree !== undefined ? await readMergedSide(run) : undefined;
  const { checked, split } = await headProblems(run, after);
  accelerator.finish();
  const diagnostics: Diagnostic[] = [...split.own, ...(await secrets.found)];
  if (merged) diagnostics.push(...mergedFileProblems(merged, after, started.dir, shortRev(options.base)));
  const { decided, reported } = await decideChanges(run, { after, onBase, merged, authority, principals, diagnostics });
  const entities = after.loaded.catalog.entities();
  const flagged = new Set([...reported, ...(options.framesForPreexisting ? split.preexisting : [])].map((d) => d.file));
  const texts = await frameTexts(run, { after, onBase, merged, entities, flagged });
  return {
    diagnostics: reported.sort(compareDiagnostics),
    preexisting: split.preexisting.sort(compareDiagnostics),
    changes: decided,
    revisions: scope.revisions,
    actor: principals[0]!,
    principals,
    files: after.loaded.files,
    entities: entities.length,
    texts,
    ...(checked?.stats && { snapshot: checked.stats }),
  };
}

/** What every stage after the first few reads: the options, what was started, what is judged and the sides' trees. */
interface Run {
  options: CheckOptions;
  started: Started;
  scope: JudgedChanges;
  trees: SideTrees;
  /** How sides are read: git objects, and the accelerator (with a cache, the texts of files left unread). */
  reading: Omit<ReadSideOptions, "rev" | "dir">;
}

/**
 * The accelerator every load of the check shares (worker threads; with a
 * content cache, files it knows stay unread and the head is checked from a
 * validation snapshot). The cache's newest pack and the code's fingerprint
 * are read now, while git works.
 */
function openAcceleration(options: CheckOptions): Accelerator {
  const accelerator = new Accelerator(
    {
      ...(options.cache !== undefined && { cache: options.cache }),
      ...(options.workers !== undefined && { workers: options.workers }),
    },
    DEFAULT_LIMITS,
  );
  if (accelerator.cache) {
    accelerator.cache.warm();
    checksFingerprint(accelerator.cache.folder);
  }
  return accelerator;
}

/** What the check judges: the diffs, the changes classified, and the revisions. */
interface JudgedChanges {
  fork: string;
  baseDiff: ChangedFile[];
  own: ChangedFile[];
  judged: ChangedFile[];
  conflicts: ConflictedPath[] | undefined;
  revisions: CheckResult["revisions"];
  /** The judged changes, and the head's own (the same list when the base has not moved). */
  changes: PrChange[];
  ownChanges: PrChange[];
  /** Catalog-relative paths of both. */
  changedRel: Set<string>;
  ownRel: Set<string>;
  /** Organizations either touches. */
  touchedOrgs: Set<string>;
}

/** The pull request's changes: what merging the head into the base would change, and the head's own since the fork. */
async function judgedChanges(started: Started): Promise<JudgedChanges> {
  const { git, dir, base, head } = started;
  const fork = await started.forkFound;
  // The base's and merge-base's trees are the head's with these diffs undone, the merge result's the base's with the judged
  // diff applied: the head is listed once.
  const baseDiff = await started.sinceBase;
  const diffs = await pullRequestDiffs({ ...git, base, head, fork, sinceBase: baseDiff });
  const { own, judged, conflicts } = diffs;
  const revisions = {
    base,
    head,
    mergeBase: fork,
    ...(diffs.mergeTree !== undefined && !conflicts && { mergeTree: diffs.mergeTree }),
  };
  const changes = judged.map((f) => classifyChange(f, dir));
  const ownChanges = own === judged ? changes : own.map((f) => classifyChange(f, dir));
  const relPaths = (list: PrChange[]) => new Set(list.flatMap((c) => (c.relPath === undefined ? [] : [c.relPath])));
  const touchedOrgs = new Set(
    [...changes, ...ownChanges]
      .map((c) => c.info?.org ?? c.readme?.ownerKey.split("/")[0])
      .filter((o): o is string => o !== undefined),
  );
  return {
    fork,
    baseDiff,
    own,
    judged,
    conflicts,
    revisions,
    changes,
    ownChanges,
    changedRel: relPaths(changes),
    ownRel: relPaths(ownChanges),
    touchedOrgs,
  };
}

/** Scheduling only: the changed files the cache does not know will be parsed; load the parser and their validators while git lists the tree. */
function warmParser(changes: readonly PrChange[], accelerator: Accelerator): void {
  const cache = accelerator.cache;
  const toParse = changes.flatMap((c) =>
    c.info && c.newType === "file" && c.newOid !== undefined && !(cache && knownToCache(cache, c.relPath!, c.newOid))
      ? [SCHEMA_FILE[c.info.kind]]
      : [],
  );
  if (toParse.length > 0) warmFileJobs(toParse, DEFAULT_LIMITS);
}

/** The trees of the head, the base and the merge-base under the catalog folder, and the sizes of the old blobs. */
interface SideTrees {
  headEntries: TreeEntry[];
  baseEntries: TreeEntry[];
  forkEntries: TreeEntry[];
  sizes: Map<string, number>;
}

/** The head's tree as git lists it; the base's and the merge-base's derived from it with the diffs undone. */
async function sideTrees(started: Started, scope: JudgedChanges): Promise<SideTrees> {
  const { dir, base, info } = started;
  const { own, baseDiff, judged, fork, revisions } = scope;
  const headEntries = await started.headTree;
  const sizes = await blobSizesOf(info, [
    ...oldBlobsOf(own, dir),
    ...oldBlobsOf(baseDiff, dir),
    ...(revisions.mergeTree !== undefined ? newBlobsOf(judged, dir) : []),
  ]);
  const baseEntries = treeBefore(headEntries, baseDiff, sizes, dir);
  const forkEntries = fork === base ? baseEntries : treeBefore(headEntries, own, sizes, dir);
  return { headEntries, baseEntries, forkEntries, sizes };
}

/** How sides are read: from git objects, through the accelerator; with a cache, texts of files left unread come in batches. */
function readingFor(started: Started, accelerator: Accelerator): Run["reading"] {
  const { git, reader } = started;
  const deferred = accelerator.cache && new DeferredTexts({ ...git, reader });
  return { ...git, reader, accelerator, ...(deferred && { texts: deferred }) };
}

/** The changed files counted against the base's cap: the head's own when the branch does not merge cleanly. */
function counted(scope: JudgedChanges): readonly ChangedFile[] {
  return scope.conflicts ? scope.own : scope.judged;
}

/** What `judgeBase` is told of the run. */
function judging(run: Run, merge?: { conflicts: ConflictedPath[]; baseName: string }): Parameters<typeof judgeBase>[1] {
  const { scope, started } = run;
  return {
    dir: started.dir,
    changed: counted(scope),
    touchedOrgs: scope.touchedOrgs,
    revisions: scope.revisions,
    principals: started.principals,
    ...(merge && { merge }),
  };
}

/**
 * Fail closed before the head or the history is read: over the base's cap on
 * changed files (the cap is a resource guard too), or a branch that does not
 * merge cleanly. Only the base's catalog.yaml is read to know the cap.
 */
async function stopBeforeReading(run: Run): Promise<CheckResult | undefined> {
  const { scope, started, trees, reading, options } = run;
  const { base, dir } = started;
  const settings = await readSide({
    ...reading,
    rev: base,
    dir,
    entries: trees.baseEntries,
    include: (p) => p === "catalog.yaml",
  });
  const cap = new Authority(settings.loaded.catalog).policy().maxChangedFiles;
  if (!scope.conflicts && counted(scope).length <= cap) return undefined;
  const onBase = await readSide({
    ...reading,
    rev: base,
    dir,
    entries: trees.baseEntries,
    include: authorityFilter(new Set([...scope.changedRel, ...scope.ownRel])),
  });
  const merge = scope.conflicts && { conflicts: scope.conflicts, baseName: shortRev(options.base) };
  return judgeBase(onBase, judging(run, merge || undefined)).stopped;
}

/**
 * Secrets: every line any commit of the pull request added, scanned with the
 * BASE's allowlist (the head's could allowlist its own secret), given once the
 * base is read.
 */
function startSecretsScan(started: Started): {
  giveAllowlist: (allowlist: SecretsAllowlist) => void;
  found: Promise<Diagnostic[]>;
} {
  const { git, base, head } = started;
  let giveAllowlist: (allowlist: SecretsAllowlist) => void = () => {};
  const allowlist = new Promise<SecretsAllowlist>((resolve) => (giveAllowlist = resolve));
  const found = scanPullRequestSecrets({ ...git, base, head, allowlist });
  found.catch(() => {});
  return { giveAllowlist, found };
}

/**
 * The head (every file, or with `validateHead: false` only the changed ones),
 * then the base's authority files and changed files: the base's entities that
 * the cache gave the head are taken as they are.
 */
async function readSides(run: Run): Promise<{ after: Side; onBase: Side }> {
  const { scope, started, trees, reading, options } = run;
  const { dir, head, base } = started;
  const full = options.validateHead !== false;
  const owners = new Set(scope.ownChanges.flatMap((c) => (c.readme ? [readmeOwnerPath(c.readme)] : [])));
  // The head first: the base's and merge-base's entities that the cache gave the head are theirs too, as they are.
  const after = await readSide({
    ...reading,
    entries: trees.headEntries,
    rev: head,
    dir,
    ...(!full && { include: (p: string) => scope.ownRel.has(p) || scope.changedRel.has(p) || owners.has(p) }),
  });
  const onBase = await readSide({
    ...reading,
    rev: base,
    dir,
    entries: trees.baseEntries,
    include: authorityFilter(scope.changedRel),
    reuse: after,
  });
  return { after, onBase };
}

/** A file the merge leaves with other content than the head's (both sides changed it) is judged as the merge leaves it. */
async function readMergedSide(run: Run): Promise<MergedFiles | undefined> {
  const { scope, started, trees, reading } = run;
  return readMerged({
    reading,
    dir: started.dir,
    tree: scope.revisions.mergeTree!,
    baseEntries: trees.baseEntries,
    judged: scope.judged,
    sizes: trees.sizes,
    headEntries: trees.headEntries,
    own: scope.own,
    changes: scope.changes,
  });
}

/**
 * The head validated with every check but secrets, its problems split: those
 * in files the pull request touched or that it brought, and those that were
 * there where the branch started (found by checking that catalog too, when
 * needed).
 */
async function headProblems(
  run: Run,
  after: Side,
): Promise<{ checked?: { diagnostics: Diagnostic[]; stats?: SnapshotRunStats }; split: SplitDiagnostics }> {
  const { scope, started, trees, reading, options } = run;
  const { dir, base } = started;
  const { fork, changes, ownChanges } = scope;
  const full = options.validateHead !== false;
  const cacheDir = reading.accelerator?.cache?.dir;
  const deferred = reading.texts;
  const digestOf = (entries: TreeEntry[]) => filesDigest(treeFiles(entries, dir, DEFAULT_LIMITS.maxFileBytes));
  const prefer = full
    ? fork === base
      ? [digestOf(trees.baseEntries)]
      : [digestOf(trees.baseEntries), digestOf(trees.forkEntries)]
    : [];
  const checked = full
    ? await checkHead(after.loaded.catalog, after.loaded.oids, cacheDir, deferred, prefer)
    : undefined;
  // Feedback about the pull request: the head's problems in files it touched or that it brought; the rest were there before.
  const touched = touchedPaths([...changes, ...ownChanges]);
  const checkProblems = checked?.diagnostics ?? [];
  let before: Diagnostic[] | undefined;
  if (checked && needsCatalogBefore(dir, touched, checkProblems)) {
    // The catalog where the branch started: the head's, with the paths the branch touched as the merge-base has them.
    const undone = touchedPaths(ownChanges);
    const forkPart = await readSide({
      ...reading,
      rev: fork,
      dir,
      entries: trees.forkEntries,
      include: (p) => isTouched(p, undone),
    });
    const forkFiles = treeFiles(trees.forkEntries, dir, DEFAULT_LIMITS.maxFileBytes);
    before = (
      await checkHead(
        catalogBefore(after.loaded.catalog, forkPart.loaded.catalog, undone),
        forkFiles,
        cacheDir,
        deferred,
        [],
      )
    ).diagnostics;
  }
  const split = splitDiagnostics({
    dir,
    touched,
    loaderProblems: checked
      ? after.loaded.diagnostics
      : after.loaded.diagnostics.filter((d) => d.code !== "file/missing-catalog"),
    checkProblems,
    ...(before && { before }),
  });
  return { ...(checked && { checked }), split };
}

/**
 * Every change decided for every principal, with the base's authority:
 * denials become diagnostics in the changed file (a merged file's in the
 * head's, where the contributor edited it).
 */
async function decideChanges(
  run: Run,
  input: {
    after: Side;
    onBase: Side;
    merged: MergedFiles | undefined;
    authority: Authority;
    principals: Principal[];
    /** The problems found so far: a denial at the same place as one of them is not reported twice. */
    diagnostics: Diagnostic[];
  },
): Promise<{ decided: ChangeDecision[]; reported: Diagnostic[] }> {
  const { started, scope } = run;
  const { git, base, reader } = started;
  const { after, onBase, merged, authority, principals } = input;
  const { changes, fork } = scope;
  // Component versions the pull request adds under tags the base does not hold: did its history publish them once?
  const readded = changes.filter(
    (c) => c.action === "create" && c.info?.kind === "ComponentVersion" && !onBase.byPath.has(c.relPath!),
  );
  const tombstones = await lastDeletions({ ...git, rev: base, paths: readded.map((c) => c.path) });
  // The pull request's time, for the records it writes: from its fork point's commit to its head's (never later than now),
  // and whom they may name: everyone the check judges.
  const [forkTime, headTime] = await Promise.all([committerTime(reader, fork), committerTime(reader, started.head)]);
  const window = { from: forkTime, to: Math.min(headTime, Date.now()) };
  const recorders = principals.flatMap((p) => (p.user === undefined ? [] : [p.user]));
  const decided: ChangeDecision[] = [];
  // Whom to ask, as GitHub @logins: the handles review is requested from.
  const mention = (users: readonly string[]) => mentionsOf(authority, users);
  const denials = new Denials(dedupeByPlace(input.diagnostics));
  const several = principals.length > 1;
  for (const change of changes) {
    const rel = change.relPath;
    // Judged base -> merge result: the base's side, and the head's file unless the merge leaves it otherwise.
    const fromMerge = rel !== undefined && merged?.paths.has(rel) === true;
    const result = rel === undefined ? undefined : fromMerge ? merged!.side.byPath.get(rel) : after.byPath.get(rel);
    const sides = {
      ...(rel !== undefined &&
        change.action !== "create" &&
        onBase.byPath.has(rel) && { before: onBase.byPath.get(rel)! }),
      ...(result && change.action !== "delete" && { after: result }),
      ...(rel !== undefined && onBase.byPath.has(rel) && { onBase: onBase.byPath.get(rel)! }),
      ...(tombstones.has(change.path) && { tombstone: tombstones.get(change.path)! }),
    };
    // A merged file's denials go into the head's file, where the contributor edited it.
    const head = fromMerge ? after.byPath.get(rel!) : undefined;
    const forkText = fromMerge ? merged!.forkTexts.get(rel!) : undefined;
    const decisions: PrincipalDecision[] = [];
    for (const principal of principals) {
      const verdicts = decideChange({ authority, actor: principal, window, recorders }, change, sides);
      for (const v of verdicts) {
        decisions.push(decidedFor(v.decision, principal, several, mention));
        const mergedAt = fromMerge && {
          merged: { ...(head && { head }), ...(forkText !== undefined && { forkText }) },
        };
        const d = reportVerdict(change, v, sides.after, {
          ...(several && { principal: principalLabel(principal) }),
          ...mergedAt,
          mention,
        });
        if (d) denials.add(principal, d, v.decision);
      }
    }
    decided.push({ path: change.path, action: change.action, allowed: decisions.every((d) => d.allowed), decisions });
  }
  return { decided, reported: denials.all() };
}

/** Texts for code frames: the files with a diagnostic (`flagged`; files left unread are read now, in one batch). */
async function frameTexts(
  run: Run,
  input: {
    after: Side;
    onBase: Side;
    merged: MergedFiles | undefined;
    entities: Entity[];
    flagged: ReadonlySet<string>;
  },
): Promise<Map<string, string>> {
  const { after, onBase, merged, entities, flagged } = input;
  const dir = run.started.dir;
  const texts = new Map<string, string>();
  const oids = after.loaded.oids;
  const deferred = run.reading.texts;
  if (deferred && oids) {
    const prefix = `${dir}/`;
    await deferred.prefetch(
      [...flagged].flatMap((f) =>
        f.startsWith(prefix) && oids.has(f.slice(prefix.length)) ? [oids.get(f.slice(prefix.length))!] : [],
      ),
    );
  }
  for (const e of entities) {
    if (flagged.has(e.source.file)) texts.set(e.source.file, e.source.text);
    if (e.readme && flagged.has(e.readme.file)) texts.set(e.readme.file, e.readme.text);
  }
  // A file only the merge result has (a rename on the base carried the branch's edit there) shows as merged.
  for (const e of merged?.side.loaded.catalog.entities() ?? [])
    if (flagged.has(e.source.file) && !texts.has(e.source.file)) texts.set(e.source.file, e.source.text);
  // A deleted file's frame shows what was deleted.
  for (const c of run.scope.changes)
    if (c.action === "delete" && c.relPath !== undefined) {
      const gone = onBase.byPath.get(c.relPath);
      if (gone) texts.set(c.path, gone.source.text);
    }
  return texts;
}

/**
 * Every check but secrets on the head (or on the catalog where the branch
 * started): from the validation snapshot of the
 * base or merge-base (`prefer`) when a cache is set, reading first, in one
 * batch, the files left unread that the run will look at; else all of them.
 */
async function checkHead(
  catalog: Catalog,
  files: ReadonlyMap<string, string> | undefined,
  cacheDir: string | undefined,
  deferred: DeferredTexts | undefined,
  prefer: string[],
): Promise<{ diagnostics: Diagnostic[]; stats?: SnapshotRunStats }> {
  if (cacheDir === undefined || !files || !deferred) return { diagnostics: validateCatalog(catalog, HEAD_CHECKS) };
  // A component checked again has its versions' texts compared (byte-identical versions): read those in the batch too.
  const withTexts = (entities: Entity[]) =>
    entities.flatMap((e) => (e.kind === "Component" ? [e, ...catalog.versionsOf("ComponentVersion", e.key)] : [e]));
  // READMEs too: the readmes check reads the text of every README it checks again.
  const oidsOf = (e: Entity) =>
    [e.source.relPath, ...(e.readme ? [e.readme.relPath] : [])].flatMap((p) => (files.has(p) ? [files.get(p)!] : []));
  const prepare = (entities: Entity[]) => deferred.prefetch(withTexts(entities).flatMap(oidsOf));
  return checkWithSnapshotsPrepared(catalog, HEAD_CHECKS, files, { cacheDir, limits: DEFAULT_LIMITS, prefer }, prepare);
}

/**
 * The base's roles and the principals they name, and (`stopped`) the result of a
 * check that stops there, failing closed, before judging anything: the base
 * does not parse, too many files changed, a principal is ambiguous, or the
 * branch does not merge cleanly into the base.
 */
function judgeBase(
  onBase: Side,
  context: {
    dir: string;
    changed: readonly ChangedFile[];
    touchedOrgs: ReadonlySet<string>;
    revisions: CheckResult["revisions"];
    principals: readonly PrincipalInput[];
    /** Set when the branch does not merge cleanly into the base (`baseName`: the base as the user named it). */
    merge?: { conflicts: ConflictedPath[]; baseName: string };
  },
): { authority: Authority; principals: Principal[]; stopped?: CheckResult } {
  const { dir, changed, touchedOrgs, revisions } = context;
  const authority = new Authority(onBase.loaded.catalog);
  const principals = resolvePrincipals(authority, context.principals);
  const stop = (reason: string, diagnostics: Diagnostic[]) => ({
    authority,
    principals,
    stopped: { ...empty(revisions, principals), diagnostics, failedClosed: reason },
  });
  const broken = baseProblems(onBase, dir, touchedOrgs);
  if (broken.length > 0) return stop("the base does not parse", failClosed.baseInvalid(broken));
  const cap = authority.policy().maxChangedFiles;
  if (changed.length > cap)
    return stop("too many changed files", [failClosed.tooManyChanges(onBase, dir, changed.length, cap)]);
  const ambiguous = principals.filter((p) => p.ambiguous);
  if (ambiguous.length > 0)
    return stop(
      `the ${ambiguous[0]!.as} matches several user files`,
      ambiguous.map((p) => failClosed.ambiguousActor(dir, p, p.as)),
    );
  const merge = context.merge;
  if (merge)
    return stop(
      "the branch does not merge cleanly into the base",
      failClosed.mergeConflict(merge.conflicts, dir, revisions.base, merge.baseName),
    );
  return { authority, principals };
}

/**
 * The result with every credential masked where it would be printed: in
 * diagnostics, changed paths, decisions' reasons and chains (a file named after a
 * token is reported as secret/detected, and must not be printed by the rest).
 */
function redactResult(result: CheckResult): CheckResult {
  return {
    ...result,
    diagnostics: redactDiagnostics(result.diagnostics).sort(compareDiagnostics),
    preexisting: redactDiagnostics(result.preexisting).sort(compareDiagnostics),
    changes: result.changes.map((c) => ({
      ...c,
      path: redactSecrets(c.path),
      decisions: c.decisions.map((d) => ({ ...d, reason: redactSecrets(d.reason), chain: d.chain.map(redactSecrets) })),
    })),
    texts: new Map([...result.texts].map(([file, text]) => [redactSecrets(file), text])),
  };
}

function empty(revisions: CheckResult["revisions"], principals: Principal[]): CheckResult {
  return {
    diagnostics: [],
    preexisting: [],
    changes: [],
    revisions,
    actor: principals[0]!,
    principals,
    files: 0,
    entities: 0,
    texts: new Map(),
  };
}

/** A principal's decision as the result lists it; with several principals its chain starts with whose it is. */
function decidedFor(
  decision: Decision,
  principal: Principal,
  several: boolean,
  mention: (users: readonly string[]) => string[],
): PrincipalDecision {
  const who = { login: principal.login, ...(principal.id !== undefined && { id: principal.id }), as: principal.as };
  const ask = mention(decision.approvers);
  if (!several) return { ...decision, principal: who, ask };
  const role = principal.as === "author" ? "opened the pull request" : "pushed to the branch";
  return {
    ...decision,
    chain: [`judged for ${principalLabel(principal)}, who ${role}: every principal must be allowed`, ...decision.chain],
    principal: who,
    ask,
  };
}

/** A revision as messages name it: a full sha shortened to 10 characters, anything else as given. */
function shortRev(rev: string): string {
  return /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 10) : rev;
}
