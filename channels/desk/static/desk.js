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

// Live transcript of a web chat on the case page: new entries are appended
// (existing ones, with any review being typed, stay untouched).
(function () {
  const list = document.getElementById('transcript');
  if (!list || !list.dataset.liveSrc) {
    return;
  }
  const status = document.getElementById('transcript-status');
  let busy = false;
  async function poll() {
    if (busy) {
      return;
    }
    busy = true;
    try {
      const res = await fetch(list.dataset.liveSrc + '?from=' + encodeURIComponent(list.dataset.count), {credentials: 'same-origin'});
      if (res.status === 401) {
        status.textContent = 'Ihre Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu.';
        clearInterval(timer);
        return;
      }
      if (res.status !== 200) {
        return;
      }
      const count = res.headers.get('X-Entry-Count');
      const tpl = document.createElement('template');
      tpl.innerHTML = await res.text();
      const items = Array.from(tpl.content.children).filter(function (n) { return n.tagName === 'LI'; });
      items.forEach(function (li) { list.appendChild(li); });
      if (count) {
        list.dataset.count = count;
      }
      const last = items.length ? items[items.length - 1].querySelector('.who') : null;
      if (last) {
        status.textContent = 'Neue Nachricht im Gespräch: ' + last.textContent;
      }
    } catch (e) {
      // network trouble: try again at the next tick
    } finally {
      busy = false;
    }
  }
  const timer = setInterval(poll, 2000);
})();

// Typing in the reply to a live web chat shows "<name> (Service-Team)
// schreibt …" in the citizen's widget: told at most every 4 seconds.
(function () {
  const form = document.querySelector('form[data-typing-src]');
  if (!form) {
    return;
  }
  const csrf = form.querySelector('input[name=csrf]');
  let last = 0;
  form.querySelector('textarea').addEventListener('input', function () {
    const now = Date.now();
    if (now - last < 4000) {
      return;
    }
    last = now;
    fetch(form.dataset.typingSrc, {method: 'POST', credentials: 'same-origin', headers: {'X-CSRF-Token': csrf ? csrf.value : ''}}).catch(function () {});
  });
})();
