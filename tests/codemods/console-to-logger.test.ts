import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import transform from '../../codemods/console-to-logger.js';
import { runTransform } from '../../codemods/lib/run.js';
import { copyProject, defineFixtureTests, listSourceFiles, typecheck } from './harness.js';

describe('console-to-logger', () => {
  defineFixtureTests('console-to-logger', transform, 10);

  describe('on a project', () => {
    it('migrates server files, creates the logger module, skips client and test code, and type-checks', () => {
      const dir = copyProject('console-to-logger', 'server');
      const loggerFile = path.join(dir, 'src/lib/logger.ts');
      const files = listSourceFiles(dir);

      const dry = runTransform(transform, files, { root: dir, dry: true });
      expect(dry.changed.map((file) => path.relative(dir, file))).toEqual(['src/routes/users.ts', 'src/server.ts']);
      expect(existsSync(loggerFile)).toBe(false);

      const first = runTransform(transform, files, { root: dir });
      expect(first.changed.map((file) => path.relative(dir, file))).toEqual(['src/routes/users.ts', 'src/server.ts']);
      expect(first.skipped.map((line) => path.relative(dir, line))).toEqual([
        "src/components/Banner.tsx: 1:1 client code (React component or 'use client'): console calls left alone",
        'src/server.ts: 8:5 console.time has no structured-logger equivalent: left as is',
        'src/users.test.ts: 1:1 test file: console calls left alone',
      ]);
      expect(readFileSync(loggerFile, 'utf8')).toBe("import pino from 'pino';\n\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });\n");
      expect(readFileSync(path.join(dir, 'src/server.ts'), 'utf8')).toBe(
        [
          '// HTTP entry point.',
          "import { listUsers } from './routes/users';",
          '',
          "import { logger } from './lib/logger';",
          '',
          'export async function start(port: number): Promise<void> {',
          '  try {',
          '    const users = await listUsers();',
          "    logger.info({ port, usersLength: users.length }, 'server listening on with users');",
          '    // hardening-codemod: console.time has no structured-logger equivalent: left as is',
          "    console.time('boot');",
          '  } catch (error) {',
          "    logger.error({ err: error }, 'failed to start');",
          '  }',
          '}',
          '',
        ].join('\n'),
      );
      expect(readFileSync(path.join(dir, 'src/routes/users.ts'), 'utf8')).toContain("import { logger } from '../lib/logger';\n");
      expect(typecheck(dir)).toEqual([]);

      const second = runTransform(transform, listSourceFiles(dir), { root: dir });
      expect(second.changed).toEqual([]);
    });
  });
});
