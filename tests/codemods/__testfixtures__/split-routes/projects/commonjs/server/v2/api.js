'use strict';

const { Router } = require('express');
const { requireAuth } = require('../auth');
const db = require('../db');

const router = Router({ mergeParams: true });

router.use(requireAuth);

router.get('/users', (req, res) => res.json([...db.users.keys()]));
router
  .route('/orders/:id')
  .get((req, res) => res.json(db.orders.get(req.params.id) || null))
  .put((req, res) => res.json({ ...req.body, id: req.params.id }));
router.get('/users/:id', (req, res) => res.json(db.users.get(req.params.id) || null));
router.all('*', (req, res) => res.status(404).json({ error: 'no such v2 endpoint' }));

module.exports = router;
