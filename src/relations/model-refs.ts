/**
 * Model version references, `org/model:tag`, as `mlcat stage` and other
 * commands take them: resolved to the version file's key, or why there is
 * none (with the model's tags, newest first, for the hint).
 */
import type { Catalog } from "../model/catalog.js";
import { parseRef, stringifyRef, type Ref } from "../model/refs.js";
import { sortVersionTags } from "./version-order.js";

/** The outcome of resolving a model version reference. */
export type ModelVersionResolution =
  | { status: "found"; key: string; ref: Ref & { tag: string } }
  | { status: "syntax" }
  /** `org/model` without a tag; `tags` are the model's, newest first. */
  | { status: "no-tag"; modelKey: string; tags: string[] }
  /** Neither `model.yaml` nor any version of the model exists. */
  | { status: "unknown-model"; modelKey: string }
  | { status: "unknown-version"; modelKey: string; tags: string[] };

/** Resolve `org/model:tag` against `catalog` (a rejected version file counts as existing). */
export function resolveModelVersionRef(catalog: Catalog, text: string): ModelVersionResolution {
  const ref = parseRef(text);
  if (!ref) return { status: "syntax" };
  const modelKey = stringifyRef({ org: ref.org, name: ref.name });
  const tags = sortVersionTags(catalog.versionsOf("ModelVersion", modelKey).map((v) => v.name));
  if (ref.tag === undefined) return { status: "no-tag", modelKey, tags };
  const key = stringifyRef(ref);
  if (catalog.has("ModelVersion", key)) return { status: "found", key, ref: { ...ref, tag: ref.tag } };
  return !catalog.has("Model", modelKey) && tags.length === 0
    ? { status: "unknown-model", modelKey }
    : { status: "unknown-version", modelKey, tags };
}
