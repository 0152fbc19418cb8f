declare module 'pino' {
  interface LogFn {
    (object: object, message?: string): void;
    (message: string): void;
  }
  export interface Logger {
    info: LogFn;
    warn: LogFn;
    error: LogFn;
    debug: LogFn;
  }
  export default function pino(options?: { level?: string }): Logger;
}
