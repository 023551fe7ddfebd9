/**
 * The closed table of diagnostic codes. Every diagnostic mlcat reports has one
 * of these codes; docs/diagnostics.md is generated from this table
 * (`npm run docs:diagnostics`) and a test keeps the two in step.
 */
import type { Severity } from "./diagnostic.js";

/** What a code means, and its default severity. */
export interface CodeInfo {
  severity: Severity;
  /** One line: what the problem is. */
  summary: string;
}

export const CODES = {
  // --- files and paths -------------------------------------------------------
  "file/too-large": { severity: "error", summary: "A catalog file is larger than the size cap." },
  "file/invalid-utf8": { severity: "error", summary: "A catalog file is not valid UTF-8." },
  "file/unreadable": { severity: "error", summary: "A catalog file could not be read." },
  "file/unknown-path": { severity: "error", summary: "A file under the catalog folder maps to no kind of entity." },
  "file/not-regular": {
    severity: "error",
    summary: "A symlink, submodule or other non-regular file sits under the catalog folder.",
  },
  "file/missing-catalog": { severity: "error", summary: "The catalog folder or its catalog.yaml is missing." },

  // --- YAML, hardened ----------------------------------------------------------
  "yaml/syntax": { severity: "error", summary: "The file is not well-formed YAML." },
  "yaml/empty": { severity: "error", summary: "The file holds no YAML document." },
  "yaml/multiple-documents": { severity: "error", summary: "The file holds more than one YAML document." },
  "yaml/directive": { severity: "error", summary: "The file uses a %YAML or %TAG directive." },
  "yaml/anchor": { severity: "error", summary: "The file uses an anchor or an alias." },
  "yaml/tag": { severity: "error", summary: "The file uses an explicit tag (custom or unknown types)." },
  "yaml/duplicate-key": {
    severity: "error",
    summary: "A mapping has the same key twice (also after coercion to a string).",
  },
  "yaml/forbidden-key": { severity: "error", summary: "A key is __proto__, constructor or prototype." },
  "yaml/complex-key": { severity: "error", summary: "A key is a mapping, a sequence or null." },
  "yaml/too-deep": { severity: "error", summary: "Values are nested deeper than the bound." },
  "yaml/invisible-character": {
    severity: "error",
    summary: "A key or name holds a bidi-control or zero-width character.",
  },
  "yaml/not-a-mapping": { severity: "error", summary: "The top level of the file is not a mapping." },

  // --- shape (JSON Schema) -----------------------------------------------------
  "schema/required": { severity: "error", summary: "A required property is missing." },
  "schema/unknown-property": { severity: "error", summary: "A property is not part of the kind's schema." },
  "schema/type": { severity: "error", summary: "A value has the wrong type." },
  "schema/enum": { severity: "error", summary: "A value is not one of the allowed values." },
  "schema/pattern": { severity: "error", summary: "A string does not match the expected pattern." },
  "schema/format": { severity: "error", summary: "A string is not in the expected format (URL, email, date...)." },
  "schema/constraint": {
    severity: "error",
    summary: "A value breaks another schema constraint (length, range, uniqueness...).",
  },

  // --- naming --------------------------------------------------------------------
  "name/invalid": { severity: "error", summary: "A name is not a lowercase DNS label (or a version tag)." },
  "name/mismatch": { severity: "error", summary: "The file or folder name differs from the `name` inside." },
  "name/collision": {
    severity: "error",
    summary: "Two names in one scope collide after case folding, NFKC normalization or confusable skeletons.",
  },

  // --- references ----------------------------------------------------------------
  "ref/syntax": { severity: "error", summary: "A reference is not written `org/name` or `org/name:tag`." },
  "ref/unknown-user": { severity: "error", summary: "A reference names a user with no file under users/." },
  "ref/not-org-member": {
    severity: "error",
    summary: "A user is referenced in an organization they are not a member of.",
  },
  "ref/unknown-team": { severity: "error", summary: "A reference names a team the organization does not have." },
  "ref/unknown-connection": {
    severity: "error",
    summary: "A reference names a connection the organization does not have.",
  },
  "ref/unknown-project": { severity: "error", summary: "A reference names a project that does not exist." },
  "ref/unknown-experiment": { severity: "error", summary: "A reference names an experiment that does not exist." },
  "ref/unknown-component": {
    severity: "error",
    summary: "A reference names a component or component version that does not exist.",
  },
  "ref/unknown-organization": { severity: "error", summary: "A reference names an organization that does not exist." },
  "ref/duplicate": { severity: "error", summary: "The same user, team or item is listed twice." },
  "ref/unknown-model": {
    severity: "error",
    summary: "A model version sits in the folder of a model that has no model.yaml.",
  },
  "ref/unknown-model-version": {
    severity: "error",
    summary: "A model alias or base model names a model version the catalog does not have.",
  },
  "ref/unknown-artifact": {
    severity: "error",
    summary: "A flavor, input example or lineage input names an artifact the version or run does not list.",
  },
  "ref/role-too-low": {
    severity: "error",
    summary: "A delegation names a member whose organization role is below admin.",
  },

  // --- users' GitHub identities --------------------------------------------------
  "user/missing-github-id": {
    severity: "error",
    summary:
      "A user file that a role or delegation names has no `github.id`: matched by login alone, its rights would go to whoever holds that login.",
  },
  "user/duplicate-github-id": { severity: "error", summary: "Two user files have the same `github.id`." },
  "user/duplicate-github-login": {
    severity: "error",
    summary: "Two user files have the same `github.login` (GitHub logins ignore case).",
  },

  // --- component specs (Polyaxon semantics) -------------------------------------
  "spec/unknown-template-variable": {
    severity: "error",
    summary:
      "A template reads a name that is neither a declared input or output nor in the context Polyaxon renders that field with.",
  },
  "spec/template-syntax": {
    severity: "error",
    summary: "Jinja cannot parse a template (an unclosed {{ or {%, a stray token).",
  },
  "spec/hyphenated-template-name": {
    severity: "error",
    summary: "`{{ a-b }}` reads a minus b, while the spec declares `a_b` (or `a-b`).",
  },
  "spec/arg-format-scope": {
    severity: "error",
    summary: "An `argFormat` reads a name other than its own input, which Polyaxon renders empty.",
  },
  "spec/optional-value-conflict": { severity: "error", summary: "An input has a `value` but `isOptional: false`." },
  "spec/duplicate-io": { severity: "error", summary: "Two inputs or outputs share a name." },
  "spec/reserved-io-name": { severity: "error", summary: "An input or output uses a name reserved by Polyaxon." },
  "spec/untyped-io": { severity: "warning", summary: "An input or output has no `type`." },
  "spec/name-differs": {
    severity: "info",
    summary:
      "A hub version's spec `name` differs from its hub entry's name, as a deliberate short name does (`az` for azure-cli).",
  },
  "spec/name-mistake": {
    severity: "warning",
    summary:
      "A hub version's spec `name` looks like a mistake: a near miss of its entry's name, or another entry's name.",
  },
  "spec/unknown-io-type": {
    severity: "error",
    summary: "An input or output's `type` is not a type Polyaxon can read (`flaot`).",
  },
  "spec/legacy-io-type": {
    severity: "warning",
    summary: "An input or output uses a type only Polyaxon 1.x read (`auth`, `dict_of_dicts`).",
  },
  "spec/invalid-io-value": {
    severity: "error",
    summary: "An input or output's `value` does not parse as its type (and `isList`).",
  },
  "spec/io-validation-failed": {
    severity: "error",
    summary: "An input or output's `value` breaks its own `validation` (gt, lt, options, regex...).",
  },
  "spec/flag-not-bool": {
    severity: "error",
    summary: "`isFlag` is set on an input or output that is not of type bool.",
  },
  "spec/untyped-to-init": { severity: "error", summary: "`toInit` is set on an input or output without a type." },
  "spec/to-init-needs-connection": {
    severity: "warning",
    summary: "`toInit` is set on a type Polyaxon initializes only from a connection, and the IO names none.",
  },
  "spec/unsupported-version": {
    severity: "error",
    summary: "A spec's `version` is missing or is not 1.1, the only one current Polyaxon reads.",
  },
  "spec/legacy-run-kind": {
    severity: "warning",
    summary: "A run kind only older Polyaxon releases accept (e.g. `daskjob`, now `daskcluster`).",
  },

  // --- operations and DAGs -----------------------------------------------------
  "dag/unknown-ref": {
    severity: "error",
    summary: "A DAG operation refers to `ops.<op>`, an output of it, or `dag.inputs.<x>` that the DAG does not have.",
  },
  "dag/duplicate-name": {
    severity: "error",
    summary: "Two operations, or two inline components, of one DAG share a name.",
  },
  "dag/unknown-component": { severity: "error", summary: "A `dagRef` names no component of the DAG's `components`." },
  "dag/unknown-dependency": {
    severity: "error",
    summary: "An operation depends on a name that is not an operation of the DAG.",
  },
  "dag/cycle": {
    severity: "error",
    summary: "A DAG's operations depend on each other in a cycle (named in the message).",
  },
  "op/reference-count": {
    severity: "error",
    summary: "An operation names no component, or more than one (hubRef, dagRef, pathRef, urlRef, component).",
  },
  "op/unresolved-ref": {
    severity: "error",
    summary:
      "An operation's `hubRef` names no published hub version of the catalog (nor an external hub), or its `pathRef` no component of its project.",
  },

  // --- params (experiments, operations, DAG operations, lineage) ----------------
  "param/unknown": { severity: "error", summary: "A param names no input or output of the component it is passed to." },
  "param/missing-required": { severity: "error", summary: "A required input of the component gets no param." },
  "param/invalid-value": { severity: "error", summary: "A param's value does not parse as the input's type." },
  "param/validation-failed": { severity: "error", summary: "A param's value breaks the input's validation." },

  // --- experiments and lineage ---------------------------------------------------
  "lineage/experiment-not-succeeded": {
    severity: "error",
    summary: "A model version's lineage names an experiment that did not succeed.",
  },
  "lineage/component-differs": {
    severity: "error",
    summary: "A model version's lineage names another component version than its experiment ran.",
  },
  "lineage/params-differ": {
    severity: "error",
    summary: "A model version's lineage params differ from its experiment's.",
  },
  "lineage/code-differs": {
    severity: "error",
    summary: "A model version's lineage code commit differs from its experiment's.",
  },
  "experiment/connection-not-allowed": {
    severity: "error",
    summary: "The component an experiment ran uses a connection its project does not list.",
  },

  // --- versions and releases -------------------------------------------------------
  "version/identical": { severity: "info", summary: "Two versions of one component are byte-identical." },
  "version/unknown-release": {
    severity: "error",
    summary: "Release metadata names a version tag that has no version file.",
  },
  "version/copied-component": {
    severity: "warning",
    summary: "Every version of a hub component is a byte-identical copy of another component's (named in the message).",
  },
  "version/unpinned-image": {
    severity: "warning",
    summary: "A released semver version runs an image that is not pinned (`:latest`, or no tag).",
  },
  "version/unreleased": { severity: "info", summary: "A version file has no release metadata in the hub entry." },
  "version/stage-history": {
    severity: "error",
    summary:
      "A model version's stage differs from the last entry of its stage history, or the history goes back in time.",
  },

  // --- the model registry: deployment, evaluation, data, policy -------------------
  "registry/alias-is-tag": {
    severity: "error",
    summary: "A model's alias is also one of its version tags, so `org/model:<name>` would mean two things.",
  },
  "registry/flavor-incomplete": {
    severity: "error",
    summary: "A flavor says neither what it needs (`requirements`) nor what serves it (`image`).",
  },
  "registry/unpinned-image": {
    severity: "error",
    summary: "A flavor's image is not pinned by a version tag or a digest (`:latest`, or no tag).",
  },
  "registry/unpinned-data": {
    severity: "error",
    summary:
      "An evaluation dataset has no version or revision, or a data input is neither a URI with a version or checksum nor another run's artifact.",
  },
  "policy/stage-requirements": {
    severity: "error",
    summary:
      "A model version is in a stage (or named by a production alias) without what catalog.yaml's `policy.stages` requires there.",
  },

  // --- READMEs ----------------------------------------------------------------------
  "readme/unfilled-template": {
    severity: "warning",
    summary:
      "A project's README, a hub component's README or a model card still holds a sentence of the template `mlcat new` wrote: it is published as it is.",
  },

  // --- quotas and vocabularies -----------------------------------------------------
  "quota/exceeded": { severity: "error", summary: "A team or organization count quota is exceeded." },
  "vocab/unknown-tag": { severity: "error", summary: "A tag is not in the catalog's tag vocabulary." },
  "vocab/unknown-license": {
    severity: "error",
    summary: "A license is not a valid SPDX expression, or not an allowed one.",
  },

  // --- secrets ----------------------------------------------------------------------
  "secret/detected": {
    severity: "error",
    summary:
      "A file, or a line a pull request added, holds what looks like a credential (token, key, password): revoke it, do not only delete it.",
  },

  // --- pull-request checks -----------------------------------------------------
  "pr/permission-denied": {
    severity: "error",
    summary:
      "The pull request's author, or someone else who pushed to it, may not make this change: the rule, whom it denies and who could make it are in the message.",
  },
  "pr/immutable-version": {
    severity: "error",
    summary: "A published version file changed: versions are immutable unless their tag is declared in `mutableTags`.",
  },
  "pr/record-mismatch": {
    severity: "error",
    summary:
      "A record the pull request writes (a stage-history entry's `by` or `at`, a `createdBy`) does not name its author or falls outside its time.",
  },
  "pr/stage-history-rewritten": {
    severity: "error",
    summary: "A model version's stage history was edited or shortened: it is append-only.",
  },
  "pr/too-many-changes": {
    severity: "error",
    summary: "The pull request changes more files than policy.maxChangedFiles allows: the check fails closed.",
  },
  "pr/base-invalid": {
    severity: "error",
    summary: "A file of the base revision that roles or policy come from does not parse: the check fails closed.",
  },
  "pr/merge-conflict": {
    severity: "error",
    summary:
      "The pull request's branch does not merge cleanly into its base: the merge result cannot be judged, so the check fails closed.",
  },
  "pr/actor-ambiguous": {
    severity: "error",
    summary:
      "The pull request's author, or someone else who pushed to it, matches more than one user file: the check fails closed.",
  },
} as const satisfies Record<string, CodeInfo>;

/** Every diagnostic code mlcat can report. */
export type DiagnosticCode = keyof typeof CODES;

/** The documented meaning and default severity of a code. */
export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CODES[code];
}
