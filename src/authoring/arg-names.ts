/** Parse the names given on the command line: `alice`, `acme/churn`, `acme/churn/run-1`, `acme/train:1.0.0`. */
import { isDnsLabel, isVersionTag } from "../model/names.js";
import { refuseUsage, succeed, type Outcome } from "./outcome.js";

/** Split `text` into exactly `count` DNS-label segments separated by `/`. */
export function parseNameParts(text: string, count: number, what: string, example: string): Outcome<string[]> {
  const parts = text.split("/");
  if (parts.length !== count) {
    return refuseUsage(`${what} "${text}" should be written ${example}`, `give the ${what} as ${example}`);
  }
  const bad = parts.find((p) => !isDnsLabel(p));
  if (bad !== undefined) return refuseUsage(`"${bad}" in ${what} "${text}" is not a valid name`, NAME_HINT);
  return succeed(parts);
}

/** A reference with a version tag: `org/name:tag`. */
export function parseTaggedRef(
  text: string,
  what: string,
  example: string,
): Outcome<{ org: string; name: string; tag: string }> {
  const m = /^([^/:]+)\/([^/:]+):([^/:]+)$/.exec(text);
  if (!m) return refuseUsage(`${what} "${text}" should be written ${example}`, `give the ${what} as ${example}`);
  const [, org, name, tag] = m as unknown as [string, string, string, string];
  const bad = [org, name].find((p) => !isDnsLabel(p));
  if (bad !== undefined) return refuseUsage(`"${bad}" in ${what} "${text}" is not a valid name`, NAME_HINT);
  if (!isVersionTag(tag)) return refuseUsage(`"${tag}" in ${what} "${text}" is not a valid version tag`, TAG_HINT);
  return succeed({ org, name, tag });
}

/** Check a single name. */
export function checkName(name: string, what: string): Outcome<string> {
  return isDnsLabel(name) ? succeed(name) : refuseUsage(`${what} "${name}" is not a valid name`, NAME_HINT);
}

/** Check a version tag. */
export function checkTag(tag: string, what: string): Outcome<string> {
  return isVersionTag(tag) ? succeed(tag) : refuseUsage(`${what} "${tag}" is not a valid version tag`, TAG_HINT);
}

/** How to write a name. */
export const NAME_HINT =
  "names are lowercase DNS labels: a-z, 0-9 and -, starting and ending with a letter or digit, at most 63 characters";

/** How to write a version tag. */
export const TAG_HINT = "version tags are like names but may hold dots, e.g. 1.2.0 or latest";
