const express = require('express');
const { requireAuth } = require('../../auth');
const usersRouter = require('./users');
const sessionsRouter = require('./sessions');
const miscRouter = require('./misc');

const router = express.Router({ mergeParams: true });

router.use(requireAuth);

router.use(usersRouter);
router.use(sessionsRouter);
router.use(miscRouter);

module.exports = router;
