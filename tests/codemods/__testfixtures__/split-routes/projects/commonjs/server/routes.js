// Every HTTP route of the shop, registered on the Express app.
'use strict';

const express = require('express');
const db = require('./db');
const { requireAuth, hasRole: can } = require('./auth');
require('./instrumentation');

// Lookups cached per key, for every domain.
const cache = new Map();

function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key);
}

/** Sends a 404 with a readable message. */
function notFound(res, what) {
  return res.status(404).json({ error: `${what} not found` });
}

function orderTotal(order) {
  return order.lines.reduce((sum, line) => sum + line.price, 0);
}

function registerRoutes(app) {
  app.use(express.json());

  app.get('/api/health', (req, res) => res.json({ events: db.events }));
  // Users: reads are public, deletes need an admin.
  app
    .route('/api/users/:id')
    .get((req, res) => {
      const user = cached(`user:${req.params.id}`, () => db.users.get(req.params.id));
      return user ? res.json(user) : notFound(res, 'user');
    })
    .delete(requireAuth, (req, res) => {
      if (!can(req.user, 'admin')) return res.status(403).end();
      return res.status(204).end();
    });
  app.get('/api/orders/:id', requireAuth, (req, res) => {
    const order = cached(`order:${req.params.id}`, () => db.orders.get(req.params.id));
    return order ? res.json({ ...order, total: orderTotal(order) }) : notFound(res, 'order');
  });
  app.post('/api/orders', requireAuth, (req, res) => res.status(201).json({ total: orderTotal(req.body) }));
  app.get('/api/users', (req, res) => res.json([...db.users.values()]));
  app.get('/api/cache', (req, res) => res.json({ size: cache.size }));
  // The SPA answers everything else: must stay last.
  app.get('*', (req, res) => res.send('<!doctype html>'));
}

module.exports = { registerRoutes };
