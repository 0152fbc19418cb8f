const { fetchUser, fetchOrder } = require('./db');

// Responses cached per id, for every domain.
const cache = new Map();
let pageSize = 20;

function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key);
}

function orderTotal(order) {
  return order.lines.reduce((sum, line) => sum + line.price, 0);
}

module.exports = function registerRoutes(app) {
  app.get('/users', (req, res) => {
    res.json({ pageSize, users: [] });
  });
  app.get('/users/:id', (req, res) => {
    res.json(cached(`user:${req.params.id}`, () => fetchUser(req.params.id)));
  });
  app.get('/orders', (req, res) => {
    res.json({ pageSize, orders: [] });
  });
  app.get('/orders/:id/total', (req, res) => {
    res.json(orderTotal(cached(`order:${req.params.id}`, () => fetchOrder(req.params.id))));
  });
};
