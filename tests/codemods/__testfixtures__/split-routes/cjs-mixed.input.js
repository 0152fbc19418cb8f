import { db } from './db';

const express = require('express');

function registerRoutes(app) {
  app.use(express.json());
  app.get('/users', (req, res) => res.json(db.users.all()));
  app.get('/orders', (req, res) => res.json(db.orders.all()));
}

module.exports = { registerRoutes };
