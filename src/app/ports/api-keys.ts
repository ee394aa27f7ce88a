import type { ApiKeyScope } from "../../domain/api-key-scopes.ts";

export interface ApiKeyRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface ApiKeyRepo {
  insert(k: ApiKeyRecord, hash: string): Promise<void>;
  list(merchantId: string): Promise<ApiKeyRecord[]>;
  revoke(merchantId: string, idOrPrefix: string, at: Date): Promise<ApiKeyRecord | null>;
  /** The key if not revoked and not expired at `at`. */
  activeByHash(hash: string, at: Date): Promise<ApiKeyRecord | null>;
  /** Records a use (only when the last recorded one is older than a minute). */
  touch(id: string, at: Date): Promise<void>;
}
