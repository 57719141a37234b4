// Preloaded (`node --require`) by test/robustness/noNetwork.test.ts: every way Node can reach the
// network throws, and each attempt is appended to $DRAFTLINT_NET_LOG, so a test can prove that
// linting never tried to connect (SPEC §9 "never phone home").
"use strict";
const fs = require("node:fs");
const LOG = process.env.DRAFTLINT_NET_LOG;

function blocked(what) {
  return function () {
    if (LOG) fs.appendFileSync(LOG, `${what} ${JSON.stringify(Array.from(arguments).slice(0, 2), (_, v) => (typeof v === "function" ? "[fn]" : v))}\n`);
    throw new Error(`network access blocked in test: ${what}`);
  };
}

const net = require("node:net");
net.Socket.prototype.connect = blocked("net.Socket.connect");
net.connect = net.createConnection = blocked("net.connect");
const tls = require("node:tls");
tls.connect = blocked("tls.connect");
const dns = require("node:dns");
for (const k of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "resolveMx", "resolveTxt", "resolveCname", "resolveNs", "reverse", "lookupService"]) {
  if (typeof dns[k] === "function") dns[k] = blocked(`dns.${k}`);
  if (dns.promises && typeof dns.promises[k] === "function") dns.promises[k] = blocked(`dns.promises.${k}`);
}
for (const mod of ["node:http", "node:https"]) {
  const m = require(mod);
  m.request = blocked(`${mod}.request`);
  m.get = blocked(`${mod}.get`);
}
const http2 = require("node:http2");
http2.connect = blocked("http2.connect");
const dgram = require("node:dgram");
dgram.createSocket = blocked("dgram.createSocket");
globalThis.fetch = blocked("fetch");
if (typeof globalThis.WebSocket === "function") globalThis.WebSocket = blocked("WebSocket");
