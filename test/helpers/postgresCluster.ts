/**
 * A throw-away PostgreSQL cluster for the tests that run the store on a real server, when
 * this machine has one installed (`initdb`, run as root: the cluster belongs to the
 * postgres user). `BILLKIT_TEST_DATABASE_URL` uses an existing server instead.
 *
 * The server's programs (`initdb` and `pg_ctl`, from one folder) are looked for in order:
 * 1. `BILLKIT_PG_BIN`, a folder holding both (an error when it does not: an explicit choice
 *    never falls back to another version);
 * 2. every major version Debian's `postgresql` package installs, `/usr/lib/postgresql/<N>/bin`,
 *    the highest first (so a newer release is used without editing this file);
 * 3. the first folder of `$PATH` holding both (Homebrew, a source build, `/usr/local/bin`).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

const hasServerPrograms = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/** The folder with `initdb` and `pg_ctl`, found as the doc comment above says; `undefined` when none. */
function findPostgresBin(): string | undefined {
  const override = process.env.BILLKIT_PG_BIN;
  if (override) {
    if (!hasServerPrograms(override)) throw new Error(`BILLKIT_PG_BIN=${override} holds no initdb and pg_ctl.`);
    return override;
  }
  const debian = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((version) => /^\d+(\.\d+)?$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(DEBIAN_ROOT, version, 'bin'))
    : [];
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...debian, ...path].find(hasServerPrograms);
}

const bin = findPostgresBin();
const external = process.env.BILLKIT_TEST_DATABASE_URL;

/** Whether a PostgreSQL can be had here (an external URL, or initdb / pg_ctl and root). */
export const postgresAvailable = Boolean(external || (bin && process.getuid?.() === 0));

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
  const pgCtl = join(bin!, 'pg_ctl');
  as(join(bin!, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  as(pgCtl, ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      as(pgCtl, ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
