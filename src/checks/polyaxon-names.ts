/**
 * Names Polyaxon gives a meaning to in component specs.
 *
 * Sources (polyaxon/cli): IO_NAME_BLACK_LIST in `cli/polyaxon/_flow/io/io.py`;
 * `ParamSpec.to_parsed_param` in `cli/polyaxon/_flow/params/params.py` (what
 * `params.<io>` holds) and `PolyaxonfileParser.get_parsed_params` in
 * `cli/polyaxon/_polyaxonfile/specs/libs/parser.py` (`params.as_args`).
 */

/** Jinja's own global functions (a default `jinja2.Environment`, as Polyaxon's engine uses). */
export const JINJA_GLOBALS: readonly string[] = ["range", "dict", "lipsum", "cycler", "joiner", "namespace"];

/** IO names Polyaxon refuses (IO_NAME_BLACK_LIST): they are its own context. */
export const RESERVED_IO_NAMES: ReadonlySet<string> = new Set(["globals", "params", "connections"]);

/** What `params.<io>` holds in a template. */
export const PARAM_FIELDS: readonly string[] = ["value", "type", "connection", "as_str", "as_arg"];

/** The globals a DAG gives its operations' `{ref: dag, value: globals.<key>}` params (GLOBALS_CONTEXTS in `cli/polyaxon/_contexts/sections.py`). */
export const GLOBALS_CONTEXTS: readonly string[] = [
  "owner_name",
  "project_name",
  "project_unique_name",
  "project_uuid",
  "run_info",
  "name",
  "uuid",
  "status",
  "namespace",
  "iteration",
  "context_path",
  "artifacts_path",
  "created_at",
  "compiled_at",
  "schedule_at",
  "started_at",
  "finished_at",
  "duration",
  "cloning_kind",
  "original_uuid",
  "is_independent",
];
