// staff.html only, run before anything else of the page: the list screening moved from
// staff.html#/list to a page of its own, list.html; a bookmark or printed link of the old address
// opens it (with the same query), and so does the fragment changed to it later. A plain script in
// the head, so the link builder is never drawn, nor its wasm fetched, on the way.
(function () {
  var move = function () {
    if (location.hash === '#/list') location.replace('list.html' + location.search);
  };
  move();
  window.addEventListener('hashchange', move);
})();
