/**
 * Check `quotas`: an organization's `quotas` (projects, models, components)
 * count its entities; a team's count the projects, hub components and models
 * whose `team` is that team. Resource quotas (`quotas.resources`, Kubernetes
 * units) are not counts and are not checked here.
 */
import type { Entity } from "../model/entity.js";
import type { Quotas } from "../model/types.js";
import { namingTeam } from "../relations/used-by.js";
import { forEachSubject, type Check } from "./context.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { formatList } from "../text/suggest.js";

/** The kinds a count quota may count. */
type CountedKind = "Project" | "Component" | "Model";

/** The count quotas and the kind each one counts. */
const COUNTED: ReadonlyArray<{ quota: "projects" | "components" | "models"; kind: CountedKind; noun: string }> = [
  { quota: "projects", kind: "Project", noun: "project" },
  { quota: "components", kind: "Component", noun: "hub component" },
  { quota: "models", kind: "Model", noun: "model" },
];

/** `1 project`, `3 projects`. */
function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Report each count quota of `holder` that the entities `countedOf(kind)` exceed. */
function checkQuotas(
  holder: Entity<"Organization" | "Team">,
  quotas: Quotas | undefined,
  countedOf: (kind: CountedKind) => Entity[],
  report: DiagnosticCollector,
): void {
  if (!quotas || typeof quotas !== "object") return;
  const isOrg = holder.kind === "Organization";
  const owner = isOrg ? `organization "${holder.key}"` : `team "${holder.key}"`;
  for (const { quota, kind, noun } of COUNTED) {
    const limit = quotas[quota];
    if (typeof limit !== "number") continue;
    const counted = countedOf(kind);
    if (counted.length <= limit) continue;
    const excess = counted.length - limit;
    const names = counted.map((e) => e.name);
    const way = isOrg ? `remove ${pluralize(excess, noun)}` : `move ${pluralize(excess, noun)} to another team`;
    report.at(
      holder,
      ["quotas", quota],
      "quota/exceeded",
      `${owner} has ${pluralize(counted.length, noun)}, over its quota of ${limit}: ${formatList(names)}`,
      `raise quotas.${quota} in ${holder.source.relPath}, or ${way}`,
    );
  }
}

export const quotasCheck: Check = {
  name: "quotas",
  codes: ["quota/exceeded"],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["Organization"], true), (org) => {
      // Every existing entity counts against its organization, valid or not.
      checkQuotas(org, org.data.quotas, (kind) => catalog.inOrg(kind, org.key), report);
    });
    forEachSubject(ctx, catalog.subjects(["Team"], true), (team) => {
      // A team's quota counts what names it as `team`: readable only in valid files.
      const ofTeam = (kind: CountedKind): Entity[] => namingTeam(catalog, kind, team).filter((e) => e.schemaValid);
      checkQuotas(team, team.data.quotas, ofTeam, report);
    });
  },
};
