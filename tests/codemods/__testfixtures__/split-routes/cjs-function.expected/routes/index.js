'use strict';

const express = require('express');
const { registerUsersRoutes } = require('./users');
const { registerOrdersRoutes } = require('./orders');

function registerRoutes(app) {
  app.use(express.json());
  registerUsersRoutes(app);
  registerOrdersRoutes(app);
}

module.exports = { registerRoutes };
