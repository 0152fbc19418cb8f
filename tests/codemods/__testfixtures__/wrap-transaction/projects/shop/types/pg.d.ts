declare module 'pg' {
  export interface QueryResult {
    rows: unknown[];
    rowCount: number | null;
  }
  export interface PoolClient {
    query(text: string, values?: unknown[]): Promise<QueryResult>;
    release(): void;
  }
  export class Pool {
    constructor(config?: { max?: number });
    connect(): Promise<PoolClient>;
    query(text: string, values?: unknown[]): Promise<QueryResult>;
  }
}
