import express from 'express';
import { renderToString } from 'react-dom/server';
import { Page } from './Page.js';

const app = express();

app.get('/page/:id', async (req, res) => {
  try {
    const data = await load(req.params.id);
    res.send(renderToString(<Page data={data} />));
  } catch (error) {
    logger.error({ error }, 'render failed');
    return res.status(500).send('<h1>Something went wrong</h1>');
  }
});

app.get('/raw', async (req, res) => {
  try {
    const res = await fetchUpstream();
    req.body = res;
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
});
