const { Router } = require('express');
const { registerInvoicesRoutes } = require('./invoices.cjs');
const { registerPaymentsRoutes } = require('./payments.cjs');

exports.setupRoutes = (app) => {
  registerInvoicesRoutes(app);
  registerPaymentsRoutes(app);
};

exports.healthRouter = Router().get('/health', (req, res) => res.send('ok'));
