// payments routes, split from cjs-exports-arrow.input.cjs by hardening split-routes.

const { db } = require('../db.cjs');

function registerPaymentsRoutes(app) {
  app.post('/v1/payments', (req, res) => res.status(202).json(db.payments.create(req.body)));
}

module.exports = { registerPaymentsRoutes };
