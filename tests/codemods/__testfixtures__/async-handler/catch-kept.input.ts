import express from 'express';

const app = express();

app.get('/users/:id', async (req, res) => {
  try {
    const user = await findUser(req.params.id);
    res.json(user);
  } catch (error) {
    if (error instanceof NotFoundError) {
      return res.status(404).json({ error: 'Not found' });
    }
    console.error(error);
    res.status(500).json({ error: 'Server error' });
  }
});

app.post('/upload', async (req, res, next) => {
  const file = await saveUpload(req);
  try {
    await scan(file);
    res.sendStatus(201);
  } catch (error) {
    await removeUpload(file);
    next(error);
  }
});

app.put('/jobs/:id', async (req, res) => {
  try {
    await runJob(req.params.id);
    res.sendStatus(204);
  } catch (error) {
    console.error(error);
    res.status(500).json({ error: 'Failed' });
  } finally {
    release(req.params.id);
  }
});
