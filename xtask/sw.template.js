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

// A navigation must never be answered with a response that followed a redirect: the browser
// refuses it (net::ERR_FAILED) where, without the worker, it would have gone to the new address.
// Such a response (one the precache or `keep` stored when the host redirects, e.g. index.html → ./)
// is served as a fresh response of the same page.
const servable = (response) =>
  response && response.redirected
    ? new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;

// A page never opened here, asked for offline: a page of its own saying so, with the ways to what
// does work offline (this release's pages that were precached). Plain HTML with the site's style
// sheet, no script (the pages' Content-Security-Policy).
const offlinePage = (url) => {
  const style = FILES.find((f) => /^style-[\w]+\.css$/.test(f) || f === 'style.css');
  const page = new URL(url).pathname.split('/').pop() || './';
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    (style ? '<link rel="stylesheet" href="' + style + '">' : '') +
    '<link rel="icon" href="icon.svg" type="image/svg+xml">' +
    '<title>需要联网打开一次 · 重庆就业帮扶政策自助查询</title></head><body><main id="main">' +
    '<h1>重庆就业帮扶政策自助查询</h1>' +
    '<p class="banner notice" id="offline-first-visit" role="status">这一页（' +
    page.replace(/[^\w.-]/g, '') +
    '）还没有在本机联网打开过，离线时无法显示。请连接网络后刷新本页；联网打开一次之后，离线也能使用。</p>' +
    '<p>离线时可以使用：<a href="./" id="offline-home">个人政策自助查询（首页）</a> · ' +
    '<a href="policy.html" id="offline-policy">政策一览</a>。也可以拨打 12333 咨询。</p>' +
    '</main></body></html>';
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, revalidated (a host without Cache-Control must not hand back an old
    // page), so a new release is seen at once; the kept copy offline or when the server errs.
    // `redirect: 'manual'`: a redirect goes back to the browser as it is (an opaque redirect), and
    // the browser follows it as it would without the worker (the address bar shows the new
    // address, which this worker then serves). The request goes out with its query, as the browser
    // would send it, but the page is kept under its address without query.
    const key = pageKey(request.url);
    const kept = () => caches.match(key).then(servable);
    event.respondWith(
      fetch(request.url, { cache: 'no-cache', credentials: 'same-origin', redirect: 'manual' })
        .then((response) => {
          if (response.type === 'opaqueredirect') return response;
          return response.ok ? keep(key, response) : kept().then((hit) => hit || response);
        })
        .catch(() => kept().then((hit) => hit || offlinePage(request.url))),
    );
    return;
  }
  // Built files never change under their hashed names (and the unhashed ones live in this
  // release's cache): the cache first; the other pages' files are kept once fetched.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((r) => keep(request, r))));
});
