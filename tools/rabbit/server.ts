/**
 * A throw-away RabbitMQ node for tests: Debian's rabbitmq-server started as the current user, on loopback ports nobody
 * else uses, with its data, logs and configuration in a temporary directory that goes when the node stops.
 *
 * Nothing is shared with a RabbitMQ the machine may run: the node has its own name, its own epmd (Erlang's port mapper)
 * on a port of its own, its own Erlang cookie (HOME is the temporary directory) and its own user. A watchdog process
 * stops the node and removes the directory if the test process dies without stopping it (an interrupt, a crash).
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Debian's /usr/sbin/rabbitmq-server is a wrapper that switches to the `rabbitmq` user when run as root and writes to
 * /var/log/rabbitmq; the scripts it wraps run the node as whoever calls them, configured by environment variables.
 */
const BIN = '/usr/lib/rabbitmq/bin';
const INSTALLED = '/usr/sbin/rabbitmq-server';

export const INSTALL_HINT =
  'RabbitMQ is not installed: the differential suite needs a real RabbitMQ server (Debian\'s rabbitmq-server, 3.10 or later). ' +
  'Install it with `sudo apt-get install rabbitmq-server` (.ci/run does this in CI).';

export interface RabbitOptions {
  /** Virtual hosts to create at boot (the user may use each); `/` always exists. */
  vhosts?: string[];
  /**
   * How often a channel checks its consumers' ack deadlines (rabbit's `channel_tick_interval`, 60 s by default): a
   * `consumer_timeout` shorter than that fires only at the next tick (rabbit_channel:evaluate_consumer_timeout).
   */
  channelTickMs?: number;
  /** How long to wait for the node to accept AMQP connections. */
  bootTimeoutMs?: number;
}

export interface RabbitServer {
  readonly node: string;
  readonly port: number;
  /** Milliseconds from spawning the node to its first AMQP connection. */
  readonly startupMs: number;
  /** An amqp:// URL for a virtual host (default `/`). */
  url(vhost?: string): string;
  /** rabbitmqctl against this node; resolves with its standard output. */
  ctl(...args: string[]): Promise<string>;
  /** Evaluates an Erlang expression on the node (`rabbitmqctl eval`). */
  eval(expression: string): Promise<string>;
  /** `rabbitmqctl stop_app` then `start_app`: the broker restarts inside the same Erlang node. */
  restart(): Promise<void>;
  /** Stops the node and epmd, and removes the directory. Safe to call twice. */
  stop(): Promise<void>;
}

const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True once something accepts a TCP connection on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The AMQP handshake and login succeed (a listening port alone comes a moment before the broker is ready). */
async function amqpReady(url: string): Promise<boolean> {
  const { connect } = await import('amqplib');
  try {
    const c = await connect(url);
    await c.close();
    return true;
  } catch {
    return false;
  }
}

/** rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)), as definitions files carry it. */
function passwordHash(password: string): string {
  const salt = randomBytes(4);
  const digest = createHash('sha256').update(Buffer.concat([salt, Buffer.from(password, 'utf8')])).digest();
  return Buffer.concat([salt, digest]).toString('base64');
}

/** Signals a process group, ignoring one that is already gone. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * A detached node process that outlives the test process: once that dies, it stops the RabbitMQ node (SIGTERM, then
 * SIGKILL), ends epmd and removes the directory. It exits by itself when the node is gone.
 */
const WATCHDOG = `
const [parent, server, epmd, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const kill = (pid, sig) => { try { process.kill(pid, sig); } catch {} };
const timer = setInterval(() => {
  if (!alive(-server) && !alive(+epmd)) { clearInterval(timer); return; }
  if (alive(+parent)) return;
  clearInterval(timer);
  kill(-server, 'SIGTERM');
  setTimeout(() => {
    kill(-server, 'SIGKILL');
    kill(-epmd, 'SIGKILL');
    require('node:fs').rmSync(dir, { recursive: true, force: true });
  }, 5000);
}, 500);
`;

export async function startRabbit(options: RabbitOptions = {}): Promise<RabbitServer> {
  if (!existsSync(INSTALLED) || !existsSync(join(BIN, 'rabbitmq-server'))) throw new Error(INSTALL_HINT);
  try {
    return await boot(options);
  } catch (error) {
    // A port found free can be taken by another process before the node binds it: once more, with other ports.
    if (error instanceof Error && /eaddrinuse/i.test(error.message)) return boot(options);
    throw error;
  }
}

async function boot(options: RabbitOptions): Promise<RabbitServer> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'eventlab-rabbit-'));
  const node = `eventlab-${process.pid}-${randomBytes(3).toString('hex')}@localhost`;
  const [port, distPort, epmdPort, ctlPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const user = 'eventlab';
  const password = randomBytes(12).toString('hex');
  const vhosts = ['/', ...(options.vhosts ?? []).filter((v) => v !== '/')];

  // Definitions imported at boot create the user and the virtual hosts before the listener opens (rabbit.erl,
  // maybe_load_definitions then rabbit_networking:boot), so no rabbitmqctl call per vhost is needed.
  writeFileSync(
    join(dir, 'definitions.json'),
    JSON.stringify({
      users: [{ name: user, password_hash: passwordHash(password), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: ['administrator'] }],
      vhosts: vhosts.map((name) => ({ name })),
      permissions: vhosts.map((vhost) => ({ user, vhost, configure: '.*', write: '.*', read: '.*' })),
    }),
  );
  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    [`load_definitions = ${join(dir, 'definitions.json')}`, 'log.console = false', 'log.file.level = info', ''].join('\n'),
  );
  writeFileSync(join(dir, 'advanced.config'), `[{rabbit, [{channel_tick_interval, ${options.channelTickMs ?? 60000}}]}].\n`);
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '');

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: dir, // the Erlang cookie is created here, and only this node and its rabbitmqctl read it
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_CTL_DIST_PORT_MIN: String(ctlPort),
    RABBITMQ_CTL_DIST_PORT_MAX: String(ctlPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'), // not /etc/rabbitmq/rabbitmq-env.conf
  };

  // Our own epmd, in the foreground so that we hold its pid; the node registers with it instead of starting one.
  const epmd = spawn('epmd', ['-port', String(epmdPort)], { env, detached: true, stdio: 'ignore' });
  const out = join(dir, 'server.out');
  const log = join(dir, 'log', `${node}.log`);
  writeFileSync(out, '');
  let server: ChildProcess | undefined;
  let stopped = false;
  let exited = false;

  const cleanupSync = () => {
    if (server?.pid) killGroup(server.pid, 'SIGKILL');
    if (epmd.pid) killGroup(epmd.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanupSync);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', cleanupSync);
    if (server?.pid) {
      // SIGTERM makes the Erlang VM stop the node in order (init:stop); SIGKILL only if it hangs.
      killGroup(server.pid, 'SIGTERM');
      for (let i = 0; i < 100 && !exited; i++) await sleep(100);
      killGroup(server.pid, 'SIGKILL');
    }
    if (epmd.pid) killGroup(epmd.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };

  const ctl = async (...args: string[]) => {
    const { stdout } = await run(join(BIN, 'rabbitmqctl'), ['-n', node, ...args], { env, cwd: dir, timeout: 60_000 });
    return stdout;
  };
  const url = (vhost = '/') =>
    `amqp://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(vhost)}?heartbeat=0`;

  const waitReady = async (deadline: number) => {
    while (performance.now() < deadline) {
      if (exited) throw new Error(`rabbitmq-server exited during boot:\n${tail(out)}\n${tail(log)}`);
      if ((await accepts(port)) && (await amqpReady(url()))) return;
      await sleep(100);
    }
    throw new Error(`rabbitmq-server did not accept AMQP connections on 127.0.0.1:${port} in time:\n${tail(out)}\n${tail(log)}`);
  };

  try {
    for (let i = 0; i < 50 && !(await accepts(epmdPort)); i++) await sleep(20);
    server = spawn(join(BIN, 'rabbitmq-server'), [], {
      env,
      cwd: dir,
      detached: true, // a process group of its own: the VM and its helpers stop together
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => appendOut(out, d));
    server.stderr?.on('data', (d: Buffer) => appendOut(out, d));
    server.once('exit', () => (exited = true));
    spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(server.pid), String(epmd.pid), dir], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    await waitReady(performance.now() + (options.bootTimeoutMs ?? 120_000));
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = performance.now() - started;

  return {
    node,
    port,
    startupMs,
    url,
    ctl,
    eval: (expression) => ctl('eval', expression),
    restart: async () => {
      await ctl('stop_app');
      await ctl('start_app');
      await waitReady(performance.now() + 60_000);
    },
    stop,
  };
}

function appendOut(file: string, data: Buffer): void {
  try {
    writeFileSync(file, data, { flag: 'a' });
  } catch {
    // the directory is gone: the node is being stopped
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no output)';
  }
}
