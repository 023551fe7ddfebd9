/** The README.md written beside a new project, hub component or model. */

/** A project's README: shown on the project page. */
export function projectReadme(org: string, project: string, description: string | undefined): string {
  return `# ${project}

${description ?? "What this project is for, in a paragraph."}

## Data

Where the data comes from, which connections the runs use, and how often it is refreshed.

## How to run

How to start the project's experiments (components, parameters), and where results go.

## Contacts

The owner and team are listed in \`project.yaml\`. To see who may change what here, and whom
to ask: \`mlcat explain --actor <your GitHub login> ${org}/${project}\`.
`;
}

/** A hub component's README: shown on the component page, under its inputs and outputs. */
export function componentReadme(org: string, name: string, description: string | undefined, tag = "<tag>"): string {
  return `# ${name}

${description ?? "What this component does, in a paragraph."}

## Usage

\`\`\`yaml
version: 1.1
kind: operation
hubRef: ${org}/${name}:${tag}
params:
  # one entry per input, e.g.
  # learning_rate: {value: 0.1}
\`\`\`

## Notes

Requirements (connections, resources), limits, and what changed between versions
(each version's notes are in \`component.yaml\`).
`;
}

/** A model card: shown on the model page. */
export function modelCard(org: string, name: string, description: string | undefined): string {
  return `# ${name}

${description ?? "What this model predicts, for whom, in a paragraph."}

## Intended use

Who uses the model and for what; uses it is not suited for.

## Training data

Which data the model is trained on; each version's lineage (in \`versions/<tag>.yaml\`)
names the experiment, component version and parameters that produced it.

## Evaluation

Metrics, on which data, and how they compare with the version in production.

## Limitations and risks

Known failure modes, fairness considerations, monitoring.

## Contacts

The owner and team are listed in \`model.yaml\`. To see who may change what here (and who may
move a version to production): \`mlcat explain --actor <your GitHub login> ${org}/${name}:<tag> --action stage:production\`.
`;
}
