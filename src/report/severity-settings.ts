/**
 * Severity settings: catalog.yaml's `severity` sets a code's severity for the
 * files that match path globs, as eslint's overrides do, so an imported
 * third-party organization can be kept without drowning the rest:
 *
 *     severity:
 *       - files: ["orgs/polyaxon/**"]
 *         codes: { spec/name-differs: off, version/unpinned-image: info }
 *
 * Entries apply in order and the last one that matches a file and names a
 * code wins; `off` drops the diagnostic. Codes whose problems leave a file
 * unread or unresolved, or that guard identities and secrets, are fixed.
 * `mlcat check` reads the settings from the base branch only, so a pull
 * request cannot lower the severity of its own problems.
 */
import { posix } from "node:path";
import { CODES, type DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { compileGlob } from "../text/path-glob.js";
import { didYouMean } from "../text/suggest.js";
import type { ValuePath } from "../yaml/positions.js";

/** What a setting can make of a code: a severity, or `off`. */
export type SeverityLevel = Severity | "off";

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ["error", "warning", "info", "off"];

/** Code categories (the part before `/`) whose severity no setting changes, and why. */
export const FIXED_SEVERITY: Readonly<Record<string, string>> = {
  file: "a file with this problem is not read at all",
  yaml: "a file with this problem is not read at all",
  schema: "a file that fails its schema is left out of every other check and of the site",
  name: "names are identities: paths, references and permissions rely on them",
  ref: "the site and mlcat check rely on every reference resolving",
  user: "it guards who holds rights in mlcat check",
  secret: "a value that is not a secret is allowlisted by its fingerprint (policy.secretsAllowlist)",
  pr: "mlcat check's decisions follow the policy, not severity settings",
  severity: "a setting cannot silence the problems of the settings themselves",
};

/** Why `code`'s severity cannot be set, or undefined when it can. */
export function fixedReason(code: string): string | undefined {
  return FIXED_SEVERITY[code.slice(0, code.indexOf("/"))];
}

/** A problem of the settings, at a value path of catalog.yaml. */
export interface SettingProblem {
  code: "severity/unknown-code" | "severity/fixed-code" | "severity/invalid-glob";
  path: ValuePath;
  /** Point at the key (a code) rather than the value. */
  key?: boolean;
  message: string;
  hint: string;
}

/** One entry that applies: its globs compiled, its usable codes. */
interface CompiledEntry {
  index: number;
  globs: Array<{ glob: string; test: (path: string) => boolean }>;
  codes: Map<DiagnosticCode, SeverityLevel>;
}

/** The settings as they apply, and what is wrong with them. */
export interface SeveritySettings {
  /** The level the settings give `code` in the file at `relPath` (relative to the catalog folder), if any. */
  levelOf(code: DiagnosticCode, relPath: string): SeverityLevel | undefined;
  /** The globs of the entries, with where each is, for the check that reports globs matching no file. */
  globs: Array<{ glob: string; test: (path: string) => boolean; path: ValuePath }>;
  problems: SettingProblem[];
  /** Number of entries that apply. */
  size: number;
}

/**
 * Read catalog.yaml's `severity` defensively (the data may have failed its
 * schema). Failing closed: an entry with a glob that does not compile
 * applies to no file, and a code that is unknown, fixed or set to no known
 * level changes nothing.
 */
export function readSeveritySettings(catalogData: unknown): SeveritySettings {
  const raw = field(catalogData, "severity");
  const problems: SettingProblem[] = [];
  const entries: CompiledEntry[] = [];
  const globs: SeveritySettings["globs"] = [];
  if (Array.isArray(raw)) {
    raw.forEach((entry, index) => {
      const { compiled, readable } = readEntry(entry, index, problems);
      // Every glob that reads is checked for matching some file, even in an entry that applies nowhere.
      for (const g of readable) globs.push({ glob: g.glob, test: g.test, path: ["severity", index, "files", g.at] });
      if (compiled) entries.push(compiled);
    });
  }
  // Per code, the entries that name it, last first: the first that matches wins.
  const byCode = new Map<DiagnosticCode, CompiledEntry[]>();
  for (const entry of entries)
    for (const code of entry.codes.keys()) {
      const list = byCode.get(code) ?? [];
      list.unshift(entry);
      byCode.set(code, list);
    }
  return {
    levelOf(code, relPath) {
      for (const entry of byCode.get(code) ?? [])
        if (entry.globs.some((g) => g.test(relPath))) return entry.codes.get(code);
      return undefined;
    },
    globs,
    problems,
    size: entries.length,
  };
}

/** An entry as read: the entry if it applies, and every glob of it that compiled, with its index in `files`. */
interface ReadEntry {
  compiled: CompiledEntry | undefined;
  readable: Array<CompiledEntry["globs"][number] & { at: number }>;
}

function readEntry(entry: unknown, index: number, problems: SettingProblem[]): ReadEntry {
  const files = field(entry, "files");
  const codes = field(entry, "codes");
  if (!Array.isArray(files) || typeof codes !== "object" || codes === null || Array.isArray(codes))
    return { compiled: undefined, readable: [] };
  const globs: ReadEntry["readable"] = [];
  let broken = false;
  files.forEach((glob: unknown, i) => {
    if (typeof glob !== "string") return void (broken = true);
    const compiled = compileGlob(glob);
    if (compiled.ok) return void globs.push({ glob, test: compiled.test, at: i });
    broken = true;
    problems.push({
      code: "severity/invalid-glob",
      path: ["severity", index, "files", i],
      message: `severity[${index}] glob "${glob}" is not a glob mlcat reads: ${compiled.reason}`,
      hint: "write a path relative to the catalog folder, with `*` within a segment, `**` for any folders, `?`, `{a,b}` or `[a-z]` (e.g. orgs/acme/**)",
    });
  });
  const levels = new Map<DiagnosticCode, SeverityLevel>();
  for (const [code, level] of Object.entries(codes as Record<string, unknown>)) {
    const at = ["severity", index, "codes", code];
    if (!Object.hasOwn(CODES, code)) {
      problems.push({
        code: "severity/unknown-code",
        path: at,
        key: true,
        message: `severity[${index}] names code "${code}", which mlcat does not have${didYouMean(code, Object.keys(CODES))}`,
        hint: "use a code from docs/diagnostics.md, which says what each one means",
      });
      continue;
    }
    const fixed = fixedReason(code);
    if (fixed !== undefined) {
      problems.push({
        code: "severity/fixed-code",
        path: at,
        key: true,
        message: `severity[${index}] sets code "${code}", whose severity cannot be changed: ${fixed}`,
        hint: `remove "${code}" from this entry and fix the problems it reports`,
      });
      continue;
    }
    if (typeof level === "string" && (SEVERITY_LEVELS as readonly string[]).includes(level))
      levels.set(code as DiagnosticCode, level as SeverityLevel);
  }
  // An entry whose files cannot all be read applies nowhere: which files it meant is a guess.
  const compiled =
    broken || globs.length === 0
      ? undefined
      : { index, globs: globs.map(({ glob, test }) => ({ glob, test })), codes: levels };
  return { compiled, readable: globs };
}

/** `file` (a diagnostic's path as shown) relative to the catalog folder shown as `root`, or undefined outside it. */
export function relativeToCatalog(file: string, root: string): string | undefined {
  const base = posix.normalize(root).replace(/\/+$/, "");
  if (base === "." || base === "") return file.startsWith("../") || file.startsWith("/") ? undefined : file;
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : undefined;
}

/**
 * `diagnostics` with `settings` applied: each one's severity as the last
 * matching entry sets it, those set `off` left out. Diagnostics outside the
 * catalog folder `root`, and of fixed codes, are left as they are.
 */
export function applySeveritySettings(
  diagnostics: readonly Diagnostic[],
  settings: SeveritySettings,
  root: string,
): Diagnostic[] {
  if (settings.size === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const rel = relativeToCatalog(d.file, root);
    const level = rel === undefined ? undefined : settings.levelOf(d.code, rel);
    if (level === "off") continue;
    out.push(level === undefined || level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
