/*
 * Lotse chat widget: <script src="https://…/widget.js" data-lotse-url="https://…" defer></script>
 *
 * Adds a launcher button and a chat panel as the custom element <lotse-chat>
 * with a shadow root. Vanilla JS, no build step, no inline styles, and no
 * HTML parsing of data: every text from the server is set with textContent.
 *
 * Attributes of the script tag (all optional):
 *   data-lotse-url    base URL of the Lotse server (default: where this script came from)
 *   data-lotse-ws     path of the WebSocket (default "/ws"; the intranet uses "/intern/ws")
 *   data-lotse-title  title of the panel
 *   data-lotse-open   "true" opens the panel when the page loads
 *
 * The protocol is described in channels/web/PROTOCOL.md.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.customElements || customElements.get('lotse-chat')) {
    return;
  }
  var data = script.dataset || {};
  var base = new URL(data.lotseUrl || script.src, document.baseURI);
  var wsPath = data.lotseWs || '/ws';
  var title = data.lotseTitle || 'Digitaler Assistent';
  var autoOpen = data.lotseOpen === 'true';
  var storeKey = 'lotse.session.' + base.origin + wsPath;

  var LANGS = [
    ['de', 'Deutsch'], ['en', 'English'], ['tr', 'Türkçe'], ['ar', 'العربية'],
    ['uk', 'Українська'], ['ru', 'Русский'], ['pl', 'Polski']
  ];
  var HUMAN_TEXT = 'Mit einem Menschen sprechen';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    }
    if (text != null) { e.textContent = text; }
    return e;
  }

  function safeURL(u) {
    try {
      var url = new URL(u, base);
      return (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  class LotseChat extends HTMLElement {
    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      this.ws = null;
      this.token = null;        // current session token
      this.pendingResume = false;
      this.provisional = null;  // welcome of the fresh session while resuming
      this.lastSeq = 0;
      this.retries = 0;
      this.retryTimer = null;
      this.stream = null;       // { id, node } of the answer being streamed
      this.speaking = null;
      this.opened = false;
    }

    connectedCallback() {
      if (this.built) { return; }
      this.built = true;
      this.build();
      if (autoOpen) { this.open(false); }
    }

    build() {
      var r = this.root;
      var link = el('link', { rel: 'stylesheet', href: new URL('widget.css', new URL('/', base)).href });
      r.appendChild(link);

      var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'lotse-panel' }, 'Chat: Fragen an die Stadt');
      launcher.hidden = true; // shown once the stylesheet is there
      link.addEventListener('load', function () { launcher.hidden = false; });
      link.addEventListener('error', function () { launcher.hidden = false; });
      launcher.addEventListener('click', this.toggle.bind(this));
      this.launcher = launcher;

      var panel = el('section', { id: 'lotse-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'lotse-title' });
      panel.hidden = true;
      panel.addEventListener('keydown', function (ev) {
        if (ev.key === 'Escape') { ev.preventDefault(); this.close(); }
      }.bind(this));
      this.panel = panel;

      var header = el('div', { class: 'head' });
      header.appendChild(el('h2', { id: 'lotse-title' }, title));
      var close = el('button', { type: 'button', class: 'close', 'aria-label': 'Chat schließen' }, '×');
      close.addEventListener('click', this.close.bind(this));
      header.appendChild(close);
      panel.appendChild(header);

      var tools = el('div', { class: 'tools' });
      var langLabel = el('label', { for: 'lotse-lang' }, 'Sprache');
      var lang = el('select', { id: 'lotse-lang' });
      LANGS.forEach(function (l) {
        var o = el('option', { value: l[0], lang: l[0] }, l[1]);
        lang.appendChild(o);
      });
      var simpleLabel = el('label', { class: 'check' });
      var simple = el('input', { type: 'checkbox', id: 'lotse-simple' });
      simpleLabel.appendChild(simple);
      simpleLabel.appendChild(document.createTextNode(' Einfache Sprache'));
      tools.appendChild(langLabel);
      tools.appendChild(lang);
      tools.appendChild(simpleLabel);
      panel.appendChild(tools);
      this.langSelect = lang;
      this.simple = simple;
      var st = storage();
      if (st) {
        lang.value = st.getItem('lotse.lang') || 'de';
        simple.checked = st.getItem('lotse.simple') === '1';
        lang.addEventListener('change', function () { st.setItem('lotse.lang', lang.value); });
        simple.addEventListener('change', function () { st.setItem('lotse.simple', simple.checked ? '1' : '0'); });
      }

      var transcript = el('div', { class: 'transcript', tabindex: '0', role: 'region', 'aria-label': 'Gesprächsverlauf' });
      // The AI disclosure heads the transcript; the input refers to it.
      this.disclosure = el('p', { class: 'disclosure', id: 'lotse-disclosure' },
        'Hinweis: Sie chatten mit einem KI-Assistenten.');
      transcript.appendChild(this.disclosure);
      // Only complete messages go into the live region; the answer being
      // streamed sits beside it, hidden from assistive technology.
      this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Nachrichten' });
      this.streamBox = el('div', { class: 'msg bot streaming', 'aria-hidden': 'true' });
      this.streamBox.hidden = true;
      transcript.appendChild(this.log);
      transcript.appendChild(this.streamBox);
      panel.appendChild(transcript);
      this.transcript = transcript;

      this.status = el('p', { class: 'status', role: 'status' });
      panel.appendChild(this.status);

      var form = el('form', { class: 'compose' });
      var inputLabel = el('label', { for: 'lotse-input', class: 'sr-only' }, 'Ihre Nachricht');
      var input = el('textarea', { id: 'lotse-input', rows: '2', maxlength: '4000', placeholder: 'Ihre Frage …', 'aria-describedby': 'lotse-disclosure' });
      var send = el('button', { type: 'submit', class: 'send' }, 'Senden');
      input.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
          ev.preventDefault();
          form.requestSubmit ? form.requestSubmit() : this.submit();
        }
      }.bind(this));
      var lastTyping = 0;
      input.addEventListener('input', function () {
        var now = Date.now();
        if (now - lastTyping > 10000 && this.ws && this.ws.readyState === WebSocket.OPEN) {
          lastTyping = now;
          this.ws.send(JSON.stringify({ type: 'typing' }));
        }
      }.bind(this));
      form.addEventListener('submit', function (ev) { ev.preventDefault(); this.submit(); }.bind(this));
      form.appendChild(inputLabel);
      form.appendChild(input);
      form.appendChild(send);
      panel.appendChild(form);
      this.input = input;

      var human = el('button', { type: 'button', class: 'human' }, HUMAN_TEXT);
      human.addEventListener('click', function () {
        this.sendJSON({ type: 'request_human', lang: this.langSelect.value, simple: this.simple.checked });
      }.bind(this));
      panel.appendChild(human);

      r.appendChild(panel);
      r.appendChild(launcher);
    }

    toggle() {
      if (this.panel.hidden) { this.open(true); } else { this.close(); }
    }

    open(focus) {
      this.panel.hidden = false;
      this.launcher.setAttribute('aria-expanded', 'true');
      this.classList.add('open');
      if (focus) { this.input.focus(); }
      if (!this.opened) {
        this.opened = true;
        this.connect();
      }
    }

    close() {
      this.panel.hidden = true;
      this.launcher.setAttribute('aria-expanded', 'false');
      this.classList.remove('open');
      if (window.speechSynthesis) { window.speechSynthesis.cancel(); }
      this.launcher.focus();
    }

    // --- connection -----------------------------------------------------

    connect() {
      clearTimeout(this.retryTimer);
      var url = new URL(wsPath, base);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      var ws;
      try {
        ws = new WebSocket(url.href);
      } catch (e) {
        this.scheduleReconnect();
        return;
      }
      this.ws = ws;
      this.setStatus('Verbindung wird hergestellt …');
      ws.addEventListener('open', function () {
        var st = storage();
        var saved = this.token || (st && st.getItem(storeKey));
        if (saved) {
          this.pendingResume = true;
          ws.send(JSON.stringify({ type: 'resume', session: saved, last_seq: this.lastSeq }));
        }
      }.bind(this));
      ws.addEventListener('message', function (ev) {
        var msg;
        try { msg = JSON.parse(ev.data); } catch (e) { return; }
        this.handle(msg);
      }.bind(this));
      ws.addEventListener('close', function () {
        if (this.ws !== ws) { return; }
        this.ws = null;
        this.scheduleReconnect();
      }.bind(this));
    }

    scheduleReconnect() {
      var delay = Math.min(30000, 1000 * Math.pow(2, this.retries)) + Math.floor(Math.random() * 500);
      this.retries++;
      this.setStatus('Verbindung unterbrochen. Neuer Versuch in ' + Math.round(delay / 1000) + ' Sekunden …');
      this.retryTimer = setTimeout(this.connect.bind(this), delay);
    }

    connected(token) {
      this.token = token;
      var st = storage();
      if (st) { st.setItem(storeKey, token); }
      this.retries = 0;
      this.setStatus('');
    }

    sendJSON(obj) {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        this.setStatus('Keine Verbindung. Bitte versuchen Sie es gleich noch einmal.');
        return false;
      }
      this.ws.send(JSON.stringify(obj));
      return true;
    }

    submit() {
      var text = this.input.value.trim();
      if (!text) {
        this.setStatus('Bitte geben Sie eine Nachricht ein.');
        return;
      }
      if (this.sendJSON({ type: 'message', text: text, lang: this.langSelect.value, simple: this.simple.checked })) {
        this.input.value = '';
        this.lastSent = text;
      }
    }

    setStatus(text) {
      this.status.textContent = text;
    }

    // --- events -----------------------------------------------------------

    handle(msg) {
      if (typeof msg.seq === 'number') {
        if (msg.seq <= this.lastSeq && msg.type !== 'welcome') { return; } // already shown
      }
      switch (msg.type) {
        case 'welcome':
          if (this.pendingResume) {
            this.provisional = msg;
            return;
          }
          this.lastSeq = msg.seq || 0;
          this.disclosure.textContent = msg.text;
          this.connected(msg.session);
          return;
        case 'resumed':
          this.pendingResume = false;
          if (msg.session !== this.token) { this.lastSeq = msg.last_seq || 0; }
          if (msg.text) { this.disclosure.textContent = msg.text; }
          this.connected(msg.session);
          return;
        case 'error':
          if (msg.code === 'session_expired' && this.pendingResume) {
            this.pendingResume = false;
            this.lastSeq = 0;
            if (this.provisional) {
              var p = this.provisional;
              this.provisional = null;
              this.handle(p);
            }
            return;
          }
          this.note(msg.message || 'Es ist ein Fehler aufgetreten.', 'error');
          // A refused message was not processed: offer it again.
          if ((msg.code === 'rate_limited' || msg.code === 'busy') && this.lastSent && !this.input.value.trim()) {
            this.input.value = this.lastSent;
          }
          break;
        case 'token':
          this.streamToken(msg);
          return;
        case 'user_message':
          this.addMessage('user', 'Sie', msg.text);
          break;
        case 'answer':
          this.addAnswer(msg);
          break;
        case 'agent_message':
          this.addMessage('agent', msg.from || 'Service-Team', msg.text);
          break;
        case 'handoff':
        case 'notice':
          if (msg.text) { this.note(msg.text, 'notice'); }
          break;
        default:
          return;
      }
      if (typeof msg.seq === 'number') { this.lastSeq = msg.seq; }
    }

    streamToken(msg) {
      if (!this.stream || this.stream.id !== msg.answer_id) {
        this.streamBox.textContent = '';
        this.streamBox.appendChild(el('span', { class: 'who' }, 'Assistent'));
        var p = el('p', { class: 'text', dir: 'auto' });
        this.streamBox.appendChild(p);
        this.stream = { id: msg.answer_id, node: p };
        this.streamBox.hidden = false;
      }
      this.stream.node.textContent += msg.text;
      this.scrollDown();
    }

    endStream() {
      this.stream = null;
      this.streamBox.hidden = true;
      this.streamBox.textContent = '';
    }

    addMessage(kind, who, text) {
      var m = el('div', { class: 'msg ' + kind });
      m.appendChild(el('span', { class: 'who' }, who));
      m.appendChild(el('p', { class: 'text', dir: 'auto' }, text));
      this.log.appendChild(m);
      this.scrollDown();
      return m;
    }

    note(text, kind) {
      var n = el('p', { class: 'note ' + kind, dir: 'auto' }, text);
      this.log.appendChild(n);
      this.scrollDown();
    }

    addAnswer(msg) {
      if (this.stream && this.stream.id === msg.answer_id) { this.endStream(); }
      var m = el('div', { class: 'msg bot' });
      m.appendChild(el('span', { class: 'who' }, 'Assistent'));
      var body = el('p', { class: 'text', dir: 'auto' }, msg.text);
      if (typeof msg.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(msg.lang)) { body.setAttribute('lang', msg.lang); }
      m.appendChild(body);
      var sources = Array.isArray(msg.sources) ? msg.sources : [];
      if (sources.length) {
        var box = el('div', { class: 'sources' });
        box.appendChild(el('span', { class: 'label' }, 'Quellen:'));
        var ul = el('ul');
        sources.forEach(function (s) {
          var li = el('li');
          var href = safeURL(s.url);
          var label = String(s.title || s.id || s.url || '');
          if (href) {
            var a = el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, label);
            a.appendChild(el('span', { class: 'sr-only' }, ' (öffnet in neuem Fenster)'));
            li.appendChild(a);
          } else {
            li.textContent = label;
          }
          ul.appendChild(li);
        });
        box.appendChild(ul);
        m.appendChild(box);
      }
      m.appendChild(this.actions(msg));
      this.log.appendChild(m);
      this.scrollDown();
    }

    actions(msg) {
      var bar = el('div', { class: 'actions' });
      var text = String(msg.text || '');
      if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
        var speak = el('button', { type: 'button', class: 'speak', 'aria-pressed': 'false' }, 'Vorlesen');
        speak.addEventListener('click', function () { this.readAloud(text, speak); }.bind(this));
        bar.appendChild(speak);
      }
      var self = this;
      var up = el('button', { type: 'button', class: 'rate', 'aria-pressed': 'false' }, 'Hilfreich');
      var down = el('button', { type: 'button', class: 'rate', 'aria-pressed': 'false' }, 'Nicht hilfreich');
      function rate(rating, btn) {
        if (self.sendJSON({ type: 'feedback', answer_id: msg.answer_id, rating: rating })) {
          btn.setAttribute('aria-pressed', 'true');
          up.disabled = true;
          down.disabled = true;
        }
      }
      up.addEventListener('click', function () { rate('up', up); });
      down.addEventListener('click', function () { rate('down', down); });
      bar.appendChild(up);
      bar.appendChild(down);
      return bar;
    }

    readAloud(text, btn) {
      var synth = window.speechSynthesis;
      var wasMe = this.speaking === btn;
      synth.cancel();
      if (this.speaking) {
        this.speaking.setAttribute('aria-pressed', 'false');
        this.speaking.textContent = 'Vorlesen';
        this.speaking = null;
      }
      if (wasMe) { return; }
      var u = new SpeechSynthesisUtterance(text);
      u.lang = this.langSelect.value;
      u.addEventListener('end', function () {
        btn.setAttribute('aria-pressed', 'false');
        btn.textContent = 'Vorlesen';
        if (this.speaking === btn) { this.speaking = null; }
      }.bind(this));
      btn.setAttribute('aria-pressed', 'true');
      btn.textContent = 'Vorlesen beenden';
      this.speaking = btn;
      synth.speak(u);
    }

    scrollDown() {
      this.transcript.scrollTop = this.transcript.scrollHeight;
    }
  }

  customElements.define('lotse-chat', LotseChat);

  function mount() {
    document.body.appendChild(document.createElement('lotse-chat'));
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
