/**
 * Known defects to sprinkle into a generated catalog: each one edits one file
 * so that `mlcat validate` reports exactly one error with a known code.
 */
import type { DiagnosticCode } from "../../dist/diagnostics/codes.js";
import type { Random } from "./random.ts";

/** One kind of defect: which files it applies to and how it edits one. */
interface DefectKind {
  code: DiagnosticCode;
  applies: (path: string, text: string) => boolean;
  edit: (text: string, n: number) => string;
}

const DEFECT_KINDS: readonly DefectKind[] = [
  {
    code: "ref/unknown-user",
    applies: (p, t) => /^orgs\/[^/]+\/teams\/[^/]+\.yaml$/.test(p) && /^ *- user: \S+$/m.test(t),
    edit: (t, n) => t.replace(/^( *)- user: \S+$/m, `$1- user: ghost-user-${n}`),
  },
  {
    code: "schema/enum",
    applies: (p) => /^orgs\/[^/]+\/models\/[^/]+\/versions\/[^/]+\.yaml$/.test(p),
    edit: (t) => t.replace(/^stage: \w+$/m, "stage: prod"),
  },
  {
    code: "schema/unknown-property",
    applies: (p) => /^orgs\/[^/]+\/projects\/[^/]+\/experiments\/[^/]+\.yaml$/.test(p),
    edit: (t) => `${t}owner: nobody\n`,
  },
  {
    code: "name/mismatch",
    applies: (p) => /^users\/[^/]+\.yaml$/.test(p),
    edit: (t) => t.replace(/^name: (\S+)$/m, "name: $1-renamed"),
  },
  {
    code: "vocab/unknown-tag",
    applies: (p, t) => /^orgs\/[^/]+\/projects\/[^/]+\/project\.yaml$/.test(p) && /^tags: \[/m.test(t),
    edit: (t) => t.replace(/^tags: \[/m, "tags: [unlisted-tag, "),
  },
  {
    code: "spec/unknown-template-variable",
    applies: (p, t) =>
      /^orgs\/[^/]+\/components\/[^/]+\/versions\/[^/]+\.yaml$/.test(p) &&
      t.includes("--out={{ globals.run_outputs_path }}"),
    edit: (t) => t.replace("--out={{ globals.run_outputs_path }}", "--out={{ output_dir }}"),
  },
];

/** A defect that was sprinkled: the file and the error it causes. */
export interface Defect {
  path: string;
  code: DiagnosticCode;
}

/**
 * Edit `count` distinct files of `files` (in place), each so that it causes
 * exactly one error; the kinds of defect take turns. Returns what was done;
 * fewer than `count` when the catalog has too few files of a kind.
 */
export function sprinkleDefects(
  files: Map<string, string>,
  count: number,
  random: Random,
): { defects: Defect[]; edited: Record<string, string> } {
  const paths = [...files.keys()].sort();
  const used = new Set<string>();
  const defects: Defect[] = [];
  const edited: Record<string, string> = {};
  const candidates = DEFECT_KINDS.map((kind) => random.shuffle(paths.filter((p) => kind.applies(p, files.get(p)!))));
  for (let i = 0, misses = 0; defects.length < count && misses < DEFECT_KINDS.length; i++) {
    const k = i % DEFECT_KINDS.length;
    const path = candidates[k]!.find((p) => !used.has(p));
    if (path === undefined) {
      misses++;
      continue;
    }
    misses = 0;
    used.add(path);
    const text = DEFECT_KINDS[k]!.edit(files.get(path)!, defects.length + 1);
    files.set(path, text);
    edited[path] = text;
    defects.push({ path, code: DEFECT_KINDS[k]!.code });
  }
  return { defects, edited };
}
