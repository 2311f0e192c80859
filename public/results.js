// Starts the results' bundle, the residents' page's second fetch (the app adds this script as it
// starts): the person rules, which judge each answer, and the results' words and code stay out of
// the first load. A file, not an
// inline script, so the Content-Security-Policy can stay at script-src 'self' 'wasm-unsafe-eval'.
// `cargo xtask dist` writes the bundle's hashed names into index.html's results-js and
// results-wasm <meta> tags.
const named = (name) => {
  const el = document.querySelector('meta[name="' + name + '"]');
  return el ? new URL(el.getAttribute('content'), document.baseURI).href : null;
};
const js = named('results-js');
const wasm = named('results-wasm');
const failed = () => window.dispatchEvent(new Event('cq-results-failed'));
if (js && wasm) {
  import(js)
    .then(async (bundle) => {
      await bundle.default({ module_or_path: wasm });
      window.cqResults = bundle.results_html;
      window.cqJudge = bundle.judge;
      window.dispatchEvent(new Event('cq-results'));
    })
    .catch(failed);
} else {
  failed();
}
