'use strict';

function requireAuth(req, res, next) {
  next();
}

function hasRole(user, role) {
  return user !== undefined && user.role === role;
}

module.exports = { requireAuth, hasRole };
