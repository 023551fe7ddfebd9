/**
 * The GitHub workflows of a catalog repository, as `mlcat init` writes them
 * and docs/pull-request-checks.md shows them: `catalog.yml` (validate on push
 * and pull request; the permission check on pull_request_target, from the
 * base's code) and `deploy.yml` (the site on GitHub Pages). Each job asks for
 * what it needs and no more; every action is pinned by commit.
 */
import { PINNED } from "./pins.js";

/** `catalog.yml`, running the mlcat action `action` (`owner/repo@commit-sha`). */
export function catalogWorkflow(action: string, catalog = "catalog"): string {
  return `# Validate the catalog on every push and pull request; decide each pull request's
# changes with the roles and policy of its base branch (pull_request_target runs
# the base's workflow, and the action fetches the pull request's head as data:
# nothing from the pull request runs). Make the \`check\` job a required status
# check of the default branch. See mlcat's docs/pull-request-checks.md.
name: catalog

on:
  push:
  pull_request:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]

permissions: {}

jobs:
  validate:
    if: github.event_name != 'pull_request_target'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
    steps:
      - uses: ${PINNED.checkout}
        with:
          persist-credentials: false
      - uses: ${action}
        with:
          command: validate
          catalog: ${catalog}

  check:
    if: github.event_name == 'pull_request_target'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
    steps:
      # The base branch only: the pull request's head is fetched as data by the action.
      - uses: ${PINNED.checkout}
        with:
          ref: \${{ github.sha }}
          fetch-depth: 0
          persist-credentials: false
      - uses: ${action}
        with:
          command: check
          catalog: ${catalog}
`;
}

/** `deploy.yml`: build the site with the mlcat action and publish it to GitHub Pages. */
export function deployWorkflow(action: string, catalog = "catalog"): string {
  return `# Build the catalog's site on every push to main and publish it to GitHub Pages.
# The site URL and base path come from the repository's Pages settings. The
# audience is \`public\` (only public organizations, projects, components and
# models) unless the repository variable MLCAT_AUDIENCE says \`internal\`.
# One-time setup: Settings > Pages > Source: GitHub Actions.
name: deploy site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {}

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      pages: read
    steps:
      - uses: ${PINNED.checkout}
        with:
          persist-credentials: false
          # The whole history: each page shows who changed the entity, when, in which commit.
          fetch-depth: 0
      - id: pages
        uses: ${PINNED.configurePages}
      - name: mlcat build (validates first; a catalog with errors is not published)
        uses: ${action}
        with:
          command: build
          catalog: ${catalog}
          out: site-dist
          site-url: \${{ steps.pages.outputs.origin }}
          base-path: \${{ steps.pages.outputs.base_path }}/
          audience: \${{ vars.MLCAT_AUDIENCE || 'public' }}
      - uses: ${PINNED.uploadPagesArtifact}
        with:
          path: site-dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${PINNED.deployPages}
`;
}
