// The workspace the agent benchmark runs on: N small ESM packages in a chain (pkg-02 imports
// pkg-01, ...), each with a feature module, its index and a node:test test, plus cheap but real
// gates: a load check (every package entry imports: syntax errors and missing exports fail) and
// the affected tests, both run in one node process. Task i edits packages/pkg-i/src/feature.js.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TASKS_FILE = 'agent-tasks.json';
export const GATES = {
  typecheck: 'node scripts/check.mjs',
  test: 'node scripts/test.mjs {files}',
};

const pad = (i) => String(i).padStart(2, '0');

const CHECK = `// Load check: import every package entry (a syntax error or a missing export fails).
import { readdirSync } from 'node:fs';
for (const dir of readdirSync('packages')) await import(\`@bench/\${dir}\`);
console.log('all package entries load');
`;

const TEST = `// Run the given test files (default: all) in this one process; node:test sets the exit code.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const all = readdirSync('packages').map((dir) => path.join('packages', dir, 'src', 'feature.test.js'));
const files = process.argv.length > 2 ? process.argv.slice(2) : all;
for (const file of files) await import(pathToFileURL(path.resolve(file)).href);
`;

function packageFiles(i) {
  const name = `pkg-${pad(i)}`;
  const previous = i > 1 ? `@bench/pkg-${pad(i - 1)}` : undefined;
  const feature = previous
    ? `import { feature${i - 1} } from '${previous}';\n\n/** Feature ${i}: builds on feature ${i - 1}. */\nexport function feature${i}(x) {\n  return feature${i - 1}(x) + ${i};\n}\n`
    : `/** Feature 1. */\nexport function feature1(x) {\n  return x + 1;\n}\n`;
  const expected = (i * (i + 1)) / 2;
  return {
    [`packages/${name}/package.json`]: `${JSON.stringify(
      {
        name: `@bench/${name}`,
        version: '0.0.0',
        type: 'module',
        exports: { '.': './src/index.js' },
        ...(previous ? { dependencies: { [previous]: '0.0.0' } } : {}),
      },
      null,
      2,
    )}\n`,
    [`packages/${name}/src/index.js`]: `export { feature${i} } from './feature.js';\n`,
    [`packages/${name}/src/feature.js`]: feature,
    [`packages/${name}/src/feature.test.js`]: `import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { feature${i} } from './feature.js';\n\ntest('feature${i}', () => {\n  assert.equal(feature${i}(0), ${expected});\n});\n`,
  };
}

/** Write the workspace into `dir` (empty), commit it, and return the task list. */
export function generateAgentsWorkspace(dir, { tasks }) {
  const files = {
    'package.json': `${JSON.stringify({ name: 'bench-agents', private: true, type: 'module', workspaces: ['packages/*'] }, null, 2)}\n`,
    '.gitignore': 'node_modules/\n',
    'refactor.config.json': `${JSON.stringify({ verify: GATES }, null, 2)}\n`,
    'scripts/check.mjs': CHECK,
    'scripts/test.mjs': TEST,
  };
  for (let i = 1; i <= tasks; i++) Object.assign(files, packageFiles(i));
  const list = Array.from({ length: tasks }, (_, k) => {
    const file = `packages/pkg-${pad(k + 1)}/src/feature.js`;
    return { id: `T${k + 1}`, prompt: `Document feature ${k + 1} in ${file}`, footprint: [file] };
  });
  files[TASKS_FILE] = `${JSON.stringify({ version: 1, tasks: list }, null, 2)}\n`;
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // What `npm install` would link: the gates import packages by name.
  mkdirSync(path.join(dir, 'node_modules', '@bench'), { recursive: true });
  for (let i = 1; i <= tasks; i++) symlinkSync(`../../packages/pkg-${pad(i)}`, path.join(dir, 'node_modules', '@bench', `pkg-${pad(i)}`));
  const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '--no-verify', '-m', 'bench workspace');
  return { tasks: list, base: git('rev-parse', 'HEAD') };
}
