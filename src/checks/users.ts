/**
 * Check `users`: the GitHub identities of user files. `mlcat check` knows a
 * pull request's author by the numeric id CI gives, so a user any role names
 * must carry `github.id`: matched by login alone, their rights would go to
 * whoever holds that login (logins are renamed and registered again). No two
 * user files may share an id or a login: an author matching both would have
 * every check fail closed.
 */
import type { Entity } from "../model/entity.js";
import { kindsWhere } from "../model/kind-descriptors.js";
import type { Kind } from "../model/kinds.js";
import type { Catalog } from "../model/catalog.js";
import { Authority } from "../permissions/authority.js";
import { acrossCatalog, forEachSubject, type Check } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";

/** The kinds whose files grant roles (with catalog.yaml): what `Authority.roleHolders` reads. */
const GRANTING_KINDS: readonly Kind[] = kindsWhere((d) => d.authority === "roles");

/** Where to find one's numeric GitHub id. */
const ID_SOURCE = (login: string) => `https://api.github.com/users/${login}`;

export const usersCheck: Check = {
  name: "users",
  codes: ["user/missing-github-id", "user/duplicate-github-id", "user/duplicate-github-login"],
  run(ctx) {
    const { catalog, report } = ctx;
    const authority = new Authority(catalog);
    let holders: Map<string, string[]> | undefined;
    // Who holds roles is worked out once per run; every user file that needs it records the reads as its own.
    const rolesOf = (user: string): string[] => {
      if (holders) recordGrantReads(catalog);
      holders ??= authority.roleHolders();
      return holders.get(user) ?? [];
    };
    forEachSubject(ctx, catalog.subjects(["User"], true), (user) => {
      if (user.data.github?.id !== undefined) return;
      const roles = rolesOf(user.name);
      if (roles.length > 0) reportMissingId(user, roles, report);
    });
    // Identities are compared across every user file, on every run (cheap: user files only).
    acrossCatalog(ctx, (whole) => reportDuplicates(whole.subjects(["User"], true), report));
  },
};

/** Read what `Authority.roleHolders` reads, so an incremental run checks this user again when a grant changes. */
function recordGrantReads(catalog: Catalog): void {
  catalog.get("Catalog", "catalog");
  for (const kind of GRANTING_KINDS) catalog.all(kind);
}

function reportMissingId(user: Entity<"User">, roles: readonly string[], report: DiagnosticCollector): void {
  const login = user.data.github?.login;
  const listed = roles.length > 3 ? `${roles.slice(0, 3).join(", ")} and ${roles.length - 3} more` : roles.join(", ");
  const risk =
    login !== undefined
      ? `matched by login alone, they would go to whoever holds the GitHub login "${login}" (logins can be renamed and registered again)`
      : "no pull-request author can be matched to them";
  report.at(
    user,
    login !== undefined ? ["github"] : [],
    "user/missing-github-id",
    `user "${user.name}" holds roles (${listed}) but has no github.id: ${risk}`,
    login !== undefined
      ? `add github.id to ${user.source.relPath}: the numeric id is the "id" field of ${ID_SOURCE(login)} (it stays when the login is renamed)`
      : `add github: { login: <login>, id: <id> } to ${user.source.relPath}: the numeric id is the "id" field of ${ID_SOURCE("<login>")}`,
    { target: "key" },
  );
}

/** Report every user file whose GitHub id, or login (ignoring case), an earlier one (key order) has. */
function reportDuplicates(users: readonly Entity<"User">[], report: DiagnosticCollector): void {
  const byId = new Map<number, Entity<"User">>();
  const byLogin = new Map<string, Entity<"User">>();
  for (const user of users) {
    const github = user.data.github;
    if (github === undefined) continue;
    const sameId = github.id !== undefined ? byId.get(github.id) : undefined;
    if (sameId) {
      report.at(
        user,
        ["github", "id"],
        "user/duplicate-github-id",
        `user "${user.name}" has github.id ${github.id}, as user "${sameId.name}" (${sameId.source.relPath}) has: one GitHub account, two user files`,
        `keep one user file per person: correct github.id here or remove one of the files (mlcat check fails closed for an author who matches both)`,
      );
    } else if (github.id !== undefined) byId.set(github.id, user);
    const login = github.login.toLowerCase();
    const sameLogin = byLogin.get(login);
    if (sameLogin) {
      report.at(
        user,
        ["github", "login"],
        "user/duplicate-github-login",
        `user "${user.name}" has github.login "${github.login}", as user "${sameLogin.name}" (${sameLogin.source.relPath}) has "${sameLogin.data.github!.login}": GitHub logins ignore case`,
        `keep one user file per person: correct github.login here or remove one of the files (mlcat check fails closed for an author who matches both)`,
      );
    } else byLogin.set(login, user);
  }
}
