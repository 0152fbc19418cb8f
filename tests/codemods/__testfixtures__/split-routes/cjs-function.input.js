// HTTP routes of the shop.
'use strict';

const express = require('express');
const { db } = require('./db');
const { requireAuth, hasRole: can } = require('./auth');
const pricing = require('./pricing');
require('./instrumentation');

/** Sends a 404 with a readable message. */
function notFound(res, what) {
  res.status(404).json({ error: `${what} not found` });
}

function registerRoutes(app) {
  app.use(express.json());

  // Users: admins only.
  app.get('/api/users/:id', requireAuth, (req, res) => {
    const user = db.users.find(req.params.id);
    if (!user) return notFound(res, 'user');
    return res.json(user);
  });
  app.post('/api/orders', requireAuth, (req, res) => {
    res.status(201).json({ total: pricing.total(req.body.items) });
  });
  app.get('/api/orders/:id', (req, res) => {
    const order = db.orders.find(req.params.id);
    if (!order) return notFound(res, 'order');
    return res.json(order);
  });
  app.delete('/api/users/:id', requireAuth, (req, res) => {
    if (!can(req.user, 'admin')) return res.status(403).end();
    db.users.remove(req.params.id);
    return res.status(204).end();
  });
}

module.exports = { registerRoutes };
