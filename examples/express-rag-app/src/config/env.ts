function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is required`);
  }
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  frontendUrl: process.env.FRONTEND_URL ?? 'http://localhost:5173',
  logLevel: process.env.LOG_LEVEL || 'info',
  jwtExpiresIn: process.env.JWT_EXPIRES_IN || '1h',
  sessionSecret: process.env.SESSION_SECRET || 'dev-secret-change-in-production',
  openaiApiKey: required('OPENAI_API_KEY'),
  processingDir: process.env.PROCESSING_DIR ?? '/tmp/processing',
};
