// The service worker. `cargo xtask dist` fills in RELEASE and FILES (xtask/sw.template.js) and writes
// dist/sw.js. It precaches this release of the residents' page so a second visit works offline; the
// other pages' files are kept once fetched, so a resident's phone never downloads them unasked.
const CACHE = 'release-{{RELEASE}}';
const FILES = ['./', {{FILES}}];

// A page is kept under its address without query or fragment: a shared link's answers
// (`#/person/results?answers=…`) and a link's presets never become part of what is stored.
const pageKey = (url) => {
  const u = new URL(url);
  return u.origin + u.pathname;
};

// `cache: 'reload'`: the files come from the server, never from the browser's HTTP cache, so a new
// release's cache cannot hold an old index.html beside the new app files.
const precache = () =>
  caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))));

const keep = (key, response) => {
  // Only a complete same-origin answer is kept: an error page must never become the offline copy.
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(key, copy));
  }
  return response;
};

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// 清除我的数据 (boot.js passes it on): every cache is emptied, then this release's files are fetched
// again so the page still opens offline.
self.addEventListener('message', (event) => {
  if (event.data === 'clear-caches') {
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(names.map((n) => caches.delete(n))))
        .then(precache)
        .catch(() => {}),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, revalidated (a host without Cache-Control must not hand back an old
    // page), so a new release is seen at once; the kept copy offline or when the server errs.
    const key = pageKey(request.url);
    event.respondWith(
      fetch(key, { cache: 'no-cache', credentials: 'same-origin' })
        .then((response) =>
          response.ok
            ? keep(key, response)
            : caches.match(key).then((hit) => hit || response),
        )
        .catch(() => caches.match(key).then((hit) => hit || caches.match('./'))),
    );
    return;
  }
  // Built files never change under their hashed names (and the unhashed ones live in this
  // release's cache): the cache first; the other pages' files are kept once fetched.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((r) => keep(request, r))));
});
