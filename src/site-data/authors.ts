/** Who a commit's git author is in the catalog: the names a user may commit under, and how they compare. */
import type { Entity } from "../model/entity.js";

/** The names a catalog user may go by as a git author: username, display name, GitHub login. */
export function authorNames(user: Entity<"User">): string[] {
  return [user.name, user.data.displayName, user.data.github?.login].filter((n) => n !== undefined);
}

/** An author name as names are compared: trimmed, case-insensitive. */
export function authorKey(name: string): string {
  return name.trim().toLowerCase();
}
