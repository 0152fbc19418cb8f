import rule from '../../src/rules/require-input-validation.js';
import { createRuleTester, withDefaults } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-input-validation', rule, {
  valid: [
    // Parsed data is written (zod parse / safeParse).
    `import { z } from 'zod';
const userSchema = z.object({ name: z.string().max(100), email: z.string().email() });
app.post('/users', async (req, res) => {
  const data = userSchema.parse(req.body);
  res.json(await prisma.user.create({ data }));
});`,
    `app.post('/users', async (req, res) => {
  const parsed = userSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const user = await User.create({ ...parsed.data, role: 'member' });
  res.json(user);
});`,
    // joi validate, the value destructured.
    `router.post('/posts', async (req, res) => {
  const { error, value } = postSchema.validate(req.body);
  if (error) return res.status(400).end();
  await repo.save(value);
});`,
    // Single fields are not mass assignment (without checkFields); a coerced number.
    `app.post('/topics', async (req, res) => {
  const topic = await prisma.topic.create({ data: { name: String(req.body.name), position: Number(req.body.position) } });
  res.json(topic);
});`,
    `app.get('/users/:id', async (req, res) => {
  res.json(await prisma.user.findUnique({ where: { id: req.params.id } }));
});`,
    // Single values in filters are the normal case.
    `router.get('/posts', async (req, res) => {
  res.json(await Post.find({ author: req.query.author, deleted: false }).limit(20));
  res.json(await knex('posts').where({ slug: req.query.slug }));
});`,
    // Route params have the route's keys only.
    `app.get('/orgs/:orgId/users/:id', async (req, res) => {
  res.json(await User.findOne(req.params));
});`,
    // Validation middleware in the route chain.
    `import express from 'express';
import { celebrate, Joi, Segments } from 'celebrate';
const app = express();
app.post('/users', celebrate({ [Segments.BODY]: Joi.object({ name: Joi.string() }) }), async (req, res) => {
  res.json(await User.create(req.body));
});`,
    `import { Router } from 'express';
import { body } from 'express-validator';
const router = Router();
router.post('/signup', body('email').isEmail(), body('name').isLength({ max: 50 }), async (req, res) => {
  await db.insert(users).values(req.body);
});`,
    `const router = require('express').Router();
router.put('/profile', validate(profileSchema), async (req, res) => {
  await prisma.profile.update({ where: { id: req.user.id }, data: req.body });
});`,
    {
      code: `import express from 'express';
const router = express.Router();
router.put('/profile', schemas.profile, async (req, res) => {
  await prisma.profile.update({ where: { id: req.user.id }, data: req.body });
});`,
      options: [withDefaults(rule, { validationMiddleware: ['schemas.profile'] })],
    },
    // express-validator result checked in the handler.
    `router.post('/signup', async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  await User.create(req.body);
});`,
    // Logging and echoing the body are other rules' concern; spreading the query to build a link.
    `app.post('/debug', (req, res) => {
  console.log({ ...req.body });
  logger.info({ ...req.body, at: Date.now() });
  res.json({ ...req.body, received: true });
  res.render('form', { ...req.body, error: 'Try again' });
});`,
    `app.get('/list', (req, res) => {
  const next = new URLSearchParams({ ...req.query, page: '2' });
  res.json({ next: \`/list?\${next}\` });
});`,
    // A spread given to a schema is how validation starts.
    `app.patch('/posts/:id', async (req, res) => {
  const input = updateSchema.parse({ ...req.body, id: req.params.id });
  await postRepository.save(input);
});`,
    // Same method names on things that are not databases.
    `app.post('/webhook', (req, res) => {
  const signature = crypto.createHmac('sha256', SECRET).update(req.body).digest('hex');
  const copy = Object.create(req.body);
  cache.set(req.body);
  res.json({ signature, copy });
});`,
    `function create(data) { return data; }
app.post('/x', (req, res) => { res.json(create(req.body)); });`,
    // Not request input: a plain function parameter.
    `export async function saveUser(input: NewUser) {
  return prisma.user.create({ data: input });
}`,
    // NestJS DTO bodies are validated by class-validator.
    `import { Body, Controller, Post } from '@nestjs/common';
@Controller('users')
export class UsersController {
  constructor(private readonly usersRepository: Repository<User>) {}
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.usersRepository.save(dto);
  }
}`,
    // Repository-style storage methods given single values.
    `app.patch('/users/:id', async (req, res) => {
  res.json(await storage.updateUser(req.body.id, { name: req.body.name }));
});`,
    // Object.assign into a fresh object is a copy, checked where it goes (here: a response).
    `app.post('/preview', (req, res) => {
  res.json(Object.assign({}, req.body, { preview: true }));
});`,
    // The demo app's fixed settings route.
    `router.put('/settings', requireAdmin, async (req, res) => {
  const input = settingsSchema.parse(req.body);
  const settings = { updatedAt: new Date().toISOString(), ...input };
  await pool.query('UPDATE app_settings SET value = $1 WHERE id = 1', [JSON.stringify(settings)]);
  res.json(settings);
});`,
    // Type-only positions and test-like code outside handlers.
    `type Body = typeof req.body;
const sample = { ...fixtures.body };
await User.create(sample);`,
  ],
  invalid: [
    // Prisma: the body as data.
    {
      code: `app.post('/users', async (req, res) => {
  const user = await prisma.user.create({ data: req.body });
  res.json(user);
});`,
      errors: [{ messageId: 'unvalidatedWrite', data: { source: '`req.body`' }, line: 2, column: 49, endColumn: 57 }],
    },
    // Prisma update with a spread, and a where built from the whole query.
    {
      code: `router.patch('/users/:id', async (req, res) => {
  await prisma.user.update({ where: { id: req.params.id }, data: { ...req.body, updatedAt: new Date() } });
  const found = await prisma.user.findMany({ where: req.query });
});`,
      errors: [
        { messageId: 'unvalidatedSpread', data: { source: '`req.body`' }, line: 2, column: 68, endColumn: 79 },
        { messageId: 'unvalidatedFilter', data: { source: '`req.query`' }, line: 3, column: 53, endColumn: 62 },
      ],
    },
    // Drizzle insert and update.
    {
      code: `import { db } from '../db';
app.post('/posts', async (req, res) => {
  await db.insert(posts).values(req.body);
  await db.update(posts).set(req.body.changes).where(eq(posts.id, req.params.id));
});`,
      errors: [
        { messageId: 'unvalidatedWrite', line: 3, column: 33 },
        { messageId: 'unvalidatedWrite', line: 4, column: 30 },
      ],
    },
    // Mongoose: Model.create, new Model, findOneAndUpdate; NoSQL filter from the query.
    {
      code: `import User from '../models/User';
router.post('/users', async (req, res) => {
  await User.create(req.body);
  const doc = new User(req.body);
  await User.findOneAndUpdate({ _id: req.params.id }, { $set: req.body });
  res.json(await User.find(req.query));
});`,
      errors: [
        { messageId: 'unvalidatedWrite', line: 3, column: 21 },
        { messageId: 'unvalidatedWrite', line: 4, column: 24 },
        { messageId: 'unvalidatedWrite', line: 5, column: 63 },
        { messageId: 'unvalidatedFilter', data: { source: '`req.query`' }, line: 6, column: 28 },
      ],
    },
    // TypeORM repository and manager.
    {
      code: `router.post('/orders', async (req, res) => {
  const order = orderRepository.create(req.body);
  await this.ordersRepo.update(req.params.id, req.body);
  await dataSource.manager.save(Order, req.body);
});`,
      errors: [
        { messageId: 'unvalidatedWrite', line: 2, column: 40 },
        { messageId: 'unvalidatedWrite', line: 3, column: 47 },
        { messageId: 'unvalidatedWrite', line: 4, column: 40 },
      ],
    },
    // Mass assignment with Object.assign and lodash merge (namespace and named imports).
    {
      code: `import * as _ from 'lodash';
import { merge as deepMerge } from 'lodash';
router.put('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  Object.assign(user, req.body);
  _.merge(user.settings, req.body.settings);
  deepMerge(req.session, req.body);
  await user.save();
});`,
      errors: [
        { messageId: 'unvalidatedAssign', data: { callee: 'Object.assign', source: '`req.body`' }, line: 5, column: 23 },
        { messageId: 'unvalidatedAssign', data: { callee: '_.merge', source: '`req.body`' }, line: 6, column: 26 },
        { messageId: 'unvalidatedAssign', data: { callee: 'deepMerge', source: '`req.body`' }, line: 7, column: 26 },
      ],
    },
    // A spread passed on to a service, through a constant; the demo app's settings route.
    {
      code: `router.post('/accounts', async (req, res) => {
  const payload = { ...req.body, ownerId: req.user.id };
  res.json(await accountService.open(payload));
});
router.put('/settings', requireAdmin, async (req, res) => {
  const settings = { updatedAt: new Date().toISOString(), ...req.body };
  await pool.query('UPDATE app_settings SET value = $1 WHERE id = 1', [JSON.stringify(settings)]);
  res.json(settings);
});`,
      errors: [
        { messageId: 'unvalidatedSpread', line: 2, column: 21, endColumn: 32 },
        { messageId: 'unvalidatedSpread', line: 6, column: 59, endColumn: 70 },
      ],
    },
    // mysql SET ? expands the object into columns; Knex insert and where.
    {
      code: `const mysql = require('mysql2/promise');
app.post('/items', async (req, res) => {
  await conn.query('INSERT INTO items SET ?', req.body);
  await conn.execute('UPDATE items SET ? WHERE id = ?', [req.body, req.params.id]);
  await knex('items').insert(req.body);
  const rows = await knex('items').where(req.query);
});`,
      filename: 'items.js',
      errors: [
        { messageId: 'unvalidatedWrite', line: 3, column: 47 },
        { messageId: 'unvalidatedWrite', line: 4, column: 58 },
        { messageId: 'unvalidatedWrite', line: 5, column: 30 },
        { messageId: 'unvalidatedFilter', line: 6, column: 42 },
      ],
    },
    // Next.js route handler: the parsed JSON body written whole; the rest of a destructured body.
    {
      code: `import { prisma } from '@/lib/prisma';
export async function POST(request: Request) {
  const body = await request.json();
  const post = await prisma.post.create({ data: body });
  const { id, ...changes } = body;
  await prisma.post.update({ where: { id }, data: changes });
  return Response.json(post);
}`,
      filename: 'app/api/posts/route.ts',
      errors: [
        { messageId: 'unvalidatedWrite', data: { source: '`request.json()`' }, line: 4, column: 49 },
        { messageId: 'unvalidatedWrite', data: { source: '`request.json()`' }, line: 6, column: 51 },
      ],
    },
    // NestJS: an untyped body parameter.
    {
      code: `import { Body, Controller, Post, Query } from '@nestjs/common';
@Controller('users')
export class UsersController {
  constructor(private readonly userModel: Model<User>) {}
  @Post()
  create(@Body() body: Record<string, unknown>) {
    return this.userModel.create(body);
  }
  @Post('search')
  search(@Query() query: any) {
    return this.userModel.find(query);
  }
}`,
      errors: [
        { messageId: 'unvalidatedWrite', data: { source: '`@Body()`' }, line: 7, column: 34 },
        { messageId: 'unvalidatedFilter', data: { source: '`@Query()`' }, line: 11, column: 32 },
      ],
    },
    // Mongo driver collection; CommonJS.
    {
      code: `const { MongoClient } = require('mongodb');
app.post('/events', async (req, res) => {
  await db.collection('events').insertOne(req.body);
  await eventsCollection.deleteMany(req.body);
});`,
      filename: 'events.cjs',
      errors: [
        { messageId: 'unvalidatedWrite', line: 3, column: 43 },
        { messageId: 'unvalidatedFilter', line: 4, column: 37 },
      ],
    },
    // An alias of the body, an unrelated middleware in the chain, TSX.
    {
      code: `router.post('/notes', requireAuth, async (req: Request, res) => {
  const input = req.body as NoteInput;
  await Note.bulkCreate(input.items);
  return <div />;
});`,
      filename: 'notes.tsx',
      errors: [{ messageId: 'unvalidatedWrite', line: 3, column: 25 }],
    },
    // A filter spread from the query; a body spread given to another API (Stripe decides the price).
    {
      code: `router.get('/posts', async (req, res) => {
  res.json(await Post.find({ ...req.query, deleted: false }));
});
router.post('/checkout', async (req, res) => {
  const session = await stripe.checkout.sessions.create({ ...req.body, success_url: SUCCESS_URL });
  res.json({ url: session.url });
});`,
      errors: [
        { messageId: 'unvalidatedFilter', data: { source: '`req.query`' }, line: 2, column: 30, endColumn: 42 },
        { messageId: 'unvalidatedSpread', data: { source: '`req.body`' }, line: 5, column: 59, endColumn: 70 },
      ],
    },
    // Clients the data-access model knows: an injected repository, a Mongoose document, a storage method.
    {
      code: `import { Body, Controller, Put } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  @Put()
  replace(@Body() body: any) {
    return this.users.save(body);
  }
}`,
      errors: [{ messageId: 'unvalidatedWrite', data: { source: '`@Body()`' }, line: 9, column: 28 }],
    },
    {
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
router.put('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  user.set(req.body);
  await storage.createAuditEntry(req.body);
});`,
      errors: [
        { messageId: 'unvalidatedWrite', line: 5, column: 12 },
        { messageId: 'unvalidatedWrite', line: 6, column: 34 },
      ],
    },
    // checkFields: single values written without validation.
    {
      code: `app.post('/topics', async (req, res) => {
  await prisma.topic.create({ data: { name: req.body.name, position: Number(req.body.position), slug: req.params.slug } });
});`,
      options: [withDefaults(rule, { checkFields: true })],
      errors: [
        { messageId: 'unvalidatedField', data: { source: '`req.body`' }, line: 2, column: 45 },
        { messageId: 'unvalidatedField', data: { source: '`req.params`' }, line: 2, column: 103 },
      ],
    },
  ],
});
