// Starts the WebAssembly app. This is a file, not an inline script, so the page's
// Content-Security-Policy can stay at script-src 'self' 'wasm-unsafe-eval'.
// Trunk writes the hashed names of the wasm-bindgen JS and the .wasm into two <meta> tags.
const meta = (name) => {
  const el = document.querySelector('meta[name="' + name + '"]');
  return el ? el.getAttribute('content') : null;
};

// 朗读: a button with data-speak="<element id>" reads that element aloud with the browser's own
// Chinese voice; where there is none, <html> never gets .can-speak and the buttons stay hidden.
const synth = window.speechSynthesis;
if (synth && window.SpeechSynthesisUtterance) {
  const voice = () => {
    const voices = synth.getVoices();
    return voices.find((v) => /^zh[-_]CN/i.test(v.lang)) || voices.find((v) => /^(zh|cmn)/i.test(v.lang));
  };
  const mark = () => document.documentElement.classList.toggle('can-speak', Boolean(voice()));
  mark();
  synth.addEventListener('voiceschanged', mark);
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-speak]');
    const chosen = voice();
    if (!button || !chosen) return;
    const speaking = synth.speaking;
    synth.cancel();
    const target = document.getElementById(button.dataset.speak);
    // A second tap while it speaks stops it.
    if (speaking || !target) return;
    const words = new SpeechSynthesisUtterance(target.innerText);
    words.voice = chosen;
    words.lang = chosen.lang;
    words.rate = 0.9;
    synth.speak(words);
  });
}

// 复制: a button with data-copy="<element id>" puts that element's text on the clipboard (the
// sentence a person reads out when asking about a lead); where the browser refuses (WeChat, http),
// the text is selected so a long press copies it. The button says which happened.
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('[data-copy]');
  const target = button && document.getElementById(button.dataset.copy);
  if (!target) return;
  const selectIt = () => {
    const range = document.createRange();
    range.selectNodeContents(target);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = '已选中，请长按复制';
  };
  const clip = navigator.clipboard;
  if (!clip || !clip.writeText) return selectIt();
  clip.writeText(target.innerText).then(() => { button.textContent = '已复制'; }, selectIt);
});

// 重新加载: a button with data-reload opens the page again (the second fetch could not come; a module
// that failed is not fetched again by the same page). The answers are saved on the phone.
document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest('[data-reload]')) location.reload();
});

// The calendar beside a date question (#q-date-picker) writes the picked day into the answer box the
// way the app writes dates (2026年8月1日); the app then reads the box as it reads typing.
document.addEventListener('change', (event) => {
  const picker = event.target;
  const box = document.getElementById('q-input');
  if (picker.id !== 'q-date-picker' || !picker.value || !box) return;
  const [y, m, d] = picker.value.split('-').map(Number);
  box.value = y + '年' + m + '月' + d + '日';
  box.dispatchEvent(new Event('input', { bubbles: true }));
});

try {
  const js = meta('app-js');
  const wasm = meta('app-wasm');
  if (!js || !wasm) throw new Error('app-js / app-wasm meta tags are missing');
  // The wasm is fetched and compiled at once. Where the page painted its static first screen, the
  // app takes it over only once that screen is on the glass: on a fast load the app would otherwise
  // replace it before its first frame, and the page's first paint would wait for the whole bundle.
  const staticScreen = document.getElementById('static-landing');
  // Where the browser reports paints (largest-contentful-paint), the app waits for the report of the
  // screen's paint (a paint replaced before it is presented never reached the eye); elsewhere two
  // frames. A hidden tab draws no frames: then the app starts at once (or when it is hidden meanwhile).
  const painted = new Promise((resolve) => {
    if (!staticScreen || document.visibilityState !== 'visible') return resolve();
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.includes('largest-contentful-paint')) {
      new PerformanceObserver((_, observer) => {
        observer.disconnect();
        resolve();
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    document.addEventListener('visibilitychange', resolve, { once: true });
    setTimeout(resolve, 2000);
  });
  // The wasm is always fetched here, with the hash Trunk wrote on its preload tag (SRI), which
  // `cargo xtask dist` turns into <meta name="app-wasm-integrity"> (pages::head): a file changed on
  // the way or on the host is refused before it is compiled, and the page shows the load-failure
  // message below. (wasm-bindgen's glue fetches without a hash, so the glue is only ever handed the
  // checked module or bytes.)
  const integrity = meta('app-wasm-integrity');
  const fetchWasm = () =>
    fetch(wasm, integrity ? { integrity } : {}).then((response) => {
      if (!response.ok) throw new Error(wasm + ': HTTP ' + response.status);
      return response;
    });
  // Where a static first screen is painted, the wasm is fetched after that paint: on a slow line it
  // would otherwise share the bandwidth with the stylesheet the screen waits for.
  const fetched = painted.then(fetchWasm);
  const compiled = (
    WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetched)
      : fetched.then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes))
  ).catch(() => null);
  const [bindings] = await Promise.all([import(js), painted]);
  const module = await compiled;
  try {
    if (!module) throw new Error('streaming compilation failed');
    await bindings.default({ module_or_path: module });
  } catch (streamingError) {
    // Some in-app browsers (older WeChat builds) fail WebAssembly streaming for reasons other than
    // the MIME type; retry once with the bytes in memory (checked against the hash again: a refused
    // file fails here and the failure message shows).
    const bytes = await (await fetchWasm()).arrayBuffer();
    await bindings.default({ module_or_path: bytes });
  }
  // A Rust panic aborts the wasm (panic = "abort") and leaves a frozen page: say so plainly and offer
  // a reload instead. The answers are already saved on the phone.
  // A box at the top of the page with a message and a 重新加载-style button (DOM calls, no HTML).
  const reloadBox = (id, className, role, message, label) => {
    if (document.getElementById(id)) return null;
    const box = document.createElement('div');
    box.id = id;
    box.className = className;
    box.setAttribute('role', role);
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = label;
    reload.addEventListener('click', () => location.reload());
    box.append(message, reload);
    document.body.prepend(box);
    return reload;
  };
  const onCrash = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    // The staff pages keep no answers: a list being screened lives only in the page's memory.
    const staff = /(staff|list)\.html$/.test(location.pathname);
    const text = staff
      ? '页面出错了。名单只在页面内存里，没有保存：请重新加载页面，再重新载入名单。'
      : '页面出错了。您填写的回答已保存在本机，请重新加载后继续。';
    const reload = reloadBox('crash', 'loading failed', 'alert', text, '重新加载');
    if (reload) reload.focus();
  };
  window.addEventListener('error', (event) => onCrash(event.error));
  window.addEventListener('unhandledrejection', (event) => onCrash(event.reason));
  // Offline after the first visit: the service worker (dist/sw.js, written by `cargo xtask dist`)
  // precaches the built files. Failing to register only loses offline use.
  if ('serviceWorker' in navigator) {
    const hadWorker = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.register('sw.js').catch(() => {});
    // A new release took over while this page runs the old one: say so and reload on a tap, so
    // the page never mixes the two.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (hadWorker) {
        reloadBox('update-ready', 'banner notice update-ready', 'status', '本网站已更新。您的回答已保存在本机。', '使用新版本');
      }
    });
  }
  // 清除我的数据 (the app dispatches `cq-clear-data`): the offline copies go too.
  window.addEventListener('cq-clear-data', () => {
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
    if (worker) {
      worker.postMessage('clear-caches');
    } else if ('caches' in window) {
      caches.keys().then((names) => Promise.all(names.map((n) => caches.delete(n)))).catch(() => {});
    }
  });
} catch (err) {
  const note = document.getElementById('loading');
  if (note) {
    // Built with DOM calls, not innerHTML: the message stays plain text plus one link.
    note.textContent = '页面加载失败，请检查网络后刷新重试。也可以查看';
    const link = document.createElement('a');
    link.href = 'policy.html';
    link.textContent = '政策一览（无需 WebAssembly）';
    note.append(link, '，或拨打 ' + meta('hotline') + ' 咨询。');
    note.classList.add('failed');
  }
  throw err;
}
