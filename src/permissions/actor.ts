/**
 * The principal of a pull request: the authenticated author CI gives
 * (GitHub login, and numeric id when known), matched against the user files
 * of the base. Commit author names and emails are never looked at.
 */
import type { Authority, UserIdentity } from "./authority.js";

/** Who is acting, as the catalog knows them. */
export interface Actor {
  /** The GitHub login CI gave. */
  login: string;
  /** The numeric GitHub id CI gave, if any. */
  id?: number;
  /** The catalog username matched, if exactly one user file matched. */
  user?: string;
  /** Set when more than one user file matched: their usernames (the check fails closed). */
  ambiguous?: string[];
  /** How the match was made, for explanations. */
  chain: string[];
}

/** What CI says about the author. */
export interface ActorInput {
  login: string;
  id?: number;
}

/**
 * Match the author to a user file. With an id (CI always gives one), only a
 * file with that `github.id` matches: a file with the same login but another
 * id, or no id, does not (logins can be renamed and then registered by
 * someone else, who would take the rights of a file matched by login).
 * Without an id, the login is matched, case-insensitively as GitHub's are:
 * weaker, for local runs.
 */
export function resolveActor(authority: Authority, input: ActorInput): Actor {
  const login = input.login.toLowerCase();
  const sameLogin = (u: UserIdentity) => u.login !== undefined && u.login.toLowerCase() === login;
  const users = authority.users();
  const matches = input.id !== undefined ? users.filter((u) => u.id === input.id) : users.filter(sameLogin);
  const how = input.id !== undefined ? `github.id ${input.id}` : `github.login ${input.login}`;
  const base: Actor = { login: input.login, ...(input.id !== undefined && { id: input.id }), chain: [] };
  const who = input.id !== undefined ? `GitHub user ${input.login} (id ${input.id})` : `GitHub user ${input.login}`;
  if (matches.length === 1) {
    const user = matches[0]!.name;
    return { ...base, user, chain: [`${who} is catalog user ${user} (users/${user}.yaml, matched by ${how})`] };
  }
  if (matches.length > 1) {
    const names = matches.map((m) => m.name);
    return { ...base, ambiguous: names, chain: [`${who} matches several user files (${names.join(", ")}) by ${how}`] };
  }
  // With an id, a file with the login but without that id is named: the explanation of a denial a user would otherwise not understand.
  const byLogin = input.id !== undefined ? users.filter(sameLogin) : [];
  const note =
    byLogin.length > 0
      ? `; ${byLogin.map((u) => `users/${u.name}.yaml has github.login ${u.login} but ${u.id === undefined ? "no github.id" : `github.id ${u.id}`}`).join(", ")}, and is not matched by login when the id is known`
      : "";
  return { ...base, chain: [`${who} has no user file (no users/*.yaml has ${how}${note}): no roles`] };
}
