'use strict';

/** Sends a 404 with a readable message. */
function notFound(res, what) {
  res.status(404).json({ error: `${what} not found` });
}

module.exports = { notFound };
