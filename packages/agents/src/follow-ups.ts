import type { AgentTask, FollowUpLimits, TaskOutcome } from './types.js';

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Follow-up tasks from the `tasks.json` an agent wrote (`{ version: 1, tasks: [...] }` or a
 * bare array of `{ id?, prompt, footprint, files?, dependsOn? }`). Ids are prefixed with the
 * parent's (`T1.a`), sibling `dependsOn` are rewritten the same way, depth is the parent's + 1.
 * Invalid entries are skipped and described in `problems`.
 */
export function parseFollowUps(text: string, parent: AgentTask): { tasks: AgentTask[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { tasks: [], problems: [`${parent.id}: tasks.json is not valid JSON (${(error as Error).message})`] };
  }
  const list = Array.isArray(data) ? data : (data as { tasks?: unknown } | null)?.tasks;
  if (!Array.isArray(list)) return { tasks: [], problems: [`${parent.id}: tasks.json has no "tasks" array`] };

  const problems: string[] = [];
  const entries: { localId: string; raw: Record<string, unknown> }[] = [];
  list.forEach((raw: unknown, index) => {
    const item = raw as Record<string, unknown> | null;
    const localId = typeof item?.id === 'string' && item.id.trim() !== '' ? item.id.trim() : String(index + 1);
    if (!item || typeof item.prompt !== 'string' || item.prompt.trim() === '') {
      problems.push(`${parent.id}: follow-up ${localId} has no prompt`);
    } else if (!isStringArray(item.footprint) || item.footprint.length === 0) {
      problems.push(`${parent.id}: follow-up ${localId} has no footprint`);
    } else entries.push({ localId, raw: item });
  });

  const siblings = new Set(entries.map((entry) => entry.localId));
  const qualify = (id: string) => `${parent.id}.${id}`;
  const tasks = entries.map(({ localId, raw }): AgentTask => {
    const task: AgentTask = {
      id: qualify(localId),
      kind: 'task',
      prompt: raw.prompt as string,
      files: isStringArray(raw.files) ? raw.files : [],
      footprint: raw.footprint as string[],
      depth: parent.depth + 1,
    };
    if (isStringArray(raw.dependsOn) && raw.dependsOn.length > 0) task.dependsOn = raw.dependsOn.map((id) => (siblings.has(id) ? qualify(id) : id));
    return task;
  });
  return { tasks, problems };
}

/**
 * Which follow-ups go into later batches. Only finished ('done') tasks' follow-ups count;
 * a follow-up deeper than `maxDepth`, beyond `maxPerDepth` at its depth, beyond the task
 * budget or with an id already taken is dropped with the reason. Pure; order is kept.
 */
export function planFollowUps(outcomes: TaskOutcome[], limits: FollowUpLimits): { accepted: AgentTask[]; dropped: { id: string; reason: string }[] } {
  const accepted: AgentTask[] = [];
  const dropped: { id: string; reason: string }[] = [];
  const perDepth = new Map<number, number>();
  const taken = new Set(outcomes.map((outcome) => outcome.id));
  for (const outcome of outcomes) {
    for (const task of outcome.followUps) {
      if (outcome.status !== 'done') dropped.push({ id: task.id, reason: `its parent ${outcome.id} ended ${outcome.status}` });
      else if (task.depth > limits.maxDepth) dropped.push({ id: task.id, reason: `depth ${task.depth} exceeds the maximum depth ${limits.maxDepth}` });
      else if ((perDepth.get(task.depth) ?? 0) >= limits.maxPerDepth) {
        dropped.push({ id: task.id, reason: `more than ${limits.maxPerDepth} follow-up tasks at depth ${task.depth}` });
      } else if (limits.maxTasks !== undefined && accepted.length >= limits.maxTasks) {
        dropped.push({ id: task.id, reason: `the task budget (--max-tasks) is used up` });
      } else if (taken.has(task.id)) dropped.push({ id: task.id, reason: 'duplicate task id' });
      else {
        taken.add(task.id);
        perDepth.set(task.depth, (perDepth.get(task.depth) ?? 0) + 1);
        accepted.push(task);
      }
    }
  }
  return { accepted, dropped };
}
