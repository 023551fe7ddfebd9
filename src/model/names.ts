/** Name rules shared by the schemas, the naming check and the authoring commands. */

/** A lowercase DNS label: the form of every entity name. */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A version tag: like a DNS label, but dots are allowed (`1.2`, `1.1.3`, `all-spark`). */
export const VERSION_TAG = /^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/;

/** Whether `name` is a lowercase DNS label. */
export function isDnsLabel(name: string): boolean {
  return DNS_LABEL.test(name);
}

/** Whether `tag` is a valid version tag. */
export function isVersionTag(tag: string): boolean {
  return VERSION_TAG.test(tag);
}
