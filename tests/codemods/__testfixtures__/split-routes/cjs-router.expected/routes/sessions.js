// sessions routes, split from cjs-router.input.js by hardening split-routes.

const express = require('express');
const users = require('../../services/users');

const router = express.Router({ mergeParams: true });

// Sessions are short-lived.
router.post('/sessions', (req, res) => res.status(201).json({ token: users.login(req.body) }));
router.route('/sessions/:id').delete((req, res) => res.status(204).end());

module.exports = router;
