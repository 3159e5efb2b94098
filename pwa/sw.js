// Magnesium Planner's service worker: keeps every file of one release build in a cache named
// for that build, serves the app from it (so it starts and works with no network), and steps
// aside for a newer build only when the page asks (after the person chose to reload).
// This is the template; scripts/pwa-post-build.mjs writes sw.js into each release build with
// BUILD_ID, PRECACHE and ON_DEMAND filled in from the files that build produced.
//
// Nothing is downloaded twice. On the first visit the page has just fetched every file the app
// needs, so installing takes them from the browser's HTTP cache; an update takes the files it
// shares with the running build (the food table, usually) from that build's cache; only what is
// new comes from the network. Every file is checked against the SHA-256 the build recorded, so
// a stale copy from any cache is never stored in its place.

const BUILD_ID = '__BUILD_ID__';
/** [path, sha256 hex] of the files the app needs to start and work offline. */
const PRECACHE = __PRECACHE__;
/**
 * [path, sha256 hex] of the build's other files (the icons and the manifest): the browser
 * fetches them only when it installs the app or shows a favicon, so they are stored when first
 * asked for rather than downloaded by every first visit.
 */
const ON_DEMAND = __ON_DEMAND__;
const CACHE_PREFIX = 'magnesium-planner-';
const CACHE = `${CACHE_PREFIX}${BUILD_ID}`;

const digestOf = new Map([...PRECACHE, ...ON_DEMAND].map(([path, sha256]) => [new URL(path, self.location).href, sha256]));

/** The response if its body has the SHA-256 this build recorded for `url`, else null. */
async function verified(url, response) {
  if (!response || !response.ok) return null;
  const bytes = await response.clone().arrayBuffer();
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex === digestOf.get(url) ? response : null;
}

/** The build's bytes for `url` from an older build's cache, if one holds exactly them. */
async function fromOlderCaches(url, olderCaches) {
  for (const name of olderCaches) {
    const found = await verified(url, await (await caches.open(name)).match(url));
    if (found) return found;
  }
  return null;
}

/** `fetch` that gives null instead of failing, so the next source can be tried. */
const tryFetch = (url, cacheMode) => fetch(url, { cache: cacheMode }).catch(() => null);

async function precache() {
  const cache = await caches.open(CACHE);
  const olderCaches = (await caches.keys()).filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE);
  const store = async ([path], required) => {
    const url = new URL(path, self.location).href;
    const found =
      (await fromOlderCaches(url, olderCaches)) ??
      // `force-cache` takes what the page has just downloaded, without asking the server again.
      (required ? await verified(url, await tryFetch(url, 'force-cache')) : null) ??
      // `reload` skips the HTTP cache, for a file it did not hold or held stale.
      (required ? await verified(url, await tryFetch(url, 'reload')) : null);
    if (found) await cache.put(url, found);
    // The server no longer serves this build (a newer one was deployed meanwhile): installing
    // fails, and the browser tries again with the newer sw.js.
    else if (required) throw new Error(`${path} is not this build's`);
  };
  await Promise.all([...PRECACHE.map((file) => store(file, true)), ...ON_DEMAND.map((file) => store(file, false))]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is the one page, stored under the folder's address (`./`, as the
      // page was first fetched); its fragment (a share link) never reaches here.
      const url = request.mode === 'navigate' ? new URL('./', self.location).href : request.url;
      const cached = await cache.match(url, { ignoreSearch: true });
      if (cached) return cached;
      // A file of this build asked for the first time (an icon, the manifest): taken from the
      // HTTP cache if the page already downloaded it, else from the network, and kept.
      const path = new URL(url);
      path.search = '';
      if (digestOf.has(path.href)) {
        const found =
          (await verified(path.href, await tryFetch(path.href, 'force-cache'))) ??
          (await verified(path.href, await tryFetch(path.href, 'reload')));
        if (found) {
          await cache.put(path.href, found.clone());
          return found;
        }
      }
      return fetch(request);
    })(),
  );
});
