// A local ESLint rule: outside engine/db/, transactions are opened only through
// writeTransaction (src/main/engine/db/write-transaction.ts), which begins IMMEDIATE and
// retries while busy. A bare `db.transaction(fn)()` begins DEFERRED: when it reads and then
// writes while another process writes, SQLite refuses it at once with "database is locked",
// whatever the busy timeout (docs/ARCHITECTURE.md, "Two processes, one library").
const DOC = 'docs/ARCHITECTURE.md, "Two processes, one library"';

const BEGIN = /^\s*BEGIN\b/i;

/** The text of a string literal or a template without expressions, else null. */
function staticText(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? null;
  return null;
}

export const writeTransactions = {
  meta: {
    type: 'problem',
    docs: { description: 'Transactions begin IMMEDIATE, through writeTransaction only.' },
    schema: [],
    messages: {
      transaction:
        'Open transactions with writeTransaction(db, fn) from engine/db/write-transaction.ts: it begins IMMEDIATE and retries while busy ({{doc}}).',
      begin:
        'No hand-written BEGIN: use writeTransaction(db, fn) from engine/db/write-transaction.ts ({{doc}}).',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression') return;
        const name = callee.computed ? staticText(callee.property) : callee.property.name;
        if (name === 'transaction') {
          context.report({ node, messageId: 'transaction', data: { doc: DOC } });
        } else if (
          (name === 'exec' || name === 'prepare') &&
          BEGIN.test(staticText(node.arguments[0]) ?? '')
        ) {
          context.report({ node, messageId: 'begin', data: { doc: DOC } });
        }
      },
    };
  },
};
