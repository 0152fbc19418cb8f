'use strict';

require('./db').events.push('instrumented');
