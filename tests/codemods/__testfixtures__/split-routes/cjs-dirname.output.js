const path = require('path');

function registerRoutes(app) {
  app.get('/users', (req, res) => res.json([]));
  // hardening-codemod: this route uses __dirname, which resolves from the file it is written in: moved to another folder, it would point elsewhere
  app.get('/docs', (req, res) => {
    res.sendFile(path.join(__dirname, 'public', 'docs.html'));
  });
}

module.exports = registerRoutes;
