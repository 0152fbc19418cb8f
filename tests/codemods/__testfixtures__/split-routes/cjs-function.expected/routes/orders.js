// orders routes, split from cjs-function.input.js by hardening split-routes.
'use strict';

const { db } = require('../db');
const { requireAuth } = require('../auth');
const pricing = require('../pricing');
const { notFound } = require('./shared');

function registerOrdersRoutes(app) {
  app.post('/api/orders', requireAuth, (req, res) => {
    res.status(201).json({ total: pricing.total(req.body.items) });
  });
  app.get('/api/orders/:id', (req, res) => {
    const order = db.orders.find(req.params.id);
    if (!order) return notFound(res, 'order');
    return res.json(order);
  });
}

module.exports = { registerOrdersRoutes };
