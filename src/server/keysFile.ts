import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomHex } from './crypto/hmac';

/** The secrets the proxy makes on first start and keeps in the data folder. */
export interface ProxyKeys {
  /** Signs and verifies dev session tokens (HS256) unless --jwt-secret / --jwks-url is given. */
  jwtSecret: string;
  /** Signs checkout session ids. */
  signingSecret: string;
  /** Signs webhook deliveries unless --webhook-secret is given. */
  webhookSecret: string;
}

/** `<dataDir>/keys.json` */
export const keysFilePath = (dataDir: string) => join(dataDir, 'keys.json');

/** Fresh random keys (32 bytes each). */
export function generateKeys(): ProxyKeys {
  return { jwtSecret: randomHex(32), signingSecret: randomHex(32), webhookSecret: `whsec_${randomHex(24)}` };
}

/**
 * Reads the data folder's keys, making them on first use. They live in a file (mode
 * 0600), not in the database, because the embedded database cannot be opened by a
 * second process: `billkit-proxy token` must work while the server runs.
 */
export async function loadOrCreateKeys(dataDir: string): Promise<ProxyKeys> {
  const path = keysFilePath(dataDir);
  try {
    const keys = JSON.parse(await readFile(path, 'utf8')) as Partial<ProxyKeys>;
    if (keys.jwtSecret && keys.signingSecret && keys.webhookSecret) return keys as ProxyKeys;
    const merged = { ...generateKeys(), ...keys };
    await writeFile(path, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
    return merged;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const keys = generateKeys();
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    await writeFile(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeys(dataDir);
    throw error;
  }
}
