// A local ESLint rule: the engine's folders import only the folders below them, as
// eslint/engine-layers.json lists (see docs/ARCHITECTURE.md, "Layers inside the engine").
// Hosts reach the engine only through its entry point, and the engine never imports a host.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const table = JSON.parse(readFileSync(new URL('./engine-layers.json', import.meta.url), 'utf8'));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const engine = path.join(root, 'src', 'main', 'engine');
const hosts = path.join(root, 'src', 'main', 'hosts');
const DOC = 'docs/ARCHITECTURE.md';

/** The engine folder a path sits in ('' for a file in the engine's root), or null. */
function folderOf(file) {
  const rel = path.relative(engine, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? '' : parts[0];
}

function check(context, node, specifier) {
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
  const file = context.filename;
  if (/\.test\.tsx?$/.test(file)) return; // tests may reach across to set up what they test
  const target = path.resolve(path.dirname(file), specifier);
  const from = folderOf(file);
  const to = folderOf(target);

  if (file.startsWith(hosts + path.sep) && to !== null) {
    const entry = path.relative(engine, target).replace(/\.(ts|js)$/, '');
    if (entry !== '' && entry !== 'index')
      context.report({ node, messageId: 'hostEntry', data: { spec: specifier, doc: DOC } });
    return;
  }
  if (from === null) return;
  if (target.startsWith(hosts + path.sep) || target === hosts) {
    context.report({ node, messageId: 'noHost', data: { doc: DOC } });
    return;
  }
  if (to === null || from === to) return;
  if (from === '') return; // create-engine.ts wires everything; index.ts re-exports it
  if (to === '') {
    const name = path.basename(target).replace(/\.(ts|js)$/, '');
    if (name === 'version') return;
    context.report({ node, messageId: 'root', data: { from, spec: specifier, doc: DOC } });
    return;
  }
  const allowed = table.imports[from];
  if (!allowed) {
    context.report({ node, messageId: 'unknown', data: { from, doc: DOC } });
    return;
  }
  if (!allowed.includes(to))
    context.report({ node, messageId: 'layer', data: { from, to, spec: specifier, doc: DOC } });
}

export const engineLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Engine folders import only the folders below them.' },
    schema: [],
    messages: {
      layer:
        "engine/{{from}} may not import engine/{{to}} ('{{spec}}'): folders import only those below them (eslint/engine-layers.json, {{doc}}).",
      unknown:
        'engine/{{from}} is not in eslint/engine-layers.json: give the new folder its place ({{doc}}).',
      root: "engine/{{from}} may not import the engine's root ('{{spec}}'): only create-engine.ts wires parts ({{doc}}).",
      hostEntry:
        "Hosts reach the engine only through its entry point, src/main/engine/index.ts ('{{spec}}'; {{doc}}).",
      noHost: 'The engine never imports a host ({{doc}}).',
    },
  },
  create(context) {
    const source = (node) => check(context, node, node.source?.value);
    return {
      ImportDeclaration: source,
      ExportNamedDeclaration: source,
      ExportAllDeclaration: source,
      ImportExpression: source,
    };
  },
};

export default { rules: { 'engine-layers': engineLayers } };
