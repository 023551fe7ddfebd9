/**
 * `mlcat explain --actor <who>`: a person asks about themselves or a
 * colleague, by GitHub login or by catalog user name. The login is tried
 * first (as CI matches); a catalog user name is then taken for that user's
 * login; anything else gets a "did you mean" from both.
 */
import { findClosest } from "../text/suggest.js";
import { resolveActor, type Actor, type ActorInput } from "./actor.js";
import type { Authority } from "./authority.js";

/** An actor matched by login or catalog name, with a suggestion when neither matched. */
export type LookedUpActor = Actor & {
  /** Set when no user file matched: the closest login or catalog user name, as a hint. */
  suggestion?: string;
};

/** Match `input` as a GitHub login (or id), else as a catalog user name; suggest the closest when neither matches. */
export function lookUpActor(authority: Authority, input: ActorInput): LookedUpActor {
  const byLogin = resolveActor(authority, input);
  if (byLogin.user !== undefined || byLogin.ambiguous || input.id !== undefined) return byLogin;
  const users = authority.users();
  const named = users.find((u) => u.name === input.login.toLowerCase());
  if (named) {
    const note = `${input.login} is not a GitHub login in the catalog, but is a catalog user name: users/${named.name}.yaml`;
    if (named.login === undefined)
      return {
        login: input.login,
        user: named.name,
        chain: [`${note}, which has no github.login (CI could not match it to anyone)`],
      };
    const resolved = resolveActor(authority, { login: named.login });
    return { ...resolved, chain: [`${note}, whose GitHub login is ${named.login}`, ...resolved.chain] };
  }
  const candidates = [...users.flatMap((u) => (u.login === undefined ? [] : [u.login])), ...users.map((u) => u.name)];
  const closest = findClosest(input.login, candidates);
  if (closest === undefined) return byLogin;
  const user = users.find((u) => u.login === closest || u.name === closest)!;
  const suggestion = `did you mean --actor ${user.login ?? user.name} (catalog user ${user.name}${user.login !== undefined ? `, GitHub login ${user.login}` : ""})?`;
  return { ...byLogin, suggestion };
}
