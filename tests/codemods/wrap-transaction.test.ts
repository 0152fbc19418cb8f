import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import transform, { HELPER_SOURCE } from '../../codemods/wrap-transaction.js';
import { runTransform } from '../../codemods/lib/run.js';
import { copyProject, defineFixtureTests, listSourceFiles, readFiles, typecheck } from './harness.js';

describe('wrap-transaction', () => {
  defineFixtureTests('wrap-transaction', transform, 9);

  it('wraps a project: Prisma and pg (creating the helper), refuses the network call, leaves transactions alone', () => {
    const dir = copyProject('wrap-transaction', 'shop');
    const files = listSourceFiles(dir);
    const report = runTransform(transform, files, { root: dir });
    const at = (file: string): string => path.join(dir, 'src', file);

    expect(report.changed).toEqual([at('notify.ts'), at('orders.ts'), at('payments.ts')]);
    expect(report.skipped).toEqual([
      `${at('notify.ts')}: 5:3 awaits \`fetch(…)\` between the writes, which is not a call of \`prisma\`: a transaction must not wait on the network or a queue; move it before or after the writes`,
    ]);
    expect(readFileSync(at('db/withTransaction.ts'), 'utf8')).toBe(HELPER_SOURCE);
    expect(readFileSync(at('orders.ts'), 'utf8')).toContain(
      [
        '  const { order, audit } = await prisma.$transaction(async (tx) => {',
        '    const order = await tx.order.create({ data: { total } });',
        '    // Audit rows must never exist without their order.',
        "    const audit = await tx.audit.create({ data: { orderId: order.id, action: 'create' } });",
        '    return { order, audit };',
        '  });',
      ].join('\n'),
    );
    expect(readFileSync(at('payments.ts'), 'utf8')).toContain("import { withTransaction } from './db/withTransaction';");
    expect(typecheck(dir)).toEqual([]);

    const written = readFiles(files);
    const again = runTransform(transform, listSourceFiles(dir), { root: dir });
    expect(again.changed).toEqual([]);
    expect(readFiles(files)).toEqual(written);
  });

  it('writes no helper in a dry run', () => {
    const dir = copyProject('wrap-transaction', 'shop');
    const report = runTransform(transform, listSourceFiles(dir), { root: dir, dry: true });
    expect(report.changed).toContain(path.join(dir, 'src', 'payments.ts'));
    expect(existsSync(path.join(dir, 'src', 'db', 'withTransaction.ts'))).toBe(false);
  });
});
