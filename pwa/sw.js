// Magnesium Planner's service worker: keeps every file of one release build in a cache named
// for that build, serves the app from it (so it starts and works with no network), and steps
// aside for a newer build only when the page asks (after the person chose to reload).
// This is the template; scripts/pwa-post-build.mjs writes sw.js into each release build with
// BUILD_ID and PRECACHE filled in from the files that build produced.

const BUILD_ID = '__BUILD_ID__';
const PRECACHE = __PRECACHE__;
const CACHE_PREFIX = 'magnesium-planner-';
const CACHE = `${CACHE_PREFIX}${BUILD_ID}`;

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache, so the build's own files are stored, not stale copies.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
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
      // Every page of the app is the one page; its fragment (a share link) never reaches here.
      const cached =
        request.mode === 'navigate'
          ? await cache.match('index.html')
          : await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
