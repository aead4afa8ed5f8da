import { AsyncLocalStorage } from "node:async_hooks";
import {
  Kysely,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type Driver,
  type KyselyConfig,
  type QueryCompiler,
  type TransactionBuilder,
  type TransactionSettings,
} from "kysely";

/**
 * Marks the code running inside one store's transaction callback. A query through the
 * store's own `db` from there is a bug: on SQLite the single connection is held by the
 * transaction, so the query waits for it forever (the process just exits with code 13);
 * on PostgreSQL it runs on another connection that cannot see the transaction's writes.
 * The scope turns that bug into an immediate, named error.
 */
export class TransactionScope {
  readonly #storage = new AsyncLocalStorage<true>();

  run<T>(callback: () => Promise<T>): Promise<T> {
    return this.#storage.run(true, callback);
  }

  get active(): boolean {
    return this.#storage.getStore() === true;
  }
}

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      "A query went through the store's db while a transaction was open in the same call; " + "pass the transaction (trx) to every read and write inside it.",
    );
    this.name = "QueryOutsideTransactionError";
  }
}

/** Kysely whose transaction callbacks run inside the store's {@link TransactionScope}. */
export class ScopedKysely<DB> extends Kysely<DB> {
  readonly #scope: TransactionScope;

  constructor(config: KyselyConfig, scope: TransactionScope) {
    super(config);
    this.#scope = scope;
  }

  override transaction(): TransactionBuilder<DB> {
    return scoped(super.transaction(), this.#scope);
  }
}

/** Wraps `execute` (also after `setIsolationLevel`/`setAccessMode`) so the callback runs in scope. */
function scoped<DB>(builder: TransactionBuilder<DB>, scope: TransactionScope): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, property) {
      if (property === "execute") {
        return <T>(callback: Parameters<TransactionBuilder<DB>["execute"]>[0] & ((trx: never) => Promise<T>)) =>
          target.execute((trx) => scope.run(() => callback(trx as never)));
      }
      if (property === "setIsolationLevel" || property === "setAccessMode") {
        return (value: never) => scoped(target[property](value), scope);
      }
      return Reflect.get(target, property, target) as unknown;
    },
  });
}

/** A dialect whose driver refuses connections asked for from inside the scope. */
export function scopedDialect(inner: KyselyDialect, scope: TransactionScope): KyselyDialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new ScopedDriver(inner.createDriver(), scope),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: (): QueryCompiler => inner.createQueryCompiler(),
  };
}

class ScopedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly scope: TransactionScope,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    if (this.scope.active) return Promise.reject(new QueryOutsideTransactionError());
    return this.inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    if (!this.inner.savepoint) throw new Error("savepoints are not supported by this driver");
    return this.inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error("savepoints are not supported by this driver");
    return this.inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error("savepoints are not supported by this driver");
    return this.inner.releaseSavepoint(connection, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
