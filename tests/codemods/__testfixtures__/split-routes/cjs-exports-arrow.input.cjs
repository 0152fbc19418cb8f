const { Router } = require('express');
const { db } = require('./db.cjs');

exports.setupRoutes = (app) => {
  app.get('/v1/invoices', (req, res) => res.json(db.invoices.all()));
  app.post('/v1/payments', (req, res) => res.status(202).json(db.payments.create(req.body)));
  app.get('/v1/invoices/:id', (req, res) => res.json(db.invoices.find(req.params.id)));
};

exports.healthRouter = Router().get('/health', (req, res) => res.send('ok'));
