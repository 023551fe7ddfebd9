/** The README.md written beside a new project, hub component or model. */
import { README_PLACEHOLDERS as P } from "../text/readme-placeholders.js";

/** A project's README: shown on the project page. */
export function projectReadme(org: string, project: string, description: string | undefined): string {
  return `# ${project}

${description ?? P.projectPurpose}

## Data

${P.projectData}

## How to run

${P.projectRun}

## Contacts

The owner and team are listed in \`project.yaml\`. To see who may change what here, and whom
to ask: \`mlcat explain --actor <your GitHub login> ${org}/${project}\`.
`;
}

/** A hub component's README: shown on the component page, under its inputs and outputs. */
export function componentReadme(org: string, name: string, description: string | undefined, tag = "<tag>"): string {
  return `# ${name}

${description ?? P.componentPurpose}

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

${P.componentNotes}
(each version's notes are in \`component.yaml\`).
`;
}

/** A model card: shown on the model page. */
export function modelCard(org: string, name: string, description: string | undefined): string {
  return `# ${name}

${description ?? P.modelPurpose}

## Intended use

${P.modelUse}

## Training data

${P.modelData}
names the experiment, component version and parameters that produced it.

## Evaluation

${P.modelEvaluation}

## Limitations and risks

${P.modelRisks}

## Contacts

The owner and team are listed in \`model.yaml\`. To see who may change what here (and who may
move a version to production): \`mlcat explain --actor <your GitHub login> ${org}/${name}:<tag> --action stage:production\`.
`;
}
