/**
 * A throw-away PostgreSQL cluster for the tests that run the store on a real server, when
 * this machine has one installed (`initdb`, run as root: the cluster belongs to the
 * postgres user). `BILLKIT_TEST_DATABASE_URL` uses an existing server instead.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const initdb = ['/usr/local/bin/initdb', '/usr/lib/postgresql/15/bin/initdb'].find((p) => existsSync(p));
const external = process.env.BILLKIT_TEST_DATABASE_URL;

/** Whether a PostgreSQL can be had here (an external URL, or initdb and root). */
export const postgresAvailable = Boolean(external || (initdb && process.getuid?.() === 0));

/** A running cluster (or the external server) and how to stop it. */
export interface PostgresCluster {
  url: string;
  /** Stops and removes a cluster this helper started; an external server is left alone. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster in a temp folder on a free loopback port (or answers the external URL). */
export async function startPostgresCluster(name: string): Promise<PostgresCluster> {
  if (external) return { url: external, stop: () => {} };
  const dir = mkdtempSync(join(tmpdir(), `billkit-${name}-`));
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  chownSync(dir, uid, uid);
  const port = await freePort();
  const as = (cmd: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' });
  const pgCtl = join(initdb!, '..', 'pg_ctl');
  as(initdb!, ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  as(pgCtl, ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      as(pgCtl, ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
