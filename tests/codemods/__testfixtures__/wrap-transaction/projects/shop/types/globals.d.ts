declare function fetch(url: string, init?: { method?: string; body?: string }): Promise<unknown>;
