module.exports = require('./routes/index');
