/**
 * Polyaxon's value constraints (`V1Validation.run_validation` in
 * `cli/polyaxon/_flow/io/io.py`), applied as Polyaxon applies them: the
 * value constraints (gt, ge, lt, le, multipleOf, minDigits, maxDigits,
 * decimalPlaces, regex, minLength, maxLength, contains, excludes, options) to
 * a scalar, to each item of a list and to each value of a dict; minItems and
 * maxItems to lists and dicts; keys, containsKeys and excludesKeys to dicts.
 * The deprecated top-level `options` is folded into the validation as
 * Polyaxon's V1IO does. A `{{ template }}` bound is not judged.
 */

/** The constraints of an IO (its `validation`, plus a deprecated top-level `options`). */
export type Validation = Record<string, unknown>;

/** The constraints Polyaxon applies to an IO with `validation` and the deprecated `options`. */
export function effectiveValidation(io: {
  validation?: Record<string, unknown>;
  options?: unknown;
}): Validation | undefined {
  const validation: Validation = { ...(io.validation ?? {}) };
  if (io.options !== undefined && io.options !== null) validation.options = io.options;
  return Object.keys(validation).length > 0 ? validation : undefined;
}

/** Why `value` breaks `validation`, or `undefined` when it does not. */
export function validationFailure(validation: Validation, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [value];
  for (const item of items) {
    const why = scalarFailure(validation, item);
    if (why) return Array.isArray(value) || isRecord(value) ? `${show(item)} in ${show(value)}: ${why}` : why;
  }
  if (Array.isArray(value) || isRecord(value)) {
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    const minItems = num(validation.minItems);
    const maxItems = num(validation.maxItems);
    if (minItems !== undefined && size < minItems) return `it has ${size} items, fewer than minItems ${minItems}`;
    if (maxItems !== undefined && size > maxItems) return `it has ${size} items, more than maxItems ${maxItems}`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    const exact = strings(validation.keys);
    if (exact && (exact.length !== keys.length || !exact.every((k) => keys.includes(k))))
      return `its keys are ${show(keys)}, not exactly ${show(exact)}`;
    const must = strings(validation.containsKeys);
    const missing = must?.filter((k) => !keys.includes(k)) ?? [];
    if (missing.length > 0)
      return `it lacks the key${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (containsKeys)`;
    const banned = strings(validation.excludesKeys)?.filter((k) => keys.includes(k)) ?? [];
    if (banned.length > 0) return `it has the key${banned.length > 1 ? "s" : ""} ${banned.join(", ")} (excludesKeys)`;
  }
  return undefined;
}

function scalarFailure(v: Validation, value: unknown): string | undefined {
  if (typeof value === "number") {
    const gt = num(v.gt);
    const ge = num(v.ge);
    const lt = num(v.lt);
    const le = num(v.le);
    const multipleOf = num(v.multipleOf);
    if (gt !== undefined && value <= gt) return `${value} is not greater than ${gt} (gt)`;
    if (ge !== undefined && value < ge) return `${value} is less than ${ge} (ge)`;
    if (lt !== undefined && value >= lt) return `${value} is not less than ${lt} (lt)`;
    if (le !== undefined && value > le) return `${value} is greater than ${le} (le)`;
    if (multipleOf !== undefined && multipleOf !== 0 && !isMultiple(value, multipleOf))
      return `${value} is not a multiple of ${multipleOf} (multipleOf)`;
    const digits = String(value).replace("-", "").replace(".", "").length;
    const minDigits = num(v.minDigits);
    const maxDigits = num(v.maxDigits);
    if (minDigits !== undefined && digits < minDigits)
      return `${value} has ${digits} digits, fewer than minDigits ${minDigits}`;
    if (maxDigits !== undefined && digits > maxDigits)
      return `${value} has ${digits} digits, more than maxDigits ${maxDigits}`;
    const places = num(v.decimalPlaces);
    const decimals = String(value).split(".")[1]?.length;
    if (places !== undefined && decimals !== undefined && decimals > places)
      return `${value} has ${decimals} decimal places, more than decimalPlaces ${places}`;
  }
  if (typeof value === "string") {
    const regex = typeof v.regex === "string" ? pythonMatch(v.regex) : undefined;
    if (regex && !regex(value)) return `${show(value)} does not match the regex ${show(v.regex)}`;
    const minLength = num(v.minLength);
    const maxLength = num(v.maxLength);
    if (minLength !== undefined && value.length < minLength)
      return `${show(value)} has ${value.length} characters, fewer than minLength ${minLength}`;
    if (maxLength !== undefined && value.length > maxLength)
      return `${show(value)} has ${value.length} characters, more than maxLength ${maxLength}`;
    if (typeof v.contains === "string" && !value.includes(v.contains))
      return `${show(value)} does not contain ${show(v.contains)} (contains)`;
    if (typeof v.excludes === "string" && value.includes(v.excludes))
      return `${show(value)} contains ${show(v.excludes)} (excludes)`;
  }
  if (Array.isArray(v.options) && !v.options.some((o) => pyEqual(o, value)))
    return `${show(value)} is not one of the options ${show(v.options)}`;
  return undefined;
}

/** Python's `re.match` (anchored at the start) for a Python pattern; `undefined` when JavaScript cannot read it. */
function pythonMatch(pattern: string): ((s: string) => boolean) | undefined {
  if (/\{\{/.test(pattern)) return undefined;
  const js = pattern
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, "(?<$1>")
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, "\\k<$1>");
  for (const flags of ["uy", "y"]) {
    try {
      const re = new RegExp(js, flags);
      return (s) => {
        re.lastIndex = 0;
        return re.test(s);
      };
    } catch {
      // Try without the unicode flag, which refuses some classes Python reads.
    }
  }
  return undefined;
}

/** Python `==` for YAML values: 1 == 1.0, True == 1, lists and dicts by content. */
function pyEqual(a: unknown, b: unknown): boolean {
  const na = typeof a === "boolean" ? Number(a) : a;
  const nb = typeof b === "boolean" ? Number(b) : b;
  if (typeof na === "number" && typeof nb === "number") return na === nb;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isMultiple(value: number, of: number): boolean {
  const q = value / of;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function num(x: unknown): number | undefined {
  return typeof x === "number" ? x : undefined;
}

function strings(x: unknown): string[] | undefined {
  return Array.isArray(x) ? x.filter((k): k is string => typeof k === "string") : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
