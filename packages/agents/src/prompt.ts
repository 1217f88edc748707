import type { AgentTask } from './types.js';

/** Name of the file (at the agent's working directory) where it may ask for follow-up tasks. */
export const FOLLOW_UPS_FILE = 'tasks.json';

const bullets = (items: string[]) => items.map((item) => `- ${item}`).join('\n');

/** The prompt an agent gets (in `{promptFile}`): what to do, where it may write, how it is checked. */
export function buildPrompt(task: AgentTask, context?: string): string {
  const sections: string[] = [];
  const title = task.kind === 'move' && task.fromPackage && task.toPackage ? `Move code from ${task.fromPackage} to ${task.toPackage}` : `Task ${task.id}`;
  sections.push(`# ${title}\n\n${task.prompt.trim()}`);

  if (task.kind === 'move') {
    sections.push(
      [
        '## Move',
        task.fromPackage ? `From package: ${task.fromPackage}` : '',
        task.toPackage ? `To package: ${task.toPackage}` : '',
        'Move the files, then update every import of them (inside the footprint) to the new location, and the package.json dependencies of the packages involved.',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (task.files.length > 0) sections.push(`## Files\n\n${bullets(task.files)}`);

  sections.push(
    [
      '## Where you may write',
      '',
      'Your working directory is a private git worktree of the repository, at the base commit of this batch.',
      'Change only files matching these paths or globs (relative to the repository root):',
      '',
      bullets(task.footprint),
      '',
      'Any change to another file gets the whole task rejected. You may commit or leave your changes uncommitted; either way they are taken as they are when you exit.',
      'Exit with code 0 when the task is done, and with a non-zero code when you cannot do it.',
    ].join('\n'),
  );

  sections.push(
    [
      '## Conventions',
      '',
      "Follow the repository's import conventions: import another workspace package by its package name, never by a relative path into it; inside a package use the same relative specifiers (and file extensions) as the surrounding code.",
      'Keep the public exports of every package working (re-export from the old location only if the task asks for it).',
    ].join('\n'),
  );

  if (context?.trim()) sections.push(context.trim());

  sections.push(
    [
      '## Follow-up work',
      '',
      `If the task needs more work outside your footprint, do not do it: describe it in a file \`${FOLLOW_UPS_FILE}\` in your working directory,`,
      '`{ "version": 1, "tasks": [{ "id": "...", "prompt": "...", "footprint": ["..."], "dependsOn": [] }] }`.',
      'It is not part of your changes; the orchestrator plans those tasks into a later batch (within its limits).',
    ].join('\n'),
  );
  return `${sections.join('\n\n')}\n`;
}

export interface PromptContext {
  /** Import conventions of the repository, one per line (e.g. "packages import each other's source via their package name"). */
  importConventions?: string[];
  /** What the verifier runs after the batch (e.g. "imports resolve", "npx tsc -b", "npx vitest run <affected>"). */
  verify?: string[];
  /** Results of earlier batches this task builds on. */
  earlier?: { id: string; status: string; summary?: string; changedFiles?: string[] }[];
}

/** The `context` text for `runAgentBatch`/`buildPrompt`, from structured facts. */
export function describeContext(context: PromptContext): string {
  const sections: string[] = [];
  if (context.importConventions?.length) sections.push(`## Import conventions of this repository\n\n${bullets(context.importConventions)}`);
  if (context.verify?.length) {
    sections.push(`## What the verifier checks after this batch\n\nYour changes are merged with the batch's other tasks, then:\n\n${bullets(context.verify)}`);
  }
  if (context.earlier?.length) {
    const lines = context.earlier.map((item) => {
      const files = item.changedFiles?.length ? ` (${item.changedFiles.slice(0, 20).join(', ')}${item.changedFiles.length > 20 ? ', ...' : ''})` : '';
      return `${item.id}: ${item.status}${item.summary ? ` - ${item.summary}` : ''}${files}`;
    });
    sections.push(`## Earlier batches (already committed; your worktree includes them)\n\n${bullets(lines)}`);
  }
  return sections.join('\n\n');
}
