'use strict';
const express = require('express');
const { readFile } = require('node:fs/promises');

const { logger } = require('../../../../src/lib/logger');

const app = express();

app.get('/health', (_req, res) => {
  logger.info('health check');
  res.send('ok');
});

app.listen(3000, () => logger.info({ value: 3000 }, 'listening on'));
