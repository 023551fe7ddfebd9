/**
 * Whom to ask, as a contributor can ask them: catalog users named by their
 * GitHub login (`@carol-d`), the handle a pull request's review is requested
 * from. A user file without `github.login` is named by its catalog name, and says so.
 */
import type { Authority } from "./authority.js";

/** `@login` for each catalog user name (in the order given), or `name (users/name.yaml has no github.login)`. */
export function mentionsOf(authority: Authority, users: readonly string[]): string[] {
  if (users.length === 0) return [];
  const logins = new Map(authority.users().map((u) => [u.name, u.login]));
  return users.map((name) => {
    const login = logins.get(name);
    return login !== undefined && LOGIN.test(login) ? `@${login}` : `${name} (users/${name}.yaml has no github.login)`;
  });
}

/** A GitHub login as GitHub allows it: letters, digits and single hyphens (a bot's `[bot]` suffix too). */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/;
