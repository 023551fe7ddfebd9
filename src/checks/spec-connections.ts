/**
 * The connections a component spec uses by name: its run's `connections` and
 * init connections (also in each replica of a distributed run), its inputs'
 * and outputs' `connection`, notification plugins, hooks and the build.
 * Templated names (`{{ params.x.connection }}`) are resolved only at run time
 * and left out. Polyaxon checks each against the run's project
 * (`V1Dag`'s and `V1Job`'s connections docs in `cli/polyaxon/_flow/run/`:
 * "if they are accessible in the context of the project of this run").
 */
import type { ValuePath } from "../yaml/positions.js";
import { isRecord } from "./spec-nested.js";

/** A connection a spec names, and where. */
export interface UsedConnection {
  name: string;
  path: ValuePath;
}

/** Every connection `spec` names literally, in document order. */
export function usedConnections(spec: unknown): UsedConnection[] {
  const out: UsedConnection[] = [];
  if (!isRecord(spec)) return out;
  const add = (value: unknown, path: ValuePath) => {
    if (typeof value === "string" && value !== "" && !value.includes("{{") && !value.includes("{%"))
      out.push({ name: value, path });
  };
  const addList = (value: unknown, path: ValuePath) =>
    Array.isArray(value) && value.forEach((v, i) => add(v, [...path, i]));
  for (const section of ["inputs", "outputs"]) {
    const list = spec[section];
    if (Array.isArray(list)) list.forEach((io, i) => isRecord(io) && add(io.connection, [section, i, "connection"]));
  }
  const plugins = spec.plugins;
  if (isRecord(plugins) && Array.isArray(plugins.notifications))
    plugins.notifications.forEach(
      (n, i) => isRecord(n) && addList(n.connections, ["plugins", "notifications", i, "connections"]),
    );
  if (Array.isArray(spec.hooks))
    spec.hooks.forEach((h, i) => isRecord(h) && add(h.connection, ["hooks", i, "connection"]));
  if (isRecord(spec.build)) add(spec.build.connection, ["build", "connection"]);
  const replica = (r: unknown, path: ValuePath) => {
    if (!isRecord(r)) return;
    addList(r.connections, [...path, "connections"]);
    if (Array.isArray(r.init))
      r.init.forEach((init, i) => isRecord(init) && add(init.connection, [...path, "init", i, "connection"]));
  };
  const run = spec.run;
  if (isRecord(run)) {
    replica(run, ["run"]);
    for (const [key, value] of Object.entries(run)) {
      if (key === "workers" && isRecord(value))
        for (const [group, r] of Object.entries(value)) replica(r, ["run", key, group]);
      else if (key !== "environment" && isRecord(value)) replica(value, ["run", key]);
    }
  }
  return out;
}
