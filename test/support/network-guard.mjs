/*
 * Preloaded into every Node process of a test run (NODE_OPTIONS=--import=…/network-guard.mjs):
 * any connection or name lookup that leaves this machine fails at once and is written to the
 * file named by VW_NETWORK_LOG, with a stack, so a test can show who tried. Loopback and Unix
 * sockets stay allowed: the dev server, puppeteer and the test's own requests use them.
 *
 * Plain JavaScript, no imports from the project: it runs before anything else is loaded.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const LOG = process.env.VW_NETWORK_LOG;

// This machine: loopback, and the unspecified address a server listens on (any spelling).
const LOCAL = new net.BlockList();
LOCAL.addSubnet('127.0.0.0', 8, 'ipv4');
LOCAL.addAddress('0.0.0.0', 'ipv4');
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addAddress('::', 'ipv6');
LOCAL.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

export function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default is localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const family = net.isIP(h);
  return family !== 0 && LOCAL.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

/** A lookup of an address literal asks no server. */
const needsNoQuery = (hostname) => isLoopback(hostname) || net.isIP(String(hostname)) !== 0;

function record(what) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack?.split('\n').slice(2, 12).join('\n') ?? '';
  Error.stackTraceLimit = limit;
  const line = `[network-guard] pid ${process.pid} (${process.argv.slice(1, 3).join(' ')}): ${what}\n${stack}\n`;
  if (LOG) appendFileSync(LOG, line);
  process.stderr.write(`[network-guard] Netzwerkzugriff abgewiesen: ${what}\n`);
}

function refusal(what) {
  const error = new Error(`network-guard: ${what} refused (tests allow loopback only)`);
  error.code = 'ENETUNREACH';
  return error;
}

// TCP and TLS (http, https, fetch/undici, WebSocket): every client socket goes through Socket#connect.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect() passes its normalised arguments as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let isPath = false;
  if (first && typeof first === 'object') {
    isPath = typeof first.path === 'string';
    host = first.host;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    isPath = true;
  } else {
    host = Array.isArray(args[0]) ? undefined : args[1];
    if (typeof host !== 'string') host = undefined;
  }
  if (isPath || isLoopback(host)) return connect.apply(this, args);
  const port = first && typeof first === 'object' ? first.port : first;
  const what = `TCP-Verbindung zu ${host}:${port}`;
  record(what);
  process.nextTick(() => this.destroy(refusal(what)));
  return this;
};

// Name lookups: a DNS query already leaves the machine.
const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (needsNoQuery(hostname)) return lookup.call(this, hostname, ...rest);
  const what = `DNS-Abfrage „${hostname}“`;
  record(what);
  const callback = rest.find((r) => typeof r === 'function');
  if (callback) process.nextTick(() => callback(refusal(what)));
  return {};
};
const lookupAsync = dns.promises.lookup;
dns.promises.lookup = async function guardedLookupAsync(hostname, ...rest) {
  if (needsNoQuery(hostname)) return lookupAsync.call(this, hostname, ...rest);
  const what = `DNS-Abfrage „${hostname}“`;
  record(what);
  throw refusal(what);
};
for (const resolver of [dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
    const original = resolver[name];
    if (typeof original !== 'function') continue;
    resolver[name] = function guardedResolve(hostname, ...rest) {
      if (isLoopback(hostname)) return original.call(this, hostname, ...rest);
      const what = `DNS-Abfrage „${hostname}“ (${name})`;
      record(what);
      const callback = rest.find((r) => typeof r === 'function');
      if (callback) return void process.nextTick(() => callback(refusal(what)));
      return Promise.reject(refusal(what));
    };
  }
}
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'reverse']) {
  const bound = dns.Resolver.prototype[name];
  if (typeof dns[name] === 'function') dns[name] = (...args) => bound.apply(new dns.Resolver(), args);
}

// UDP.
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  if (address === undefined || isLoopback(address)) return send.apply(this, args);
  const what = `UDP an ${address}`;
  record(what);
  throw refusal(what);
};
