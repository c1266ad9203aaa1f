/**
 * The little the store needs from a database: parameterised queries, multi-statement
 * scripts (migrations) and transactions. PGlite and PostgreSQL (`pg`) both implement it,
 * so every query of the store is written once.
 */
export interface DbSession {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends DbSession {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: DbSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
