'use strict';
// The API cache through the Node binding (node --test bindings/node/test/): TTL and stale window
// on a fake clock, tags and write invalidation, leases, and get-or-fetch with async fetchers
// (single flight in JS on top of get / lease / put: Parley never calls JS from its threads).

const test = require('node:test');
const assert = require('node:assert/strict');

const { Engine, ParleyError, Status } = require('..');

function withEngine(t, config = { cache: { ttlMs: 1000, staleMs: 500, leaseMs: 2000 } }) {
  const engine = new Engine(config);
  t.after(() => engine.close());
  return engine;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('put and get: fresh, stale, gone on the host clock', (t) => {
  const engine = withEngine(t);
  engine.cachePut('sheets:tenants!A1:C50', '[["4B","Amina",450]]', { nowMs: 10_000 });
  const fresh = engine.cacheGet('sheets:tenants!A1:C50', 10_999);
  assert.equal(fresh.value.toString(), '[["4B","Amina",450]]');
  assert.equal(fresh.stale, false);
  assert.equal(engine.cacheGet('sheets:tenants!A1:C50', 11_000).stale, true);
  assert.equal(engine.cacheGet('sheets:tenants!A1:C50', 11_500), null);
  engine.cachePut('bin', Buffer.from([0, 255, 0]), { ttlMs: 10, staleMs: 0, nowMs: 0 });
  assert.deepEqual([...engine.cacheGet('bin', 9).value], [0, 255, 0]);
  const stats = engine.cacheStats();
  assert.equal(stats.schema, 1);
  assert.equal(stats.hits, 2);
  assert.equal(stats.staleHits, 1);
});

test('tags, prefixes and invalidation on write', (t) => {
  const engine = withEngine(t);
  engine.cachePut('sheets:rent!A1:F200', 'r', { tags: ['sheet:rent'], nowMs: 0 });
  engine.cachePut('sheets:rent:unit:12', 'r12', { tags: ['sheet:rent', 'unit:12'], nowMs: 0 });
  assert.equal(engine.cacheInvalidateTag('unit:12'), 1);
  engine.cachePut('sheets:rent:unit:7', 'new', { tags: ['sheet:rent'], invalidates: ['sheet:rent'], nowMs: 1 });
  assert.equal(engine.cacheGet('sheets:rent!A1:F200', 2), null);
  assert.equal(engine.cacheGet('sheets:rent:unit:7', 2).value.toString(), 'new');
  engine.cacheInvalidate('sheets:rent:unit:7');
  engine.cachePut('a:1', 'x', { nowMs: 0 });
  engine.cachePut('a:2', 'x', { nowMs: 0 });
  assert.equal(engine.cacheInvalidatePrefix('a:'), 2);
});

test('leases: one holder until put, release or expiry', (t) => {
  const engine = withEngine(t);
  const lease = engine.cacheLease('k', 100);
  assert.ok(lease > 0);
  assert.equal(engine.cacheLease('k', 200), 0);
  engine.cachePut('k', 'v', { lease, nowMs: 300 });
  assert.equal(engine.cacheGet('k', 301).value.toString(), 'v');
  const again = engine.cacheLease('k', 400);
  engine.cacheRelease('k', again);
  assert.ok(engine.cacheLease('k', 401) > 0);
  assert.ok(engine.cacheLease('k', 2_401) > 0, 'expired after leaseMs');
});

test('cacheFetch: 25 concurrent callers, one async fetch', async (t) => {
  const engine = withEngine(t);
  let clock = 1_000;
  const now = () => clock;
  let calls = 0;
  const fetcher = async (key) => {
    calls += 1;
    await delay(30);
    return { value: `${key}:rows`, tags: ['sheet:tenants'] };
  };
  const results = await Promise.all(Array.from({ length: 25 }, () => engine.cacheFetch('sheets:tenants', fetcher, { now })));
  assert.equal(calls, 1);
  for (const r of results) {
    assert.equal(r.value.toString(), 'sheets:tenants:rows');
    assert.equal(r.stale, false);
  }
  // A hit: no fetch.
  assert.equal((await engine.cacheFetch('sheets:tenants', fetcher, { now })).value.toString(), 'sheets:tenants:rows');
  assert.equal(calls, 1);
  // The reply's tag was stored.
  assert.equal(engine.cacheInvalidateTag('sheet:tenants'), 1);

  // Stale: every caller gets the stale value at once; one background refresh.
  await engine.cacheFetch('sheets:tenants', fetcher, { now });
  assert.equal(calls, 2);
  clock += 1_200;
  const stale = await Promise.all(Array.from({ length: 10 }, () => engine.cacheFetch('sheets:tenants', fetcher, { now })));
  assert.ok(stale.every((r) => r.stale === true));
  await delay(60);
  assert.equal(calls, 3);
  assert.equal(engine.cacheGet('sheets:tenants', clock).stale, false);
});

test('cacheFetch: a failing fetch rejects every caller of a miss and frees the lease', async (t) => {
  const engine = withEngine(t);
  let calls = 0;
  const failing = async () => {
    calls += 1;
    await delay(10);
    throw new Error('sheets is down');
  };
  const settled = await Promise.allSettled(Array.from({ length: 5 }, () => engine.cacheFetch('k', failing, { now: () => 5 })));
  assert.equal(calls, 1);
  assert.ok(settled.every((r) => r.status === 'rejected' && r.reason.message === 'sheets is down'));
  assert.ok(engine.cacheLease('k', 5) > 0, 'the lease was released');
});

test('cacheFetch waits for a lease held elsewhere (another thread or process) without calling the fetcher', async (t) => {
  const engine = withEngine(t);
  const elsewhere = engine.cacheLease('shared', 10);
  assert.ok(elsewhere > 0);
  let calls = 0;
  const pending = engine.cacheFetch('shared', async () => {
    calls += 1;
    return 'mine';
  }, { now: () => 10, pollMs: 5 });
  await delay(30);
  engine.cachePut('shared', 'theirs', { lease: elsewhere, nowMs: 10 });
  const result = await pending;
  assert.equal(result.value.toString(), 'theirs');
  assert.equal(calls, 0);
});

test('bad arguments', (t) => {
  const engine = withEngine(t);
  assert.throws(() => engine.cachePut('', 'v', { nowMs: 0 }), (e) => e instanceof ParleyError && e.status === Status.INVALID_ARGUMENT);
  assert.throws(() => engine.cachePut('k', 'v', { ttlMs: 0, nowMs: 0 }), (e) => e.status === Status.INVALID_ARGUMENT);
  assert.throws(() => engine.cacheGet('k', -1), (e) => e.status === Status.INVALID_ARGUMENT);
  assert.throws(() => engine.cachePut('k', 5), TypeError);
  assert.throws(() => engine.cacheGet('a\0b'), TypeError);
  assert.throws(() => new Engine({ cache: { maxBytes: 1 } }), (e) => e.status === Status.INVALID_CONFIG);
  return assert.rejects(engine.cacheFetch('k', null), TypeError);
});
