const { registerUsersRoutes } = require('./users');
const { registerOrdersRoutes } = require('./orders');

module.exports = function registerRoutes(app) {
  registerUsersRoutes(app);
  registerOrdersRoutes(app);
};
