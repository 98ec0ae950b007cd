// An ESLint rule: files under engine/ may import only other files under engine/.
// The engine runs in a Web Worker and in Node, so it must not reach into the UI, the lessons or npm packages
// (except those named in `allow`, e.g. comlink in engine/worker.ts and vitest in tests).
import path from 'node:path';

export default {
  meta: {
    type: 'problem',
    docs: { description: 'keep engine/ self-contained' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root, allow = [] } = context.options[0] ?? {};
    const engineDir = path.resolve(root, 'engine');
    const file = context.filename;
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        if (target !== engineDir && !target.startsWith(engineDir + path.sep)) {
          context.report({ node, message: `engine/ may not import '${source}': it lies outside engine/.` });
        }
        return;
      }
      const allowed = allow.some((a) => source === a || source.startsWith(a + '/'));
      if (!allowed) context.report({ node, message: `engine/ may not import the package '${source}'.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
