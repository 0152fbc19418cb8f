'use strict';
const express = require('express');
const { readFile } = require('node:fs/promises');

const app = express();

app.get('/health', (_req, res) => {
  console.log('health check');
  res.send('ok');
});

app.listen(3000, () => console.log(`listening on ${3000}`));
