import { createRequire } from 'node:module';

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

const require$g = createRequire(import.meta.url);
function __require$f() { return require$g("node:assert"); }

const require$f = createRequire(import.meta.url);
function __require$e() { return require$f("node:net"); }

const require$e = createRequire(import.meta.url);
function __require$d() { return require$e("node:http"); }

const require$d = createRequire(import.meta.url);
function __require$c() { return require$d("node:stream"); }

const require$c = createRequire(import.meta.url);
function __require$b() { return require$c("node:buffer"); }

const require$b = createRequire(import.meta.url);
function __require$a() { return require$b("node:util"); }

const require$a = createRequire(import.meta.url);
function __require$9() { return require$a("node:querystring"); }

const require$9 = createRequire(import.meta.url);
function __require$8() { return require$9("node:events"); }

const require$8 = createRequire(import.meta.url);
function __require$7() { return require$8("node:diagnostics_channel"); }

const require$7 = createRequire(import.meta.url);
function __require$6() { return require$7("node:tls"); }

const require$6 = createRequire(import.meta.url);
function __require$5() { return require$6("node:zlib"); }

const require$5 = createRequire(import.meta.url);
function __require$4() { return require$5("node:perf_hooks"); }

const require$4 = createRequire(import.meta.url);
function __require$3() { return require$4("node:util/types"); }

const require$3 = createRequire(import.meta.url);
function __require$2() { return require$3("node:worker_threads"); }

const require$2 = createRequire(import.meta.url);
function __require$1() { return require$2("node:url"); }

const require$1 = createRequire(import.meta.url);
function __require() { return require$1("node:async_hooks"); }

export { __require$f as _, __require$d as a, __require$c as b, __require$e as c, __require$9 as d, __require$8 as e, __require as f, getDefaultExportFromCjs as g, __require$b as h, __require$7 as i, __require$a as j, __require$6 as k, __require$5 as l, __require$2 as m, __require$4 as n, __require$3 as o, __require$1 as p, commonjsGlobal as q };
