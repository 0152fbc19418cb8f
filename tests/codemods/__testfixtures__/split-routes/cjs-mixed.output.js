import { db } from './db';

// hardening-codemod: this file mixes import/export with require/module.exports: make it one module system before splitting it
const express = require('express');

function registerRoutes(app) {
  app.use(express.json());
  app.get('/users', (req, res) => res.json(db.users.all()));
  app.get('/orders', (req, res) => res.json(db.orders.all()));
}

module.exports = { registerRoutes };
