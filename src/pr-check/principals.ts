/**
 * The principals of a pull request: everyone whose rights a change needs.
 * The author (who opened it) and each pusher CI names (the event's sender,
 * e.g. a maintainer who pushed to a contributor's branch) are judged alike:
 * a change is allowed only when every one of them may make it.
 */
import { resolveActor, type Actor, type ActorInput } from "../permissions/actor.js";
import type { Authority } from "../permissions/authority.js";
import { actorName } from "../permissions/requirements.js";

/** How a principal is involved: opened the pull request, or pushed to its branch. */
export type PrincipalRole = "author" | "pusher";

/** A principal as CI gives it: GitHub login, numeric id when known, and how they are involved. */
export interface PrincipalInput extends ActorInput {
  as: PrincipalRole;
}

/** A principal matched against the base's user files. */
export type Principal = Actor & { as: PrincipalRole };

/**
 * The principals to judge, in order, each once: `actor` (the author) first,
 * then `principals`. Two entries are one account when their ids are equal, or
 * their logins are (case-insensitively) and they do not carry different ids;
 * the first one is kept, so a pusher who is the author is judged as the author.
 */
export function principalList(
  actor: ActorInput | undefined,
  principals: readonly PrincipalInput[] = [],
): PrincipalInput[] {
  const all: PrincipalInput[] = [...(actor ? [{ ...actor, as: "author" as const }] : []), ...principals];
  const out: PrincipalInput[] = [];
  for (const p of all) if (!out.some((q) => sameAccount(p, q))) out.push(p);
  if (out.length === 0)
    throw new TypeError("checkPullRequest needs a principal: the pull request's author (actor) or principals");
  return out;
}

/** Whether two inputs name the same GitHub account. */
export function sameAccount(a: ActorInput, b: ActorInput): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}

/** Match each principal to the base's user files. */
export function resolvePrincipals(authority: Authority, inputs: readonly PrincipalInput[]): Principal[] {
  return inputs.map(({ as, ...input }) => ({ ...resolveActor(authority, input), as }));
}

/** `the author bob`, `the pusher GitHub user frank`: a principal as messages name them. */
export function principalLabel(principal: Principal): string {
  return `the ${principal.as} ${actorName(principal)}`;
}
