// users routes, split from cjs-module-exports.input.js by hardening split-routes.

const { fetchUser } = require('../db');
const { pageSize, cached } = require('./shared');

function registerUsersRoutes(app) {
  app.get('/users', (req, res) => {
    res.json({ pageSize, users: [] });
  });
  app.get('/users/:id', (req, res) => {
    res.json(cached(`user:${req.params.id}`, () => fetchUser(req.params.id)));
  });
}

module.exports = { registerUsersRoutes };
