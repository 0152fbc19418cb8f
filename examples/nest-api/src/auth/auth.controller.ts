import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { IsEmail, IsString, MinLength } from 'class-validator';

import { UsersRepository } from '../users/users.repository';

class LoginDto {
  @IsEmail()
  email!: string;

  @IsString()
  @MinLength(12)
  password!: string;
}

@Controller('auth')
export class AuthController {
  constructor(private readonly users: UsersRepository) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto): Promise<{ userId: string }> {
    const user = await this.users.findByEmail(dto.email);
    if (!user || !(await bcrypt.compare(dto.password, user.passwordHash))) {
      throw new UnauthorizedException('Invalid email or password');
    }
    return { userId: user.id };
  }
}
