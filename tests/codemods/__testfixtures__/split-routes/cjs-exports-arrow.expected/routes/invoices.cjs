// invoices routes, split from cjs-exports-arrow.input.cjs by hardening split-routes.

const { db } = require('../db.cjs');

function registerInvoicesRoutes(app) {
  app.get('/v1/invoices', (req, res) => res.json(db.invoices.all()));
  app.get('/v1/invoices/:id', (req, res) => res.json(db.invoices.find(req.params.id)));
}

module.exports = { registerInvoicesRoutes };
