/** One catalog file, parsed: its kind, identity, data and where each value sits. */
import type { Document } from "yaml";
import type { LineCounter } from "yaml";
import type { Kind } from "./kinds.js";
import type { KindData } from "./types.js";

/** A YAML file parsed by the hardened loader. */
export interface SourceFile {
  /** Path as shown to the user, e.g. `catalog/orgs/acme/organization.yaml`. */
  file: string;
  /** Path relative to the catalog folder, POSIX separators, e.g. `orgs/acme/organization.yaml`. */
  relPath: string;
  /** The decoded text. */
  text: string;
  /** The parsed document (kept for positions and for comment-preserving edits). */
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** A README.md attached to a project, hub component or model. */
export interface Readme {
  file: string;
  relPath: string;
  text: string;
}

/** One entity of the catalog. */
export interface Entity<K extends Kind = Kind> {
  kind: K;
  /** Canonical key, unique within the kind: `alice`, `acme`, `acme/ml`, `acme/kaniko:1.2`... */
  key: string;
  /** The name the path gives it (file or folder name). */
  name: string;
  org?: string;
  project?: string;
  /** Component or model name, for versions. */
  parent?: string;
  /** The parsed value (plain JSON data). */
  data: KindData[K];
  source: SourceFile;
  /** False when the file failed its JSON Schema: later checks skip it. */
  schemaValid: boolean;
  readme?: Readme;
}
