// Starts the WebAssembly app. This is a file, not an inline script, so the page's
// Content-Security-Policy can stay at script-src 'self' 'wasm-unsafe-eval'.
// Trunk writes the hashed names of the wasm-bindgen JS and the .wasm into two <meta> tags.
const meta = (name) => {
  const el = document.querySelector('meta[name="' + name + '"]');
  return el ? el.getAttribute('content') : null;
};

try {
  const js = meta('app-js');
  const wasm = meta('app-wasm');
  if (!js || !wasm) throw new Error('app-js / app-wasm meta tags are missing');
  const bindings = await import(js);
  await bindings.default({ module_or_path: wasm });
} catch (err) {
  const note = document.getElementById('loading');
  if (note) {
    note.textContent = '页面加载失败，请检查网络后刷新重试。如仍无法打开，请拨打 12333 咨询。';
    note.classList.add('failed');
  }
  throw err;
}
