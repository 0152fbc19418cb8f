// users routes, split from cjs-router.input.js by hardening split-routes.

const express = require('express');
const users = require('../../services/users');

const router = express.Router({ mergeParams: true });

router
  .route('/users/:id')
  .get((req, res) => res.json(users.find(req.params.id)))
  .put((req, res) => res.json(users.update(req.params.id, req.body)));

module.exports = router;
