// misc routes, split from cjs-router.input.js by hardening split-routes.

const express = require('express');

const router = express.Router({ mergeParams: true });

// Anything else under this router: a JSON 404, registered last.
router.all('*', (req, res) => res.status(404).json({ error: 'not found' }));

module.exports = router;
