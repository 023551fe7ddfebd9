/** Small row builders shared by experiment and model version pages. */
import type { ArtifactData } from "../model/types.js";
import type { SiteContext } from "./context.js";
import { isHttpUrl } from "./markdown.js";
import type { ArtifactRow } from "./types.js";

/** A byte count for people: `1.2 GB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let n = bytes;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n >= 100 ? 0 : 1)} ${units[i]}`;
}

/** Artifact rows: http(s) URIs become links, connections link to their page. */
export function artifactRows(
  ctx: SiteContext,
  org: string,
  artifacts: readonly ArtifactData[] | undefined,
): ArtifactRow[] {
  return (artifacts ?? []).map((a) => {
    const connection = a.connection === undefined ? undefined : ctx.link("Connection", `${org}/${a.connection}`);
    return {
      name: a.name,
      uri: a.uri,
      ...(a.kind !== undefined && { kind: a.kind }),
      ...(isHttpUrl(a.uri) && { href: a.uri }),
      ...(connection && { connection }),
      ...(a.size !== undefined && { size: formatBytes(a.size) }),
      ...(a.sha256 !== undefined && { sha256: a.sha256 }),
    };
  });
}
