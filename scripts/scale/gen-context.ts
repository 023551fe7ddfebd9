/**
 * What the synthetic-catalog generators share: the seeded randomness, a clock
 * that only moves forward, the people and organizations made so far, and the
 * list of events (one or more files written at one moment by one person)
 * that become the repository's commits.
 */
import type { Role } from "../../dist/model/types.js";
import type { Random } from "./random.ts";

/** A generated user. */
export interface GenUser {
  name: string;
  displayName: string;
  email: string;
  login: string;
  id: number;
}

/** An IO of a generated component spec. */
export interface GenIo {
  name: string;
  type: "str" | "int" | "float" | "path" | "bool";
  value?: string | number | boolean;
  description?: string;
}

/** A generated hub component or project component: enough to reference it and fill params. */
export interface GenComponent {
  org: string;
  name: string;
  /** Version tags, oldest first (hub components only). */
  versions: string[];
  /** Inputs of each version tag (project components: under the key ""). */
  inputs: Map<string, GenIo[]>;
}

/** A generated experiment. */
export interface GenExperiment {
  name: string;
  /** The reference as written: `org/name:tag`, or a project component's name. */
  component: string;
  params: Record<string, unknown>;
  at: number;
  /** How the run ended: only a succeeded run is promoted into the registry. */
  status: string;
  /** The code commit it ran. */
  commit: string;
}

/** A generated project. */
export interface GenProject {
  org: string;
  name: string;
  /** The owning team, when there is one. */
  team?: string;
  components: GenComponent[];
  experiments: GenExperiment[];
}

/** A generated organization. */
export interface GenOrg {
  name: string;
  members: Map<string, Role>;
  teams: string[];
  /** Connection names: the data bucket, the artifacts bucket, the code repository, the image registry. */
  connections: { data: string; artifacts: string; repo: string; registry: string; all: string[] };
  projects: GenProject[];
  components: GenComponent[];
  /** Registry model names. */
  models: string[];
  /** How many projects, hub components and models each team owns (for quotas). */
  owned: Map<string, { projects: number; components: number; models: number }>;
}

/** Files written together at one moment by one person: a commit, or part of one. */
export interface GenEvent {
  at: number;
  author: string;
  message: string;
  files: Record<string, string>;
}

/** Shared state of one generation. */
export class GenContext {
  readonly users: GenUser[] = [];
  readonly orgs: GenOrg[] = [];
  readonly events: GenEvent[] = [];
  private now: number;
  private readonly step: number;
  readonly random: Random;

  /** The clock runs from `start` and reaches about `end` after `expectedEvents` ticks. */
  constructor(random: Random, options: { start: number; end: number; expectedEvents: number }) {
    this.random = random;
    this.now = options.start;
    this.step = Math.max(60_000, (options.end - options.start) / Math.max(1, options.expectedEvents));
  }

  /** Move the clock forward by about one step (half to one and a half, whole seconds); returns the new time. */
  tick(): number {
    this.now += Math.round((this.step * (0.5 + this.random.next())) / 1000) * 1000;
    return this.now;
  }

  /** The current time. */
  get time(): number {
    return this.now;
  }

  /** Record that `author` wrote `files` now. */
  emit(author: string, message: string, files: Record<string, string>): void {
    this.events.push({ at: this.now, author, message, files });
  }

  /** Members of `org` with one of `roles` (all members when omitted). */
  membersOf(org: GenOrg, roles?: readonly Role[]): string[] {
    return [...org.members].filter(([, r]) => !roles || roles.includes(r)).map(([u]) => u);
  }
}

/** An ISO date-time without milliseconds: `2025-08-11T09:12:00Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
