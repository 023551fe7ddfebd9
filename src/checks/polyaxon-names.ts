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
