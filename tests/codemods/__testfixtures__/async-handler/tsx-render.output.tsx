import express from 'express';
import { renderToString } from 'react-dom/server';
import { Page } from './Page.js';
import { asyncHandler } from './middleware/asyncHandler.js';

const app = express();

app.get('/page/:id', asyncHandler(async (req, res) => {
  const data = await load(req.params.id);
  res.send(renderToString(<Page data={data} />));
}));

app.get('/raw', asyncHandler(async (req, res) => {
  // hardening-codemod: this catch only logs and sends a 500, but unwrapping its try would redeclare `res`
  try {
    const res = await fetchUpstream();
    req.body = res;
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
}));
