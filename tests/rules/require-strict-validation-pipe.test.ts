import rule from '../../src/rules/require-strict-validation-pipe.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-strict-validation-pipe', rule, {
  valid: [
    // The seed's fixed configuration.
    `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: true },
}));`,
    // Options from a constant that has them.
    `import { ValidationPipe } from '@nestjs/common';
const validationOptions = { whitelist: true, forbidNonWhitelisted: true, transform: true };
app.useGlobalPipes(new ValidationPipe(validationOptions));`,
    // Through a spread of a local constant.
    `import { ValidationPipe } from '@nestjs/common';
const strict = { whitelist: true, forbidNonWhitelisted: true };
export const pipe = new ValidationPipe({ ...strict, transform: true });`,
    // A spread whose contents cannot be seen may set them.
    `import { ValidationPipe } from '@nestjs/common';
import { baseOptions } from './config';
app.useGlobalPipes(new ValidationPipe({ ...baseOptions, transform: true }));`,
    // Options built elsewhere.
    `import { ValidationPipe } from '@nestjs/common';
export function makePipe(options) { return new ValidationPipe(options); }`,
    `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe(getValidationOptions()));`,
    // A value that is not known statically.
    `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: config.strict, forbidNonWhitelisted: config.strict }));`,
    // Another library's ValidationPipe, and a local one.
    `import { ValidationPipe } from 'nestjs-zod-pipes';
app.useGlobalPipes(new ValidationPipe());`,
    `class ValidationPipe { transform(value) { return value; } }
export const pipe = new ValidationPipe();`,
    // Type-only positions, subclassing, instanceof.
    `import { ValidationPipe } from '@nestjs/common';
let pipe: ValidationPipe | undefined;
export class StrictPipe extends ValidationPipe {}
export const isPipe = (value: unknown) => value instanceof ValidationPipe;`,
    // Only whitelist required when forbidNonWhitelisted is not.
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: true }));`,
      options: [{ requireForbidNonWhitelisted: false }],
    },
    // CommonJS with the strict options.
    {
      code: `const { ValidationPipe } = require('@nestjs/common');
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
      filename: 'main.js',
    },
    // Look-alike property names on something else.
    `import { ValidationPipe } from '@nestjs/common';
const settings = { whitelist: false };
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
  ],
  invalid: [
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe());`,
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 2,
          column: 20,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ transform: true }));`,
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    // Explicit `whitelist: false`: reported at the property.
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: false, forbidNonWhitelisted: true }));`,
      errors: [
        {
          messageId: 'whitelistDisabled',
          line: 2,
          column: 41,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    // whitelist alone: unknown properties are dropped silently.
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(
  new ValidationPipe({
    whitelist: true,
    transform: true,
  }),
);`,
      errors: [
        {
          messageId: 'notForbidding',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(
  new ValidationPipe({
    whitelist: true,
    transform: true,
    forbidNonWhitelisted: true,
  }),
);`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: false }));`,
      errors: [
        {
          messageId: 'notForbidding',
          line: 2,
          column: 58,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    // Aliased import, in a @UsePipes decorator.
    {
      code: `import { Controller, Post, UsePipes, ValidationPipe as VP } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  @UsePipes(new VP({ transform: true }))
  create() {}
}`,
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 5,
          column: 13,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { Controller, Post, UsePipes, ValidationPipe as VP } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  @UsePipes(new VP({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
  create() {}
}`,
            },
          ],
        },
      ],
    },
    // Namespace import.
    {
      code: `import * as common from '@nestjs/common';
app.useGlobalPipes(new common.ValidationPipe());`,
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import * as common from '@nestjs/common';
app.useGlobalPipes(new common.ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    // CommonJS: destructured require and member require.
    {
      code: `const { ValidationPipe } = require('@nestjs/common');
app.useGlobalPipes(new ValidationPipe());`,
      filename: 'main.js',
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `const { ValidationPipe } = require('@nestjs/common');
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    {
      code: `const common = require('@nestjs/common');
app.useGlobalPipes(new common.ValidationPipe({}));`,
      filename: 'main.cjs',
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `const common = require('@nestjs/common');
app.useGlobalPipes(new common.ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
    // Options in a constant: the suggestion edits the constant.
    {
      code: `import { ValidationPipe } from '@nestjs/common';
const pipeOptions = { transform: true };
app.useGlobalPipes(new ValidationPipe(pipeOptions));`,
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
const pipeOptions = { transform: true, whitelist: true, forbidNonWhitelisted: true };
app.useGlobalPipes(new ValidationPipe(pipeOptions));`,
            },
          ],
        },
      ],
    },
    // APP_PIPE provider with useClass: Nest creates the pipe with its defaults.
    {
      code: `import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
@Module({ providers: [{ provide: APP_PIPE, useClass: ValidationPipe }] })
export class AppModule {}`,
      errors: [
        {
          messageId: 'pipeClassDefaults',
          line: 3,
          column: 54,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
@Module({ providers: [{ provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }) }] })
export class AppModule {}`,
            },
          ],
        },
      ],
    },
    // The class passed to a decorator.
    {
      code: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
@Controller('posts')
export class PostsController {
  @Post()
  @UsePipes(ValidationPipe)
  create(@Body() dto: CreatePostDto) {}
}`,
      errors: [
        {
          messageId: 'pipeClassDefaults',
          line: 5,
          column: 13,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
@Controller('posts')
export class PostsController {
  @Post()
  @UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
  create(@Body() dto: CreatePostDto) {}
}`,
            },
          ],
        },
      ],
    },
    // A parameter-level pipe without options, TSX file.
    {
      code: `import { Body, ValidationPipe } from '@nestjs/common';
export class C {
  create(@Body(new ValidationPipe()) dto: CreateDto) { return <div>{dto.name}</div>; }
}`,
      filename: 'controller.tsx',
      errors: [
        {
          messageId: 'notWhitelisting',
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { Body, ValidationPipe } from '@nestjs/common';
export class C {
  create(@Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) dto: CreateDto) { return <div>{dto.name}</div>; }
}`,
            },
          ],
        },
      ],
    },
    // Alias through a variable.
    {
      code: `import { ValidationPipe } from '@nestjs/common';
const Pipe = ValidationPipe;
app.useGlobalPipes(new Pipe({ whitelist: false }));`,
      errors: [
        {
          messageId: 'whitelistDisabled',
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'addStrictOptions',
              output: `import { ValidationPipe } from '@nestjs/common';
const Pipe = ValidationPipe;
app.useGlobalPipes(new Pipe({ whitelist: true, forbidNonWhitelisted: true }));`,
            },
          ],
        },
      ],
    },
  ],
});
