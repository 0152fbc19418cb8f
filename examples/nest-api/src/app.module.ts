import { Module } from '@nestjs/common';

import { AuthController } from './auth/auth.controller';
import { UploadsController } from './uploads/uploads.controller';
import { UsersController } from './users/users.controller';

@Module({
  controllers: [AuthController, UsersController, UploadsController],
})
export class AppModule {}
