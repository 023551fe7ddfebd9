/**
 * The third-party actions the workflows `mlcat init` writes (and mlcat's own
 * action and workflows) use, pinned by full commit SHA with the tag as a
 * comment: a tag can be moved to other code, a commit cannot. Each SHA is the
 * commit the action's major tag (checkout v4, setup-node v4, configure-pages
 * v5, upload-pages-artifact v3, deploy-pages v4, cache v4) named when pinned,
 * read from the action's own repository; update them together, deliberately.
 */
export const PINNED = {
  checkout: "actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0",
  setupNode: "actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0",
  configurePages: "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0",
  uploadPagesArtifact: "actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1",
  deployPages: "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5",
  cacheRestore: "actions/cache/restore@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0",
  cacheSave: "actions/cache/save@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0",
  cache: "actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0",
} as const;
