import express from 'express';

import api, { router } from './api';

const app = express();
app.use('/api', api);
app.use('/v2', router);
app.listen(3000);
