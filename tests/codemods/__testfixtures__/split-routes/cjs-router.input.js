const express = require('express');
const { requireAuth } = require('../auth');
const users = require('../services/users');

const router = express.Router({ mergeParams: true });

router.use(requireAuth);

router
  .route('/users/:id')
  .get((req, res) => res.json(users.find(req.params.id)))
  .put((req, res) => res.json(users.update(req.params.id, req.body)));

// Sessions are short-lived.
router.post('/sessions', (req, res) => res.status(201).json({ token: users.login(req.body) }));
router.route('/sessions/:id').delete((req, res) => res.status(204).end());

// Anything else under this router: a JSON 404, registered last.
router.all('*', (req, res) => res.status(404).json({ error: 'not found' }));

module.exports = router;
