const OpenAI = require('openai');
const path = require('node:path');

const ai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

module.exports = { ai, root: path.resolve('.') };
