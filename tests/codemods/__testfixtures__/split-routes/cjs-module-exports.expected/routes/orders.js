// orders routes, split from cjs-module-exports.input.js by hardening split-routes.

const { fetchOrder } = require('../db');
const { pageSize, cached } = require('./shared');

function orderTotal(order) {
  return order.lines.reduce((sum, line) => sum + line.price, 0);
}

function registerOrdersRoutes(app) {
  app.get('/orders', (req, res) => {
    res.json({ pageSize, orders: [] });
  });
  app.get('/orders/:id/total', (req, res) => {
    res.json(orderTotal(cached(`order:${req.params.id}`, () => fetchOrder(req.params.id))));
  });
}

module.exports = { registerOrdersRoutes };
