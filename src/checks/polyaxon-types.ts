/**
 * Polyaxon IO types: which `type` names Polyaxon reads, and whether a value
 * fits one. Polyaxon parses a value with `ConfigParser.parse(type)`
 * (`cli/polyaxon/_flow/io/io.py`, `validate_io_value`): a name of its type
 * mapping (`cli/polyaxon/types.py` MAPPING, on top of clipped's: uri, image,
 * gcs, s3, wasb, path, metric, metadata, uuid, email, any, str, date,
 * datetime, timedelta; Polyaxon's file, tensorboard, dockerfile, git, event,
 * artifacts), a forwarded pydantic name (PositiveInt, StrictStr...), or any
 * Python type hint (`int`, `float`, `bool`, `dict`, `list`, `List[float]`,
 * `Dict[str, int]`, `Optional[str]`...), which pydantic evaluates. Any other
 * name fails to parse. A string given for a type other than str, bool, path,
 * any, image, uri, gcs, s3, wasb, uuid, email, date and datetime is first read
 * as JSON (clipped's NON_LOADABLE list), so `"10"` is an int but `"ten"` is not.
 */

/** A parsed type expression: a name with optional arguments (`List[float]`). */
export interface TypeExpr {
  name: string;
  args: TypeExpr[];
}

/** Names of Polyaxon's and clipped's type mapping. */
const MAPPED = [
  "uri",
  "image",
  "gcs",
  "s3",
  "wasb",
  "path",
  "metric",
  "metadata",
  "uuid",
  "email",
  "any",
  "str",
  "date",
  "datetime",
  "timedelta",
  "file",
  "tensorboard",
  "dockerfile",
  "git",
  "event",
  "artifacts",
];
/** Python builtins and typing names pydantic evaluates. */
const PYTHON = [
  "int",
  "float",
  "bool",
  "str",
  "dict",
  "list",
  "tuple",
  "set",
  "bytes",
  "Any",
  "List",
  "Dict",
  "Optional",
  "Union",
  "Tuple",
  "Set",
  "Mapping",
  "Sequence",
];
/** Names Polyaxon forwards to pydantic (clipped FORWARDING and Polyaxon's V1...Type). */
const FORWARDED = [
  "GenericStr",
  "Uri",
  "ImageStr",
  "GcsPath",
  "S3Path",
  "WasbPath",
  "UUIDStr",
  "EmailStr",
  "ListStr",
  "StrictStr",
  "PositiveInt",
  "NegativeInt",
  "NonNegativeInt",
  "NonPositiveInt",
  "PositiveFloat",
  "NegativeFloat",
  "NonNegativeFloat",
  "NonPositiveFloat",
  "FiniteFloat",
  "Json",
  "SecretStr",
  "SecretBytes",
  "StrictBool",
  "StrictBytes",
  "StrictInt",
  "StrictFloat",
  "PaymentCardNumber",
  "ByteSize",
  "PastDate",
  "FutureDate",
  "FileType",
  "DockerfileType",
  "TensorboardType",
  "GitType",
  "EventType",
  "ArtifactsType",
  "V1FileType",
  "V1DockerfileType",
  "V1TensorboardType",
  "V1GitType",
  "V1EventType",
  "V1ArtifactsType",
];

/** Every type name Polyaxon reads. */
export const KNOWN_TYPE_NAMES: ReadonlySet<string> = new Set([...MAPPED, ...PYTHON, ...FORWARDED]);

/** The lowercase type names users write, offered in hints. */
export const COMMON_TYPE_NAMES: readonly string[] = [
  "str",
  "int",
  "float",
  "bool",
  "dict",
  "list",
  "any",
  "path",
  "uri",
  "image",
  "git",
  "artifacts",
  "dockerfile",
  "metric",
  "metadata",
  "gcs",
  "s3",
  "wasb",
  "date",
  "datetime",
  "uuid",
  "email",
  "file",
  "tensorboard",
  "event",
  "timedelta",
];

/** Types of Polyaxon 1.x that 2.x no longer reads (`cli/polyaxon/types.py` at tag v1.18.0). */
export const LEGACY_TYPE_NAMES: ReadonlySet<string> = new Set(["auth", "dict_of_dicts"]);

/** Parse `List[Dict[str, int]]`-style text; `undefined` when it is not a type expression. */
export function parseTypeExpr(text: string): TypeExpr | undefined {
  let i = 0;
  const skip = () => {
    while (text[i] === " ") i++;
  };
  const expr = (): TypeExpr | undefined => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const node: TypeExpr = { name: m[0].replace(/^(typing|builtins)\./, ""), args: [] };
    skip();
    if (text[i] !== "[") return node;
    i++;
    for (;;) {
      const arg = expr();
      if (!arg) return undefined;
      node.args.push(arg);
      skip();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return node;
      }
      return undefined;
    }
  };
  const out = expr();
  skip();
  return out && i === text.length ? out : undefined;
}

/** The names in a type expression that Polyaxon does not read (in order, once each). */
export function unknownTypeNames(expr: TypeExpr): string[] {
  const out: string[] = [];
  const visit = (e: TypeExpr) => {
    if (!KNOWN_TYPE_NAMES.has(e.name) && !out.includes(e.name)) out.push(e.name);
    e.args.forEach(visit);
  };
  visit(expr);
  return out;
}

const NON_LOADABLE = new Set([
  "any",
  "Any",
  "str",
  "bool",
  "path",
  "date",
  "datetime",
  "timedelta",
  "uuid",
  "email",
  "image",
  "uri",
  "gcs",
  "s3",
  "wasb",
  "GenericStr",
  "Uri",
  "ImageStr",
  "GcsPath",
  "S3Path",
  "WasbPath",
  "UUIDStr",
  "EmailStr",
  "ListStr",
  "StrictStr",
]);
const INT = new Set(["int", "StrictInt", "PositiveInt", "NegativeInt", "NonNegativeInt", "NonPositiveInt", "ByteSize"]);
const FLOAT = new Set([
  "float",
  "metric",
  "StrictFloat",
  "PositiveFloat",
  "NegativeFloat",
  "NonNegativeFloat",
  "NonPositiveFloat",
  "FiniteFloat",
]);
const BOOL = new Set(["bool", "StrictBool"]);
const STRINGS = new Set([
  "path",
  "uri",
  "image",
  "gcs",
  "s3",
  "wasb",
  "uuid",
  "email",
  "Uri",
  "ImageStr",
  "GcsPath",
  "S3Path",
  "WasbPath",
  "UUIDStr",
  "EmailStr",
  "StrictStr",
  "SecretStr",
  "PaymentCardNumber",
]);
const MAPS = new Set(["dict", "Dict", "metadata", "Mapping"]);
const LISTS = new Set(["list", "List", "tuple", "Tuple", "set", "Set", "Sequence", "ListStr"]);
const BOOL_WORDS = new Set(["0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes"]);

/** Why a value does not fit a type, or `undefined` when it fits (or cannot be judged). */
export function typeMismatch(expr: TypeExpr, value: unknown, isList = false): string | undefined {
  if (isList) return fits({ name: "List", args: [expr] }, value);
  return fits(expr, value);
}

/** The value Polyaxon validates after parsing: a string read as JSON for loadable types. */
export function parsedValue(expr: TypeExpr, value: unknown, isList = false): unknown {
  if (typeof value !== "string" || (!isList && NON_LOADABLE.has(expr.name))) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value === "boolean" ? "the boolean" : "the number"} ${String(value)}`;
}

function fits(expr: TypeExpr, raw: unknown): string | undefined {
  const { name, args } = expr;
  if (name === "Optional") return raw === null ? undefined : args[0] && fits(args[0], raw);
  if (name === "Union")
    return args.some((a) => fits(a, raw) === undefined)
      ? undefined
      : `${describe(raw)} is none of ${args.map(show).join(", ")}`;
  const value = typeof raw === "string" && !NON_LOADABLE.has(name) ? parseJson(raw) : raw;
  if (value === FAILED)
    return `${describe(raw)} is not ${article(name)} (Polyaxon reads it as JSON, and it is not valid JSON)`;
  if (INT.has(name)) {
    if (typeof value === "boolean") return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) return `${describe(raw)} is not an int`;
    return sign(name, value);
  }
  if (FLOAT.has(name)) {
    if (typeof value === "boolean") return undefined;
    if (typeof value !== "number") return `${describe(raw)} is not ${article(name)}`;
    return sign(name, value);
  }
  if (BOOL.has(name)) {
    if (typeof value === "boolean" || value === 0 || value === 1) return undefined;
    if (typeof value === "string" && BOOL_WORDS.has(value.toLowerCase())) return undefined;
    return `${describe(raw)} is not a bool (true or false)`;
  }
  if (name === "str" || name === "GenericStr")
    return value === null || typeof value === "object" ? `${describe(raw)} is not a str` : undefined;
  if (STRINGS.has(name))
    return typeof value === "string" ? undefined : `${describe(raw)} is not ${article(name)} (a string)`;
  if (MAPS.has(name)) {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return `${describe(raw)} is not ${article(name)} (a mapping)`;
    const inner = args[1];
    if (!inner) return undefined;
    for (const [k, v] of Object.entries(value)) {
      const why = fits(inner, v);
      if (why) return `at key ${JSON.stringify(k)}: ${why}`;
    }
    return undefined;
  }
  if (LISTS.has(name)) {
    if (!Array.isArray(value)) return `${describe(raw)} is not a list`;
    const inner = args[0];
    if (!inner) return undefined;
    for (let i = 0; i < value.length; i++) {
      const why = fits(inner, value[i]);
      if (why) return `item ${i + 1}: ${why}`;
    }
    return undefined;
  }
  return undefined;
}

const FAILED = Symbol("not JSON");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return FAILED;
  }
}

function sign(name: string, value: number): string | undefined {
  if (name.startsWith("Positive") && !(value > 0)) return `${value} is not positive (${name})`;
  if (name.startsWith("Negative") && !(value < 0)) return `${value} is not negative (${name})`;
  if (name.startsWith("NonNegative") && value < 0) return `${value} is negative (${name})`;
  if (name.startsWith("NonPositive") && value > 0) return `${value} is positive (${name})`;
  return undefined;
}

function article(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/** A type expression as written. */
export function show(expr: TypeExpr): string {
  return expr.args.length > 0 ? `${expr.name}[${expr.args.map(show).join(", ")}]` : expr.name;
}
