/**
 * What the shared global setup (packages/testing/src/global-setup.ts) provides;
 * @booky/testing declares the same, but db cannot import it (it depends on db).
 */
declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export {};
