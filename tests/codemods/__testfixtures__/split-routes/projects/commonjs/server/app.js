'use strict';

const routes = require('./routes');
const v2 = require('./v2/api');

module.exports = function createApp(app) {
  routes.registerRoutes(app);
  app.use('/api/v2', v2);
  require('./admin/routes')(app);
  return app;
};
