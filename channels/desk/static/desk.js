// Live updates of the service-desk queue: listens to /desk/events and
// reloads the ticket list when the server reports a new version.
'use strict';
(function () {
  const live = document.getElementById('queue-live');
  if (!live || !window.EventSource) {
    return;
  }
  const status = document.getElementById('live-status');
  let busy = false;
  let pending = null;
  const es = new EventSource('/desk/events');
  document.documentElement.dataset.sse = 'connecting';
  es.addEventListener('open', function () {
    document.documentElement.dataset.sse = 'open';
  });
  es.addEventListener('tickets', function (ev) {
    let c;
    try {
      c = JSON.parse(ev.data);
    } catch (e) {
      return;
    }
    if (c.version !== live.dataset.version) {
      refresh(c);
    }
  });

  async function refresh(c) {
    if (busy) {
      pending = c;
      return;
    }
    busy = true;
    try {
      const q = live.dataset.query;
      const res = await fetch('/desk/?partial=1' + (q ? '&' + q : ''), {credentials: 'same-origin'});
      if (res.status === 401) {
        status.textContent = 'Ihre Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu.';
        es.close();
        return;
      }
      if (!res.ok) {
        return;
      }
      const html = await res.text();
      const focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
      live.innerHTML = html;
      live.dataset.version = c.version;
      if (focused) {
        const again = live.querySelector('a[href="' + CSS.escape(focused) + '"]');
        if (again) {
          again.focus();
        }
      }
      if (c.new && c.new.length) {
        status.textContent = (c.new.length === 1 ? 'Neuer Vorgang: ' : 'Neue Vorgänge: ') + c.new.join(', ');
      }
    } catch (e) {
      // network trouble: the next event tries again
    } finally {
      busy = false;
      if (pending) {
        const p = pending;
        pending = null;
        refresh(p);
      }
    }
  }
})();
