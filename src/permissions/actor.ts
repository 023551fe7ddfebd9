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
 * Match the author to a user file. With an id, a file with that `github.id`
 * matches; a file with the same login but another id does not (logins can be
 * renamed and reused). Logins compare case-insensitively, as GitHub's do.
 */
export function resolveActor(authority: Authority, input: ActorInput): Actor {
  const login = input.login.toLowerCase();
  const sameLogin = (u: UserIdentity) => u.login !== undefined && u.login.toLowerCase() === login;
  const users = authority.users();
  let matches: UserIdentity[];
  let how: string;
  if (input.id !== undefined) {
    matches = users.filter((u) => u.id === input.id);
    how = `github.id ${input.id}`;
    if (matches.length === 0) {
      matches = users.filter((u) => sameLogin(u) && u.id === undefined);
      how = `github.login ${input.login} (no user file has github.id ${input.id})`;
    }
  } else {
    matches = users.filter(sameLogin);
    how = `github.login ${input.login}`;
  }
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
  return { ...base, chain: [`${who} has no user file (no users/*.yaml has ${how}): no roles`] };
}
