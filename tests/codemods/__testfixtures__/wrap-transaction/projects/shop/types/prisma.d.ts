declare module '@prisma/client' {
  export interface Delegate<T> {
    create(args: { data: Omit<T, 'id'> }): Promise<T>;
    update(args: { where: { id: string }; data: Partial<T> }): Promise<T>;
    findUnique(args: { where: { id: string } }): Promise<T | null>;
  }
  export interface Order {
    id: string;
    total: number;
  }
  export interface Audit {
    id: string;
    orderId: string;
    action: string;
  }
  export type TransactionClient = Omit<PrismaClient, '$transaction'>;
  export class PrismaClient {
    order: Delegate<Order>;
    audit: Delegate<Audit>;
    $transaction<R>(fn: (tx: TransactionClient) => Promise<R>): Promise<R>;
  }
}
