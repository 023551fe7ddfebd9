/**
 * The third-party actions the workflows `mlcat init` writes (and mlcat's own
 * action and workflows) use, pinned by full commit SHA with the tag as a
 * comment: a tag can be moved to other code, a commit cannot. Each SHA is the
 * commit its tag named when pinned; update them together, deliberately.
 */
export const PINNED = {
  checkout: "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
  setupNode: "actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0",
  configurePages: "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0",
  uploadPagesArtifact: "actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1",
  deployPages: "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5",
  cacheRestore: "actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3",
  cacheSave: "actions/cache/save@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3",
  cache: "actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3",
} as const;
