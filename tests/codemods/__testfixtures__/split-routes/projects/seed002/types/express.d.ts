declare module 'express' {
  export interface Request {
    params: Record<string, string>;
    query: Record<string, string | undefined>;
    body: unknown;
  }
  export interface Response {
    status(code: number): Response;
    json(body: unknown): Response;
    send(body?: unknown): Response;
  }
  export type NextFunction = (error?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router {
    get(path: string, ...handlers: Handler[]): Router;
    post(path: string, ...handlers: Handler[]): Router;
    put(path: string, ...handlers: Handler[]): Router;
    patch(path: string, ...handlers: Handler[]): Router;
    delete(path: string, ...handlers: Handler[]): Router;
    all(path: string, ...handlers: Handler[]): Router;
    use(...handlers: Array<Handler | Router>): Router;
    use(path: string, ...handlers: Array<Handler | Router>): Router;
  }
  export interface Express extends Router {
    listen(port: number): void;
  }
  export function Router(): Router;
  export default function express(): Express;
}
