import 'express-async-errors';
import express from 'express';

const app = express();

app.get('/', async (req, res) => {
  res.json(await load());
});
