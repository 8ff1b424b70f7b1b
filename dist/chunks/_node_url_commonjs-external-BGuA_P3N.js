const { createRequire } = process.getBuiltinModule('node:module');

const require$g = createRequire(import.meta.url);
function __require$f() { return require$g("node:assert"); }

const require$f = createRequire(import.meta.url);
function __require$e() { return require$f("node:async_hooks"); }

const require$e = createRequire(import.meta.url);
function __require$d() { return require$e("node:stream"); }

const require$d = createRequire(import.meta.url);
function __require$c() { return require$d("node:http"); }

const require$c = createRequire(import.meta.url);
function __require$b() { return require$c("node:net"); }

const require$b = createRequire(import.meta.url);
function __require$a() { return require$b("node:querystring"); }

const require$a = createRequire(import.meta.url);
function __require$9() { return require$a("node:events"); }

const require$9 = createRequire(import.meta.url);
function __require$8() { return require$9("node:buffer"); }

const require$8 = createRequire(import.meta.url);
function __require$7() { return require$8("node:diagnostics_channel"); }

const require$7 = createRequire(import.meta.url);
function __require$6() { return require$7("node:util"); }

const require$6 = createRequire(import.meta.url);
function __require$5() { return require$6("node:tls"); }

const require$5 = createRequire(import.meta.url);
function __require$4() { return require$5("node:zlib"); }

const require$4 = createRequire(import.meta.url);
function __require$3() { return require$4("node:perf_hooks"); }

const require$3 = createRequire(import.meta.url);
function __require$2() { return require$3("node:util/types"); }

const require$2 = createRequire(import.meta.url);
function __require$1() { return require$2("node:worker_threads"); }

const require$1 = createRequire(import.meta.url);
function __require() { return require$1("node:url"); }

export { __require$f as _, __require$c as a, __require$d as b, __require$b as c, __require$a as d, __require$9 as e, __require$e as f, __require$8 as g, __require$7 as h, __require$6 as i, __require$5 as j, __require$4 as k, __require$1 as l, __require$3 as m, __require$2 as n, __require as o };
