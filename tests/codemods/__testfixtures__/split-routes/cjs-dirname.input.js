const path = require('path');

function registerRoutes(app) {
  app.get('/users', (req, res) => res.json([]));
  app.get('/docs', (req, res) => {
    res.sendFile(path.join(__dirname, 'public', 'docs.html'));
  });
}

module.exports = registerRoutes;
