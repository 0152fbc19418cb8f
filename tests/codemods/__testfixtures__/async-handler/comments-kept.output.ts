import express from 'express';
import { asyncHandler } from './middleware/asyncHandler';

const app = express();

app.get('/report', asyncHandler(async (req, res) => {
  // hardening-codemod: this catch only logs and sends a 500 but carries comments: remove it by hand
  try {
    res.json(await buildReport());
  } catch (error) {
    // TODO: alert on-call
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
}));

app.get('/scoped', asyncHandler(async (req, res) => {
  // hardening-codemod: this catch only logs and sends a 500, but unwrapping its try would redeclare `data`
  try {
    const data = await load();
    res.json(data);
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
  const data = 1;
  return data;
}));
