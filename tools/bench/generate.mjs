#!/usr/bin/env node
// Generator of a large, deterministic synthetic npm-workspaces monorepo for benchmarks.
//
//   node tools/bench/generate.mjs <dir> [--packages 50] [--files 150] [--seed 1] [--hub]
//
// Layout: <dir>/packages/pkg-NN (name @bench/pkg-NN), each with package.json (exports "." -> the
// src/index.ts barrel, "./*" -> ./src/*.ts), tsconfig.json, and `filesPerPackage` source files:
// the barrel, src/types.ts, two CommonJS files under src/legacy/, co-located *.test.ts files and
// 50-150 line TypeScript modules (interfaces, a class, factory and helper functions) that import
// each other through every common form: relative (extensionless and NodeNext `.js`), workspace
// barrel (`@bench/pkg-03`), package subpath (`@bench/pkg-03/util-12`, `@bench/pkg-03/core/x`),
// `import type`, `export type {..} from`, `export {..} from`, literal `import()`, `require()` in
// .cjs files, and node builtins. Packages only import lower-numbered packages (acyclic) and
// declare what they import. Planted on top: a few misplaced modules (a file in package A imported
// only by package B, in a folder named after B) and one duplicated module in two packages.
// `node_modules/@bench/*` symlinks are created as `npm install` would, so tools that resolve
// through node_modules (dependency-cruiser, madge, tsc) see the workspace packages.
//
// Everything written is recorded in <dir>/bench-manifest.json, with the ground-truth edge counts.
// `plantHub()` (or --hub) adds one module imported by 250 files across several packages.

import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output changes, so cached repos under tools/bench/.work are regenerated. */
export const GENERATOR_VERSION = 5;
const MANIFEST = 'bench-manifest.json';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

function createRng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}

const NOUNS = (
  'order user cache queue token session payload route schema metric event buffer record stream config policy ledger invoice ' +
  'widget report account channel cursor digest editor filter gateway header index journal kernel label layout manifest ' +
  'network option packet profile quota range region result scope segment signal snapshot source table task tenant ' +
  'ticket timer trace upload vector window worker batch bucket cluster command context cookie domain'
).split(' ');
const SUFFIXES =
  'store service client parser mapper builder registry handler validator factory helper codec planner loader reader writer tracker resolver'.split(' ');
const AREAS = ['core', 'util', 'model', 'service', 'adapters', 'internal', 'io', 'domain'];
const VERBS =
  'apply build check collect compute compose derive emit encode flush format gather merge normalize prepare read render reset resolve scan score split sync track update'.split(
    ' ',
  );
const FIELDS = 'name label limit retries timeout weight prefix region owner level priority capacity'.split(' ');
const BUILTINS = [
  { spec: 'node:path', names: ['join'], use: (v) => `join('${v}', 'data')` },
  { spec: 'node:path', names: ['basename'], use: (v) => `basename('/tmp/${v}.json')` },
  { spec: 'node:util', names: ['format'], use: (v) => `format('%s', '${v}')` },
  { spec: 'node:os', names: ['EOL'], use: (v) => `['${v}'].join(EOL)` },
];

const pascal = (text) =>
  text
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const pad = (n, width) => String(n).padStart(width, '0');

function relativeSpecifier(fromFile, toFile, withJs) {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, withJs ? '.js' : '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

// ---------------------------------------------------------------------------------------------
// Model: packages and modules, with imports recorded as data before anything is rendered

/**
 * @typedef {{ spec: string, kind: string, target?: string, external?: string, names?: string[], typeNames?: string[],
 *             render?: string }} Imp  target: root-relative file the import resolves to.
 */

function planRepo(options) {
  const { packages: packageCount, filesPerPackage, seed } = options;
  const rng = createRng(seed);
  const width = Math.max(2, String(packageCount).length);
  const packages = [];
  for (let i = 0; i < packageCount; i++) {
    const num = i + 1;
    const dirName = `pkg-${pad(num, width)}`;
    packages.push({
      index: i,
      num,
      dirName,
      name: `@bench/${dirName}`,
      dir: `packages/${dirName}`,
      modules: [],
      tests: [],
      public: [],
      deps: new Set(),
    });
  }

  // Module names and places.
  for (const pkg of packages) {
    const testCount = Math.floor(filesPerPackage * 0.15);
    const moduleCount = Math.max(1, filesPerPackage - 4 - testCount);
    const used = new Set();
    const utilCount = Math.max(1, Math.round(moduleCount * 0.1));
    for (let j = 0; j < moduleCount; j++) {
      let base;
      let file;
      if (j < utilCount) {
        base = `util-${j + 1}`;
        file = `${pkg.dir}/src/${base}.ts`;
      } else {
        do base = `${rng.pick(NOUNS)}-${rng.pick(SUFFIXES)}`;
        while (used.has(base));
        file = `${pkg.dir}/src/${rng.pick(AREAS)}/${base}.ts`;
      }
      used.add(base);
      const id = `P${pkg.num}${pascal(base)}`;
      pkg.modules.push({
        pkg,
        file,
        base,
        id,
        imports: [],
        reexports: [],
        dynamic: [],
        builtin: undefined,
        isPublic: false,
        fields: rng.sample(FIELDS, rng.int(3, 6)),
      });
    }
    // Public API: the util-N modules (also reached by subpath) and ~12% of the rest, all low in
    // the layering so that many files in the package use them too.
    const publicCount = Math.max(1, Math.round(moduleCount * 0.12));
    for (const mod of pkg.modules.slice(0, utilCount + publicCount)) mod.isPublic = true;
    pkg.public = pkg.modules.filter((m) => m.isPublic);
    // Co-located tests for a spread of modules.
    for (const mod of rng.sample(pkg.modules, testCount)) pkg.tests.push({ pkg, file: mod.file.replace(/\.ts$/, '.test.ts'), subject: mod });
    // When there are fewer modules than tests wanted, keep the file count with extra tests of module 0.
    for (let k = pkg.tests.length; k < testCount; k++)
      pkg.tests.push({ pkg, file: pkg.modules[0].file.replace(/\.ts$/, `.extra-${k}.test.ts`), subject: pkg.modules[0] });
  }

  // Imports between modules.
  const foundation = packages.slice(0, Math.min(5, packages.length));
  for (const pkg of packages) {
    const lower = packages.slice(0, pkg.index);
    pkg.modules.forEach((mod, j) => {
      if (rng.chance(0.2)) mod.builtin = rng.pick(BUILTINS);
      mod.typesImport = rng.chance(0.6) ? { withJs: rng.chance(0.25), names: rng.sample(['Options', 'Id', 'Event'], rng.int(1, 2)) } : undefined;
      // Relative imports of modules lower in the same package (layered, so acyclic).
      const earlier = pkg.modules.slice(0, j);
      const count = Math.min(earlier.length, rng.int(1, 4));
      for (const dep of rng.sample(earlier, count)) {
        const typeOnly = rng.chance(0.12);
        mod.imports.push({ dep, form: 'relative', typeOnly, withJs: rng.chance(0.25), namespace: !typeOnly && rng.chance(0.08) });
      }
      // Cross-package imports of lower packages' public modules: barrel or subpath.
      if (lower.length > 0) {
        const crossCount = rng.chance(0.55) ? (rng.chance(0.3) ? 2 : 1) : 0;
        const targets = new Set();
        for (let c = 0; c < crossCount; c++) {
          const q = rng.chance(0.5) ? rng.pick(foundation.filter((f) => f.index < pkg.index)) : rng.pick(lower);
          const dep = rng.pick(q.public);
          if (targets.has(dep)) continue;
          targets.add(dep);
          pkg.deps.add(q);
          const form = dep.base.startsWith('util-') ? (rng.chance(0.6) ? 'subpath' : 'barrel') : rng.chance(0.65) ? 'barrel' : 'subpath';
          mod.imports.push({ dep, form, typeOnly: rng.chance(0.15), withJs: false, namespace: false });
        }
      }
      // `export type { XOptions } from './x'` and `export { createX } from './x'`.
      if (earlier.length > 0 && rng.chance(0.1)) mod.reexports.push({ dep: rng.pick(earlier), typeOnly: true });
      if (earlier.length > 0 && rng.chance(0.04)) mod.reexports.push({ dep: rng.pick(earlier), typeOnly: false });
      // Literal dynamic import().
      if (earlier.length > 0 && rng.chance(0.1)) mod.dynamic.push({ dep: rng.pick(earlier), form: 'relative' });
      else if (lower.length > 0 && rng.chance(0.03)) {
        const q = rng.pick(lower);
        pkg.deps.add(q);
        mod.dynamic.push({ dep: rng.pick(q.public), form: 'subpath' });
      }
    });
    // types.ts may extend a lower package's options.
    pkg.typesBase = lower.length > 0 && rng.chance(0.5) ? rng.pick(lower) : undefined;
    if (pkg.typesBase) pkg.deps.add(pkg.typesBase);
  }

  // Planted misplaced modules: in package A, imported only by package B (B > A), in a folder named after B.
  const planted = { misplaced: [], duplicates: [] };
  const misplacedCount = Math.min(3, Math.max(0, packages.length - 1));
  const usedPairs = new Set();
  for (let k = 0; k < misplacedCount; k++) {
    let a;
    let b;
    let guard = 0;
    do {
      a = rng.pick(packages.slice(0, packages.length - 1));
      b = rng.pick(packages.slice(a.index + 1));
    } while (usedPairs.has(a.index) && ++guard < 50);
    usedPairs.add(a.index);
    const base = rng.pick(['bridge', 'adapter', 'sync-client']);
    const mod = {
      pkg: a,
      file: `${a.dir}/src/${b.dirName}/${base}.ts`,
      base: `${b.dirName}-${base}`,
      id: `P${a.num}${pascal(b.dirName)}${pascal(base)}`,
      imports: [],
      reexports: [],
      dynamic: [],
      isPublic: false,
      fields: ['name', 'limit', 'region'],
    };
    for (const dep of rng.sample(a.modules.slice(0, Math.max(2, Math.ceil(a.modules.length / 4))), Math.min(2, a.modules.length)))
      mod.imports.push({ dep, form: 'relative', typeOnly: false, withJs: false, namespace: false });
    a.modules.push(mod);
    const importers = rng.sample(b.modules, Math.min(3, b.modules.length));
    for (const importer of importers) importer.imports.push({ dep: mod, form: 'subpath', typeOnly: false, withJs: false, namespace: false });
    b.deps.add(a);
    planted.misplaced.push({ file: mod.file, from: a.name, to: b.name, importers: importers.map((m) => m.file) });
  }

  // Planted duplicate: the same distinctive module in two packages, identifiers renamed.
  if (packages.length >= 2) {
    const [x, y] = rng.sample(packages, 2).sort((p, q) => p.index - q.index);
    const copies = [
      { pkg: x, file: `${x.dir}/src/text/edit-distance.ts`, fn: `editDistance${x.num}`, table: 'rows' },
      { pkg: y, file: `${y.dir}/src/strings/levenshtein.ts`, fn: `levenshtein${y.num}`, table: 'grid' },
    ];
    for (const copy of copies) {
      const mod = {
        pkg: copy.pkg,
        file: copy.file,
        base: path.posix.basename(copy.file, '.ts'),
        id: copy.fn,
        imports: [],
        reexports: [],
        dynamic: [],
        duplicate: copy,
        isPublic: false,
      };
      copy.pkg.modules.push(mod);
      const user = rng.pick(copy.pkg.modules.filter((m) => !m.duplicate && !m.base.includes('pkg-')));
      user.imports.push({ dep: mod, form: 'relative', typeOnly: false, withJs: false, namespace: false, duplicateUse: true });
    }
    planted.duplicates.push(copies.map((c) => c.file));
  }
  return { packages, planted, width };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Names a module exports: class, factory, options interface, id type. */
const namesOf = (mod) => ({ cls: mod.id, create: `create${mod.id}`, options: `${mod.id}Options`, idType: `${mod.id}Id` });

function specifierFor(fromFile, imp, fromPkg) {
  const dep = imp.dep;
  if (imp.form === 'relative' || dep.pkg === fromPkg) return relativeSpecifier(fromFile, dep.file, imp.withJs);
  if (imp.form === 'barrel') return dep.pkg.name;
  return `${dep.pkg.name}/${dep.file.slice(dep.pkg.dir.length + '/src/'.length).replace(/\.ts$/, '')}`;
}

function renderModule(mod, rng, record) {
  if (mod.duplicate) return renderDuplicate(mod, record);
  const { pkg } = mod;
  const n = namesOf(mod);
  const lines = [];
  const uses = []; // statements for describe()
  lines.push(`// ${mod.base}: generated by tools/bench/generate.mjs for ${pkg.name}. Do not edit.`);
  if (mod.builtin) {
    lines.push(`import { ${mod.builtin.names.join(', ')} } from '${mod.builtin.spec}';`);
    record(mod.file, { spec: mod.builtin.spec, kind: 'import', builtin: true });
    uses.push(`parts.push(String(${mod.builtin.use(mod.base)}));`);
  }
  const typesFile = `${pkg.dir}/src/types.ts`;
  let typeParam = 'string';
  if (mod.typesImport) {
    const typeNames = mod.typesImport.names.map((t) => `P${pkg.num}${t}`);
    const spec = relativeSpecifier(mod.file, typesFile, mod.typesImport.withJs);
    lines.push(`import type { ${typeNames.join(', ')} } from '${spec}';`);
    record(mod.file, { spec, kind: 'import-type', target: typesFile });
    typeParam = typeNames[0];
  }
  const depFields = [];
  mod.imports.forEach((imp, k) => {
    const dn = namesOf(imp.dep);
    const spec = specifierFor(mod.file, imp, pkg);
    const target = imp.form === 'barrel' ? `${imp.dep.pkg.dir}/src/index.ts` : imp.dep.file;
    if (imp.dep.duplicate) {
      lines.push(`import { ${imp.dep.id} } from '${spec}';`);
      record(mod.file, { spec, kind: 'import', target });
      uses.push(`parts.push(String(${imp.dep.id}(this.options.name, '${mod.base}')));`);
    } else if (imp.typeOnly) {
      lines.push(`import type { ${dn.options}, ${dn.cls} } from '${spec}';`);
      record(mod.file, { spec, kind: 'import-type', target });
      depFields.push(`  private peer${k}?: ${dn.cls};`);
      uses.push(`const hint${k}: Partial<${dn.options}> = {};`, `parts.push(String(Object.keys(hint${k}).length + (this.peer${k} ? 1 : 0)));`);
    } else if (imp.namespace) {
      const ns = `${imp.dep.base.replace(/-(\w)/g, (_, c) => c.toUpperCase())}Module`;
      lines.push(`import * as ${ns} from '${spec}';`);
      record(mod.file, { spec, kind: 'import', target });
      depFields.push(`  private readonly dep${k} = ${ns}.${dn.create}({ name: '${mod.base}' });`);
      uses.push(`parts.push(this.dep${k}.describe());`);
    } else {
      const inlineType = rng.chance(0.3) ? `, type ${dn.options}` : '';
      lines.push(`import { ${dn.create}${inlineType} } from '${spec}';`);
      record(mod.file, { spec, kind: 'import', target });
      const init = inlineType ? `{ name: '${mod.base}' } as Partial<${dn.options}>` : `{ name: '${mod.base}' }`;
      depFields.push(`  private readonly dep${k} = ${dn.create}(${init});`);
      uses.push(`parts.push(this.dep${k}.describe());`);
    }
  });
  for (const re of mod.reexports) {
    const dn = namesOf(re.dep);
    const spec = relativeSpecifier(mod.file, re.dep.file, false);
    if (re.typeOnly) {
      lines.push(`export type { ${dn.options} as ${n.cls}Upstream${re.dep.id}Options } from '${spec}';`);
      record(mod.file, { spec, kind: 'export-type', target: re.dep.file });
    } else {
      lines.push(`export { ${dn.create} as ${n.create}Upstream${re.dep.id} } from '${spec}';`);
      record(mod.file, { spec, kind: 'export', target: re.dep.file });
    }
  }
  lines.push('');
  lines.push(`/** Options accepted by {@link ${n.cls}}. */`);
  lines.push(`export interface ${n.options} {`);
  for (const field of mod.fields) {
    if (field === 'name' || field === 'label' || field === 'prefix' || field === 'region' || field === 'owner') lines.push(`  ${field}: string;`);
    else lines.push(`  ${field}${rng.chance(0.4) ? '?' : ''}: number;`);
  }
  if (!mod.fields.includes('name')) lines.push('  name: string;');
  lines.push(`  onChange?: (id: ${n.idType}) => void;`);
  lines.push('}');
  lines.push('');
  lines.push(`export type ${n.idType} = string & { readonly __brand: '${n.idType}' };`);
  lines.push('');
  lines.push(`const DEFAULTS_${mod.id.toUpperCase()}: ${n.options} = {`);
  for (const field of [...new Set(['name', ...mod.fields])]) {
    if (field === 'name' || field === 'label' || field === 'prefix' || field === 'region' || field === 'owner')
      lines.push(`  ${field}: '${mod.base}-${field}',`);
    else lines.push(`  ${field}: ${rng.int(1, 500)},`);
  }
  lines.push('};');
  lines.push('');
  lines.push(`export class ${n.cls} {`);
  lines.push(`  private readonly cache = new Map<string, number>();`);
  lines.push(`  private readonly history: ${typeParam === 'string' ? 'string' : `(${typeParam} | string)`}[] = [];`);
  lines.push(...depFields);
  lines.push('');
  lines.push(`  constructor(readonly options: ${n.options}) {}`);
  const methodCount = rng.int(2, 5);
  const verbs = rng.sample(VERBS, methodCount);
  for (const verb of verbs) lines.push('', ...renderMethod(verb, mod, rng));
  lines.push('');
  lines.push('  describe(): string {');
  lines.push(`    const parts: string[] = ['${n.cls}', this.options.name];`);
  for (const use of uses) lines.push(`    ${use}`);
  lines.push(`    return parts.join(':');`);
  lines.push('  }');
  lines.push('}');
  lines.push('');
  lines.push(`export function ${n.create}(options: Partial<${n.options}> = {}): ${n.cls} {`);
  lines.push(`  return new ${n.cls}({ ...DEFAULTS_${mod.id.toUpperCase()}, ...options });`);
  lines.push('}');
  const helpers = rng.int(0, 3);
  for (let h = 0; h < helpers; h++) lines.push('', ...renderHelper(`${rng.pick(VERBS)}${n.cls}${h}`, n, rng));
  for (const dyn of mod.dynamic) {
    const spec = dyn.form === 'relative' ? relativeSpecifier(mod.file, dyn.dep.file, false) : specifierFor(mod.file, dyn, pkg);
    const dn = namesOf(dyn.dep);
    lines.push('');
    lines.push(`/** Loaded on demand: keeps ${dyn.dep.base} out of the startup path. */`);
    lines.push(`export async function load${n.cls}Lazy(): Promise<string> {`);
    lines.push(`  const lazy = await import('${spec}');`);
    lines.push(`  return lazy.${dn.create}({ name: 'lazy' }).describe();`);
    lines.push('}');
    record(mod.file, { spec, kind: 'dynamic-import', target: dyn.dep.file });
  }
  lines.push('');
  return lines.join('\n');
}

function renderMethod(verb, mod, rng) {
  const name = `${verb}${pascal(rng.pick(NOUNS))}`;
  const numeric = mod.fields.find((f) => !['name', 'label', 'prefix', 'region', 'owner'].includes(f));
  const limit = numeric ? `(this.options.${numeric} ?? ${rng.int(2, 90)})` : `${rng.int(2, 90)}`;
  switch (rng.int(0, 5)) {
    case 0:
      return [
        `  ${name}(values: readonly number[]): number {`,
        '    let total = 0;',
        '    for (const value of values) {',
        `      if (value > ${limit}) continue;`,
        `      total += value * ${rng.int(2, 9)};`,
        '    }',
        '    this.cache.set(String(values.length), total);',
        '    return total;',
        '  }',
      ];
    case 1:
      return [
        `  ${name}(items: { key: string; size: number }[]): string[] {`,
        '    return items',
        `      .filter((item) => item.size >= ${limit})`,
        `      .map((item) => \`\${this.options.name}/\${item.key}\`)`,
        '      .sort();',
        '  }',
      ];
    case 2:
      return [
        `  async ${name}(key: string, load: (key: string) => Promise<number>): Promise<number> {`,
        '    const hit = this.cache.get(key);',
        '    if (hit !== undefined) return hit;',
        '    try {',
        '      const value = await load(key);',
        '      this.cache.set(key, value);',
        '      return value;',
        '    } catch (error) {',
        '      this.history.push(String(error));',
        '      return -1;',
        '    }',
        '  }',
      ];
    case 3:
      return [
        `  ${name}(kind: 'add' | 'remove' | 'clear', key = ''): number {`,
        '    switch (kind) {',
        "      case 'add':",
        '        this.cache.set(key, (this.cache.get(key) ?? 0) + 1);',
        '        break;',
        "      case 'remove':",
        '        this.cache.delete(key);',
        '        break;',
        '      default:',
        '        this.cache.clear();',
        '    }',
        '    this.history.push(kind);',
        '    return this.cache.size;',
        '  }',
      ];
    case 4:
      return [
        `  ${name}(): Record<string, number> {`,
        '    const out: Record<string, number> = {};',
        '    for (const [key, value] of this.cache) {',
        `      out[key.toUpperCase()] = Math.round(value / ${rng.int(2, 12)});`,
        '    }',
        '    return out;',
        '  }',
      ];
    default:
      return [
        `  ${name}(input: string): string | undefined {`,
        '    const trimmed = input.trim();',
        '    if (trimmed.length === 0) return undefined;',
        `    const parts = trimmed.split('${rng.pick([',', ':', '/', ';'])}');`,
        '    this.history.push(trimmed);',
        `    return parts.length > ${rng.int(1, 4)} ? parts.slice(1).join('-') : parts[0];`,
        '  }',
      ];
  }
}

function renderHelper(name, n, rng) {
  switch (rng.int(0, 2)) {
    case 0:
      return [
        `export function ${name}(list: ${n.cls}[]): Map<string, ${n.cls}> {`,
        `  const byName = new Map<string, ${n.cls}>();`,
        '  for (const item of list) {',
        '    if (!byName.has(item.options.name)) byName.set(item.options.name, item);',
        '  }',
        '  return byName;',
        '}',
      ];
    case 1:
      return [
        `function ${name}(a: Partial<${n.options}>, b: Partial<${n.options}>): Partial<${n.options}> {`,
        '  const merged = { ...a };',
        '  for (const [key, value] of Object.entries(b)) {',
        `    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;`,
        '  }',
        '  return merged;',
        '}',
        `export const ${name}Default = ${name}({}, { name: '${rng.pick(NOUNS)}' });`,
      ];
    default:
      return [
        `export const ${name} = (id: string): ${n.idType} => {`,
        `  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(\`invalid id: \${id}\`);`,
        `  return id as ${n.idType};`,
        '};',
      ];
  }
}

/** A distinctive module (dynamic programming edit distance) planted in two packages. */
function renderDuplicate(mod, _record) {
  const { fn, table } = mod.duplicate;
  return `// Edit distance between two strings: generated by tools/bench/generate.mjs (planted duplicate).
export function ${fn}(left: string, right: string): number {
  if (left === right) return 0;
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  const ${table}: number[][] = [];
  for (let i = 0; i <= left.length; i++) {
    ${table}[i] = [i];
  }
  for (let j = 0; j <= right.length; j++) {
    (${table}[0] as number[])[j] = j;
  }
  for (let i = 1; i <= left.length; i++) {
    const row = ${table}[i] as number[];
    const above = ${table}[i - 1] as number[];
    for (let j = 1; j <= right.length; j++) {
      const cost = left.charCodeAt(i - 1) === right.charCodeAt(j - 1) ? 0 : 1;
      const deletion = (above[j] as number) + 1;
      const insertion = (row[j - 1] as number) + 1;
      const substitution = (above[j - 1] as number) + cost;
      row[j] = Math.min(deletion, insertion, substitution);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        const transposition = ((${table}[i - 2] as number[])[j - 2] as number) + cost;
        row[j] = Math.min(row[j] as number, transposition);
      }
    }
  }
  return (${table}[left.length] as number[])[right.length] as number;
}

export function ${fn}Ratio(left: string, right: string): number {
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 1;
  return 1 - ${fn}(left, right) / longest;
}

export function ${fn}Closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score = ${fn}(word, candidate);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
`;
}

function renderTypes(pkg, rng, record) {
  const lines = [`// Shared types of ${pkg.name}: generated by tools/bench/generate.mjs.`];
  const base = pkg.typesBase;
  if (base) {
    lines.push(`import type { P${base.num}Options } from '${base.name}';`);
    record(`${pkg.dir}/src/types.ts`, { spec: base.name, kind: 'import-type', target: `${base.dir}/src/index.ts` });
  }
  lines.push('');
  lines.push(`export interface P${pkg.num}Options${base ? ` extends Partial<P${base.num}Options>` : ''} {`);
  lines.push('  name: string;', '  level: number;');
  const extra = rng.sample(
    [
      'tags?: readonly string[];',
      'timeoutMs?: number;',
      'labels: Record<string, string>;',
      'enabled: boolean;',
      'retry?: { attempts: number; delayMs: number };',
      'owner?: string | null;',
    ],
    rng.int(1, 5),
  );
  for (const field of extra) lines.push(`  ${field}`);
  lines.push('}');
  lines.push('');
  lines.push(`export type P${pkg.num}Id = string & { readonly __package: '${pkg.name}' };`);
  lines.push('');
  lines.push(`export type P${pkg.num}Event =`);
  const variants = [
    `{ type: 'start'; at: number; id: P${pkg.num}Id }`,
    `{ type: 'stop'; at: number; reason: string }`,
    `{ type: 'error'; at: number; error: Error }`,
    `{ type: 'progress'; done: number; total: number }`,
    `{ type: 'log'; level: 'info' | 'warn'; message: string }`,
    `{ type: 'batch'; ids: readonly P${pkg.num}Id[] }`,
  ];
  const chosen = rng.sample(variants, rng.int(2, variants.length));
  chosen.forEach((variant, i) => {
    lines.push(`  | ${variant}${i === chosen.length - 1 ? ';' : ''}`);
  });
  if (rng.chance(0.5)) lines.push('', `export type P${pkg.num}Handler = (event: P${pkg.num}Event) => void | Promise<void>;`);
  lines.push('');
  return lines.join('\n');
}

function renderIndex(pkg, record) {
  const file = `${pkg.dir}/src/index.ts`;
  const lines = [`// Public API of ${pkg.name}: generated by tools/bench/generate.mjs.`];
  lines.push(`export type { P${pkg.num}Event, P${pkg.num}Id, P${pkg.num}Options } from './types';`);
  record(file, { spec: './types', kind: 'export-type', target: `${pkg.dir}/src/types.ts` });
  for (const mod of pkg.public) {
    const spec = relativeSpecifier(file, mod.file, false);
    lines.push(`export * from '${spec}';`);
    record(file, { spec, kind: 'export', target: mod.file });
  }
  lines.push('');
  return lines.join('\n');
}

function renderTest(test, rng, record) {
  const n = namesOf(test.subject);
  const spec = relativeSpecifier(test.file, test.subject.file, false);
  record(test.file, { spec: 'vitest', kind: 'import', external: 'vitest' });
  record(test.file, { spec, kind: 'import', target: test.subject.file });
  const lines = [
    "import { describe, expect, it } from 'vitest';",
    test.subject.duplicate ? `import { ${test.subject.id} } from '${spec}';` : `import { ${n.cls}, ${n.create} } from '${spec}';`,
    '',
    `describe('${test.subject.base}', () => {`,
  ];
  if (test.subject.duplicate) {
    lines.push("  it('measures distance', () => {", `    expect(${test.subject.id}('kitten', 'sitting')).toBe(3);`, '  });');
  } else {
    lines.push(
      "  it('creates an instance with defaults', () => {",
      `    const value = ${n.create}();`,
      `    expect(value).toBeInstanceOf(${n.cls});`,
      `    expect(value.describe()).toContain('${n.cls}');`,
      '  });',
      '',
      "  it('keeps the name it is given', () => {",
      `    const value = ${n.create}({ name: '${rng.pick(NOUNS)}' });`,
      '    expect(value.options.name).toBeTypeOf("string");',
      '  });',
    );
  }
  lines.push('});', '');
  return lines.join('\n');
}

function renderCjs(pkg, rng, record) {
  const config = `${pkg.dir}/src/legacy/config.cjs`;
  const loader = `${pkg.dir}/src/legacy/loader.cjs`;
  record(config, { spec: 'node:path', kind: 'require', builtin: true });
  record(loader, { spec: './config.cjs', kind: 'require', target: config });
  record(loader, { spec: 'node:fs', kind: 'require', builtin: true });
  const settings = rng.sample(
    ['retries: 3', 'timeout: 5000', "mode: 'strict'", 'cache: true', "encoding: 'utf8'", 'depth: 4', "format: 'json'"],
    rng.int(2, 6),
  );
  const steps = [
    ['  if (text.length === 0) return undefined;'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source text written into a generated file
    ['  result.lines = text.split(/\\r?\\n/).length;', '  if (result.lines > config.depth * 1000) throw new Error(`too long: ${file}`);'],
    ["  result.header = text.slice(0, text.indexOf('\\n'));", "  if (result.header.startsWith('#')) result.header = result.header.slice(1).trim();"],
    ['  for (const key of Object.keys(config)) {', '    if (text.includes(key)) result.mentions.push(key);', '  }'],
    ['  result.checksum = [...text].reduce((sum, ch) => (sum + ch.charCodeAt(0)) % 65521, 1);'],
  ];
  steps.push(
    ['  if (config.cache) result.cachedAt = Date.now();'],
    ['  while (result.mentions.length > config.depth) result.mentions.pop();'],
    ["  result.kind = text.startsWith('{') ? 'json' : text.startsWith('<') ? 'xml' : 'text';"],
  );
  // An ordered pick with repetition: enough variety that no two packages' loaders are the same.
  const body = Array.from({ length: rng.int(3, 6) }, () => rng.pick(steps)).flat();
  return {
    [config]: `'use strict';
// Legacy CommonJS configuration of ${pkg.name}: generated by tools/bench/generate.mjs.
const path = require('node:path');

module.exports = {
  name: '${pkg.name}',
  root: path.join(__dirname, '..', '..'),
${settings.map((s) => `  ${s},`).join('\n')}
};
`,
    [loader]: `'use strict';
// Legacy CommonJS loader of ${pkg.name}: generated by tools/bench/generate.mjs.
const config = require('./config.cjs');
const fs = require('node:fs');

function load(file) {
  const text = fs.readFileSync(file, config.encoding || 'utf8');
  const result = { name: config.name, size: text.length, mentions: [] };
${body.join('\n')}
  return result;
}

module.exports = { load, config };
`,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function writeFile(root, rel, text) {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return Buffer.byteLength(text);
}

function prepareDir(dir) {
  if (existsSync(dir)) {
    if (existsSync(path.join(dir, MANIFEST))) rmSync(dir, { recursive: true, force: true });
    else if (existsSync(path.join(dir, 'packages')) || existsSync(path.join(dir, 'package.json'))) {
      throw new Error(`${dir} exists and was not made by this generator (no ${MANIFEST}); pick an empty directory`);
    }
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * Generate the synthetic monorepo into `dir` (replacing an earlier generated one).
 * @returns the manifest (also written to <dir>/bench-manifest.json)
 */
export function generateMonorepo(dir, { packages = 50, filesPerPackage = 150, seed = 1 } = {}) {
  if (packages < 1 || filesPerPackage < 5) throw new Error('need at least 1 package and 5 files per package');
  const root = path.resolve(dir);
  prepareDir(root);
  const plan = planRepo({ packages, filesPerPackage, seed });
  const rng = createRng(seed ^ 0x5bd1e995);
  const edges = [];
  const record = (from, imp) => edges.push({ from, ...imp });
  let bytes = 0;
  let files = 0;
  const put = (rel, text) => {
    bytes += writeFile(root, rel, text);
    if (/\.[cm]?[jt]sx?$/.test(rel)) files++;
  };

  put('package.json', `${JSON.stringify({ name: 'bench-monorepo', private: true, type: 'module', workspaces: ['packages/*'] }, null, 2)}\n`);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['packages/*/src'],
  };
  put('tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const pkg of plan.packages) {
    const deps = Object.fromEntries([...pkg.deps].sort((a, b) => a.index - b.index).map((q) => [q.name, '*']));
    const manifest = {
      name: pkg.name,
      version: '0.0.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts', './*': './src/*.ts' },
      dependencies: deps,
      devDependencies: { vitest: '^4.0.0' },
    };
    put(`${pkg.dir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    put(`${pkg.dir}/tsconfig.json`, `${JSON.stringify({ extends: '../../tsconfig.json', include: ['src'] }, null, 2)}\n`);
    put(`${pkg.dir}/src/index.ts`, renderIndex(pkg, record));
    put(`${pkg.dir}/src/types.ts`, renderTypes(pkg, rng, record));
    for (const [rel, text] of Object.entries(renderCjs(pkg, rng, record))) put(rel, text);
    for (const mod of pkg.modules) put(mod.file, renderModule(mod, rng, record));
    for (const test of pkg.tests) put(test.file, renderTest(test, rng, record));
    // What `npm install` makes for a workspace package.
    const link = path.join(root, 'node_modules', pkg.name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), path.join(root, pkg.dir)), link, 'dir');
  }

  const manifest = {
    generator: 'tools/bench/generate.mjs',
    version: GENERATOR_VERSION,
    options: { packages, filesPerPackage, seed },
    files,
    bytes,
    expected: countEdges(edges),
    planted: plan.planted,
    packages: plan.packages.map((pkg) => ({
      name: pkg.name,
      dir: pkg.dir,
      modules: pkg.modules.filter((m) => !m.duplicate && !m.base.includes('pkg-')).map((m) => m.file),
    })),
    edges: edges.map((e) => [e.from, e.spec, e.kind, e.target ?? (e.builtin ? 'builtin:' : 'external:') + (e.external ?? e.spec)]),
  };
  writeFileSync(path.join(root, MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

/** Ground truth: every import written, by kind and by what it leads to. */
function countEdges(edges) {
  const byKind = {};
  let internal = 0;
  let builtin = 0;
  let external = 0;
  const pairs = new Set();
  for (const edge of edges) {
    byKind[edge.kind] = (byKind[edge.kind] ?? 0) + 1;
    const target = edge.target;
    if (edge.builtin || target?.startsWith('builtin:')) builtin++;
    else if (edge.external || target?.startsWith('external:')) external++;
    else {
      internal++;
      pairs.add(`${edge.from}\u0000${target}`);
    }
  }
  return { imports: edges.length, byKind, internal, builtin, external, uniquePairs: pairs.size };
}

/**
 * Plant one `hub` module imported by `importers` files across several packages (for a codemod
 * benchmark): packages/<pkg>/src/shared/hub.ts, imported relatively inside its package and by
 * package subpath (`@bench/pkg-NN/shared/hub`) from higher-numbered packages (keeps the package
 * graph acyclic; their package.json gains the dependency). Idempotent per repo: replants nothing
 * if the manifest already records a hub.
 * @returns {{ file: string, specifier: string, package: string, importers: string[] }}
 */
export function plantHub(dir, { importers = 250, packageIndex, seed = 7 } = {}) {
  const root = path.resolve(dir);
  const manifestFile = path.join(root, MANIFEST);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.hub) return manifest.hub;
  const rng = createRng(seed);
  const packages = manifest.packages;
  const hubIndex = packageIndex ?? Math.min(1, packages.length - 1);
  const hubPkg = packages[hubIndex];
  if (!hubPkg) throw new Error(`no package #${hubIndex}`);
  const hubFile = `${hubPkg.dir}/src/shared/hub.ts`;
  const specifier = `${hubPkg.name}/shared/hub`;
  const num = Number(hubPkg.dir.replace(/\D+/g, ''));
  const fn = `hubTouch${num}`;
  writeFile(
    root,
    hubFile,
    `// The hub: one module imported from many places (generated by tools/bench/generate.mjs).
const counts = new Map<string, number>();

/** Count a use of the hub by \`tag\`; returns how often it was seen. */
export function ${fn}(tag: string): number {
  const next = (counts.get(tag) ?? 0) + 1;
  counts.set(tag, next);
  return next;
}

export class Hub${num} {
  constructor(readonly name: string) {}

  tags(): string[] {
    return [...counts.keys()].sort();
  }
}
`,
  );
  // Importers: some in the hub's own package, the rest spread over at least 5 higher packages.
  const own = rng.sample(hubPkg.modules, Math.min(30, Math.floor(importers / 8), hubPkg.modules.length));
  const higher = packages.slice(hubIndex + 1);
  const spread = higher.length === 0 ? [] : rng.sample(higher, Math.min(higher.length, Math.max(5, Math.ceil((importers - own.length) / 40))));
  const chosen = own.map((file) => ({ file, pkg: hubPkg }));
  const pools = spread.map((pkg) => ({ pkg, files: rng.sample(pkg.modules, pkg.modules.length) }));
  for (let round = 0; chosen.length < importers && pools.some((p) => p.files.length > 0); round++) {
    const pool = pools[round % pools.length];
    const file = pool.files.shift();
    if (file) chosen.push({ file, pkg: pool.pkg });
  }
  const added = [];
  for (const { file, pkg } of chosen) {
    const abs = path.join(root, file);
    const text = readFileSync(abs, 'utf8');
    const spec = pkg === hubPkg ? relativeSpecifier(file, hubFile, false) : specifier;
    const lines = text.split('\n');
    let lastImport = 0;
    lines.forEach((line, i) => {
      if (/^(import|export) .* from '[^']+';$/.test(line)) lastImport = i + 1;
    });
    lines.splice(lastImport, 0, `import { ${fn} } from '${spec}';`);
    lines.push(`${fn}('${path.posix.basename(file, '.ts')}');`, '');
    writeFileSync(abs, lines.join('\n').replace(/\n\n+$/, '\n'));
    added.push([file, spec, 'import', hubFile]);
    if (pkg !== hubPkg) {
      const manifestPath = path.join(root, pkg.dir, 'package.json');
      const pkgJson = JSON.parse(readFileSync(manifestPath, 'utf8'));
      pkgJson.dependencies ??= {};
      if (!pkgJson.dependencies[hubPkg.name]) {
        pkgJson.dependencies[hubPkg.name] = '*';
        pkgJson.dependencies = Object.fromEntries(Object.entries(pkgJson.dependencies).sort(([a], [b]) => a.localeCompare(b)));
        writeFileSync(manifestPath, `${JSON.stringify(pkgJson, null, 2)}\n`);
      }
    }
  }
  manifest.edges.push(...added);
  manifest.files += 1;
  manifest.expected = countEdges(manifest.edges.map(([from, spec, kind, target]) => ({ from, spec, kind, target })));
  manifest.hub = { file: hubFile, specifier, package: hubPkg.name, importers: chosen.map((c) => c.file).sort() };
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
  return manifest.hub;
}

/** Read the manifest of a generated repo, or undefined. */
export function readManifest(dir) {
  const file = path.join(path.resolve(dir), MANIFEST);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(argv) {
  const args = { packages: 50, files: 150, seed: 1, hub: false, dir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${arg} needs a whole number`);
      return v;
    };
    if (arg === '--packages') args.packages = value();
    else if (arg === '--files') args.files = value();
    else if (arg === '--seed') args.seed = value();
    else if (arg === '--hub') args.hub = true;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node tools/bench/generate.mjs <dir> [--packages 50] [--files 150] [--seed 1] [--hub]');
      return 0;
    } else if (!arg.startsWith('-') && args.dir === undefined) args.dir = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.dir) {
    console.error('usage: node tools/bench/generate.mjs <dir> [--packages 50] [--files 150] [--seed 1] [--hub]');
    return 2;
  }
  const started = performance.now();
  const manifest = generateMonorepo(args.dir, { packages: args.packages, filesPerPackage: args.files, seed: args.seed });
  const hub = args.hub ? plantHub(args.dir) : undefined;
  const done = readManifest(args.dir);
  const ms = Math.round(performance.now() - started);
  console.log(
    `generated ${done.files} source files (${(manifest.bytes / 1e6).toFixed(1)} MB) in ${args.packages} packages at ${args.dir} in ${ms} ms; ` +
      `${done.expected.imports} imports (${done.expected.internal} to repo files, ${done.expected.uniquePairs} distinct file pairs)`,
  );
  for (const m of manifest.planted.misplaced) console.log(`  planted misplaced: ${m.file} (${m.from}) imported only by ${m.to}`);
  for (const d of manifest.planted.duplicates) console.log(`  planted duplicate: ${d.join(' = ')}`);
  if (hub) console.log(`  hub: ${hub.file} imported by ${hub.importers.length} files as ${hub.specifier}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`generate: ${error.message}`);
    process.exitCode = 2;
  }
}
