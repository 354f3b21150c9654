/* Warroom dashboard: the pages are complete without this script; it only keeps them current.
   The server sends the key of each changed incident the viewer may see, or "refresh" when changes may have
   been missed; the page fetches itself again and swaps in its live part, so what is shown passes the same
   access rules as a reload. An incident's page only cares about its own incident. */
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !document.querySelector('[data-live]')) {
    return;
  }
  var pending = null;
  var running = false;
  var again = false;

  function refresh() {
    if (running) { again = true; return; }
    running = true;
    fetch(location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live]');
        var current = document.querySelector('[data-live]');
        if (fresh && current) {
          keepOpenDetails(current, fresh);
          current.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () { /* offline or signed out: the next change tries again */ })
      .then(function () {
        running = false;
        if (again) { again = false; refresh(); }
      });
  }

  /* A reader who opened the report keeps it open across refreshes. */
  function keepOpenDetails(current, fresh) {
    var open = current.querySelectorAll('details');
    var next = fresh.querySelectorAll('details');
    for (var i = 0; i < open.length && i < next.length; i++) {
      next[i].open = open[i].open;
    }
  }

  function soon() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  }

  var source = new EventSource('/dashboard/changes');
  source.addEventListener('open', function () {
    document.body.setAttribute('data-live-state', 'connected');
    soon(); /* anything that changed while the page loaded or the stream was down */
  });
  source.addEventListener('message', function (event) {
    var live = document.querySelector('[data-live]');
    var only = live && live.getAttribute('data-live-incident');
    if (!only || event.data === only || event.data === 'refresh') {
      soon();
    }
  });
  source.addEventListener('error', function () {
    document.body.setAttribute('data-live-state', 'reconnecting');
  });
})();
