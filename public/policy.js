// policy.html without this script is complete; with it, the page gains a keyword search over the
// benefits, its links back into the self-check keep the link's presets (?district=…), and 大字模式
// follows the app's setting (the same localStorage key and value as app/src/storage.rs), with its own
// switch. Loaded in <head> without defer, so the large text is on before the first paint.
(function () {
  'use strict';
  var PREFS_KEY = 'cq-jiuye-bangfu.prefs.v1';
  var root = document.documentElement;
  function largeSaved() {
    try { return localStorage.getItem(PREFS_KEY) === 'large-text'; } catch (e) { return false; }
  }
  function saveLarge(on) {
    try {
      if (on) localStorage.setItem(PREFS_KEY, 'large-text'); else localStorage.removeItem(PREFS_KEY);
    } catch (e) { /* not kept where storage is refused */ }
  }
  root.classList.toggle('large-text', largeSaved());

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', page);
  else page();

  function page() {
    // 大字模式 switch, as in the app's settings.
    var header = document.querySelector('header');
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.id = 'large-text';
    toggle.className = 'large-toggle';
    var show = function () {
      var on = root.classList.contains('large-text');
      toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      toggle.textContent = on ? '大字模式：已开启' : '大字模式：已关闭';
    };
    toggle.addEventListener('click', function () {
      var on = !root.classList.contains('large-text');
      root.classList.toggle('large-text', on);
      saveLarge(on);
      show();
    });
    show();
    if (header) {
      var title = header.querySelector('h1');
      header.insertBefore(toggle, title ? title.nextSibling : header.firstChild);
    }
    // The app's settings changed it in another tab.
    window.addEventListener('storage', function (ev) {
      if (ev.key !== PREFS_KEY && ev.key !== null) return;
      root.classList.toggle('large-text', largeSaved());
      show();
    });

    var main = document.querySelector('main');
    if (!main) return;

    // Links into the self-check carry the query this page was opened with (a staff link's district).
    var search = window.location.search;
    if (search) {
      var links = document.querySelectorAll('a[data-app-link]');
      for (var i = 0; i < links.length; i++) links[i].setAttribute('href', './' + search + links[i].hash);
    }

    var groups = main.querySelectorAll('.audience-group');
    var sections = main.querySelectorAll('section[id]');
    var box = document.createElement('div');
    box.className = 'search';
    box.innerHTML =
      '<label for="policy-search">搜索（例如：交通、创业、培训）</label>' +
      '<input id="policy-search" type="search" autocomplete="off">' +
      '<p id="policy-count" role="status" aria-live="polite"></p>';
    main.insertBefore(box, main.firstChild);
    var input = box.querySelector('input');
    var count = box.querySelector('p');
    // Each benefit's words, read once: its name, clause, the notice's text, conditions and documents.
    var texts = [];
    for (var s = 0; s < sections.length; s++) texts.push(sections[s].textContent);

    input.addEventListener('input', function () {
      var words = input.value.split(/\s+/).filter(function (w) { return w; });
      var found = 0;
      for (var k = 0; k < sections.length; k++) {
        var hit = words.every(function (w) { return texts[k].indexOf(w) >= 0; });
        sections[k].hidden = !hit;
        if (hit) found++;
      }
      for (var g = 0; g < groups.length; g++) {
        groups[g].hidden = !groups[g].querySelector('section[id]:not([hidden])');
      }
      count.textContent = !words.length ? '' :
        found ? '找到 ' + found + ' 项' : '没有找到相关政策，请换个词试试。';
    });
  }
})();
