declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    body: unknown;
    user?: string;
  }
  export interface Response {
    status(code: number): Response;
    json(body: unknown): Response;
    send(body?: unknown): Response;
    sendStatus(code: number): Response;
  }
  export type NextFunction = (err?: unknown) => void;
  export type RequestHandler = (req: Request, res: Response, next: NextFunction) => void;
  export type ErrorRequestHandler = (err: unknown, req: Request, res: Response, next: NextFunction) => void;
  export interface Route {
    get(...handlers: RequestHandler[]): Route;
    post(...handlers: RequestHandler[]): Route;
    delete(...handlers: RequestHandler[]): Route;
  }
  export interface Router {
    get(path: string, ...handlers: RequestHandler[]): Router;
    post(path: string, ...handlers: RequestHandler[]): Router;
    delete(path: string, ...handlers: RequestHandler[]): Router;
    use(...handlers: RequestHandler[]): Router;
    use(path: string, ...handlers: Array<RequestHandler | Router>): Router;
    use(handler: ErrorRequestHandler): Router;
    route(path: string): Route;
  }
  export interface Express extends Router {
    listen(port: number): void;
  }
  export function Router(): Router;
  interface ExpressFactory {
    (): Express;
    Router(): Router;
    json(): RequestHandler;
  }
  const express: ExpressFactory;
  export default express;
}

declare module 'express-async-errors' {}
