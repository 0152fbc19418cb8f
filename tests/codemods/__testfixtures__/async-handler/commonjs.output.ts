const express = require('express');
const { findUser } = require('./users');
const { asyncHandler } = require('./middleware/asyncHandler');

const router = express.Router();

router.get('/users/:id', asyncHandler(async (req, res) => {
  const user = await findUser(req.params.id);
  res.json(user);
}));

module.exports = router;
