// HTTP routes of the shop.
'use strict';

require('./instrumentation');

module.exports = require('./routes/index');
