'use strict';

const db = require('../db');

// Called as `require('./admin/routes')(app)`.
module.exports = function setupRoutes(app) {
  app.get('/admin/users', (req, res) => res.json({ count: db.users.size }));
  app.post('/admin/events/clear', (req, res) => {
    db.events.length = 0;
    res.status(204).end();
  });
  app.get('/admin/users/:id', (req, res) => res.json(db.users.get(req.params.id) || null));
};
