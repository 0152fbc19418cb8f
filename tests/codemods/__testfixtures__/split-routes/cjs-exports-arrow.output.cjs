module.exports = require('./routes/index.cjs');
