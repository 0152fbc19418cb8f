import express from 'express';

const app = express();

app.get('/report', async (req, res) => {
  try {
    res.json(await buildReport());
  } catch (error) {
    // TODO: alert on-call
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
});

app.get('/scoped', async (req, res) => {
  try {
    const data = await load();
    res.json(data);
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  }
  const data = 1;
  return data;
});
