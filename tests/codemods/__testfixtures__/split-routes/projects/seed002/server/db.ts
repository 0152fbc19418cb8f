export interface Content {
  id: string;
  title: string;
}

export const db = {
  async findContent(id: string): Promise<Content | undefined> {
    return id === '' ? undefined : { id, title: 'x' };
  },
  async listContent(limit: number): Promise<Content[]> {
    return limit > 0 ? [] : [];
  },
  async search(term: string): Promise<Content[]> {
    return term === '' ? [] : [];
  },
};
