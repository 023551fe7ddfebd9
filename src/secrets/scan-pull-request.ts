/**
 * The secret scan of `mlcat check`: every line added by any commit of the pull
 * request (`base..head`), anywhere in the repository, and every path a commit
 * created (a new file, a renamed file's new name), judged with the BASE's
 * allowlist. A secret added in one commit and removed in the next still fails:
 * it is in the history the pull request would merge. A file whose added lines
 * are not text (they hold NUL bytes) is read from its blob: when the blob
 * starts with a UTF-16 byte-order mark, its decoded text is scanned, and what
 * the file already held before the commit is left out.
 */
import { forEachAddedBlock, type AddedBlock, type PatchedFile } from "../git/added-lines.js";
import { readBlobPrefix } from "../git/blob-prefix.js";
import type { GitOptions } from "../git/run-git.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeFileText, utf16ByBom } from "../text/file-text.js";
import { EMPTY_ALLOWLIST, fingerprintSecret, type SecretsAllowlist } from "./allowlist.js";
import { scanText, type SecretFinding } from "./scan-text.js";
import { secretDiagnostic } from "./secret-diagnostic.js";

/** Options of `scanPullRequestSecrets`. */
export interface ScanPullRequestOptions extends GitOptions {
  /** The base commit (commits reachable from it are not the pull request's). */
  base: string;
  head: string;
  /**
   * From the base revision's catalog.yaml, never from the head. May come
   * later (a promise): the history is read and scanned meanwhile, and the
   * allowlist, a filter of values, applied at the end.
   */
  allowlist?: SecretsAllowlist | Promise<SecretsAllowlist>;
  /** A UTF-16 file is read up to this many bytes (default 8 MiB). */
  maxBlobBytes?: number;
}

/** A finding, where it was made, and its place in the history (findings are kept in history order). */
interface Found {
  finding: SecretFinding;
  file: string;
  commit: AddedBlock["commit"];
  inPath: boolean;
  order: number;
}

const MAX_BLOB_BYTES = 8 * 1024 * 1024;

/** One `secret/detected` per secret and file (and per secret and path), at the commit that first added it. Git failures throw GitError. */
export async function scanPullRequestSecrets(options: ScanPullRequestOptions): Promise<Diagnostic[]> {
  const { base, head, allowlist: _a, maxBlobBytes: _m, ...git } = options;
  const maxBytes = options.maxBlobBytes ?? MAX_BLOB_BYTES;
  const found: Found[] = [];
  const notText: Array<{ file: PatchedFile; order: number }> = [];
  let order = 0;
  const onBlock = (block: AddedBlock): void => {
    const at = order++;
    for (const finding of scanText(block.lines.join("\n"), { firstLine: block.firstLine }))
      found.push({ finding, file: block.path, commit: block.commit, inPath: false, order: at });
  };
  const onFile = (file: PatchedFile): void => {
    const at = order++;
    // A path the commit created is text it added.
    if (file.created)
      for (const finding of scanText(file.path))
        found.push({ finding, file: file.path, commit: file.commit, inPath: true, order: at });
    if (file.nul && file.blob !== undefined && file.firstLineBom !== "none") notText.push({ file, order: at });
  };
  await forEachAddedBlock({ ...git, from: base, to: head }, onBlock, onFile);
  for (const { file, order: at } of notText) {
    for (const finding of await newInUtf16Blob(git, file, maxBytes))
      found.push({ finding, file: file.path, commit: file.commit, inPath: false, order: at });
  }
  found.sort((a, b) => a.order - b.order);
  // Whether a value is allowed depends on the value alone: the first of a file's copies stands for all.
  const seen = new Set<string>();
  const first = found.filter((f) => {
    const key = `${f.inPath ? "path" : "text"}\0${f.file}\0${fingerprintSecret(f.finding.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const allowlist = (await options.allowlist) ?? EMPTY_ALLOWLIST;
  return first
    .filter((f) => !allowlist.allows(f.finding.value))
    .map((f) => secretDiagnostic(f.finding, { file: f.file, commit: f.commit, ...(f.inPath && { inPath: true }) }));
}

/**
 * The credentials of a file whose added lines are not text, when its blob is
 * UTF-16 (by its byte-order mark): those of its decoded text after the
 * commit that none of its versions before the commit (one per parent) held.
 */
async function newInUtf16Blob(git: GitOptions, file: PatchedFile, maxBytes: number): Promise<SecretFinding[]> {
  const blob = file.blob!;
  if (file.firstLineBom === undefined && utf16ByBom(await readBlobPrefix(git, blob, 2)) === undefined) return [];
  const findings = scanText(decodeFileText(await readBlobPrefix(git, blob, maxBytes)));
  if (findings.length === 0) return [];
  const before = new Set<string>();
  for (const oid of file.parentBlobs)
    for (const f of scanText(decodeFileText(await readBlobPrefix(git, oid, maxBytes)))) before.add(f.value);
  return findings.filter((f) => !before.has(f.value));
}
