// users routes, split from cjs-function.input.js by hardening split-routes.
'use strict';

const { db } = require('../db');
const { requireAuth, hasRole: can } = require('../auth');
const { notFound } = require('./shared');

function registerUsersRoutes(app) {
  // Users: admins only.
  app.get('/api/users/:id', requireAuth, (req, res) => {
    const user = db.users.find(req.params.id);
    if (!user) return notFound(res, 'user');
    return res.json(user);
  });
  app.delete('/api/users/:id', requireAuth, (req, res) => {
    if (!can(req.user, 'admin')) return res.status(403).end();
    db.users.remove(req.params.id);
    return res.status(204).end();
  });
}

module.exports = { registerUsersRoutes };
