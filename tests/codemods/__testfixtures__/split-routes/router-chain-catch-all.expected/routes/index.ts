import { Router } from 'express';
import { usersRouter } from './users';
import { teamsRouter } from './teams';
import { miscRouter } from './misc';

export const api = Router();

api.use(usersRouter);
api.use(teamsRouter);
api.use(miscRouter);
