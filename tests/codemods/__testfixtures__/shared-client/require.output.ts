const path = require('node:path');

import { openai as ai } from './src/config/openai';

module.exports = { ai, root: path.resolve('.') };
