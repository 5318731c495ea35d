/*
 * Lotse chat widget: <script src="https://…/widget.js" data-lotse-url="https://…" defer></script>
 *
 * Adds a launcher button and a chat panel as the custom element <lotse-chat>
 * with a shadow root. Vanilla JS, no build step, no inline styles, and no
 * HTML parsing of data: every text from the server is set with textContent;
 * answers are read as a small Markdown subset (paragraphs, "- " and "1."
 * lists, **bold**, [links](https://…) and bare http(s) URLs) and built as
 * DOM nodes, so markup in a model's or a document's text stays text.
 *
 * Attributes of the script tag (all optional):
 *   data-lotse-url    base URL of the Lotse server (default: where this script came from)
 *   data-lotse-ws     path of the WebSocket (default "/ws"; the intranet uses "/intern/ws")
 *   data-lotse-title  title of the panel (kept as given in every language)
 *   data-lotse-open   "true" opens the panel when the page loads
 *   data-lotse-lang   the widget's first language (default: the page's lang)
 *
 * An answer written by a model may carry the source passages it rests on
 * ("original"): they are shown behind an "Originaltext" button.
 *
 * The widget's language is, in order: the one chosen in the panel, the
 * script's data-lotse-lang, the page's lang attribute, the language the
 * server detected in the first message, the browser's language, German.
 * Only a language chosen in the panel is sent to the server as a hint; the
 * panel carries the language, and dir="rtl" for Arabic.
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
  var title = data.lotseTitle || '';
  var autoOpen = data.lotseOpen === 'true';
  var storeKey = 'lotse.session.' + base.origin + wsPath;

  var LANGS = [
    ['de', 'Deutsch'], ['en', 'English'], ['tr', 'Türkçe'], ['ar', 'العربية'],
    ['uk', 'Українська'], ['ru', 'Русский'], ['pl', 'Polski']
  ];
  var RTL = { ar: true };

  // The widget's own texts. {n} is a number of seconds. e_CODE replaces the
  // server's (German) message of an error with that code; German keeps the
  // server's words, so it has none.
  var STR = {
    de: {
      launcher: 'Chat: Fragen an die Stadt', title: 'Digitaler Assistent', close: 'Chat schließen',
      lang: 'Sprache', simple: 'Einfache Sprache', history: 'Gesprächsverlauf', log: 'Nachrichten',
      disclosure: 'Hinweis: Sie chatten mit einem KI-Assistenten.', input: 'Ihre Nachricht',
      ph: 'Ihre Frage …', send: 'Senden', human: 'Mit einem Menschen sprechen',
      connecting: 'Verbindung wird hergestellt …',
      retry: 'Verbindung unterbrochen. Neuer Versuch in {n} Sekunden …',
      offline: 'Keine Verbindung. Bitte versuchen Sie es gleich noch einmal.',
      empty: 'Bitte geben Sie eine Nachricht ein.', error: 'Es ist ein Fehler aufgetreten.',
      you: 'Sie', bot: 'Assistent', team: 'Service-Team', sources: 'Quellen:',
      newWin: ' (öffnet in neuem Fenster)', speak: 'Vorlesen', stop: 'Vorlesen beenden',
      more: 'Mehr anzeigen', less: 'Weniger anzeigen', sent: 'Gesendet', typing: '{name} (Service-Team) schreibt …',
      original: 'Originaltext',
      up: 'Hilfreich', down: 'Nicht hilfreich',
      kept: 'Ihr Text steht wieder im Eingabefeld.'
    },
    en: {
      launcher: 'Chat: questions for the city', title: 'Digital assistant', close: 'Close chat',
      lang: 'Language', simple: 'Plain language', history: 'Conversation', log: 'Messages',
      disclosure: 'Note: you are chatting with an AI assistant.', input: 'Your message',
      ph: 'Your question …', send: 'Send', human: 'Talk to a person',
      connecting: 'Connecting …',
      retry: 'Connection lost. Trying again in {n} seconds …',
      offline: 'No connection. Please try again in a moment.',
      empty: 'Please enter a message.', error: 'Something went wrong.',
      you: 'You', bot: 'Assistant', team: 'Service team', sources: 'Sources:',
      newWin: ' (opens in a new window)', speak: 'Read aloud', stop: 'Stop reading',
      more: 'Show more', less: 'Show less', sent: 'Sent', typing: '{name} (service team) is typing …',
      original: 'Original text (German)',
      up: 'Helpful', down: 'Not helpful', kept: 'Your text is back in the input field.',
      e_rate_limited: 'You have sent a lot of messages. Please wait {n} seconds, then send your message again.',
      e_busy: 'Please wait until the previous answer is complete.'
    },
    tr: {
      launcher: 'Sohbet: Şehre sorular', title: 'Dijital asistan', close: 'Sohbeti kapat',
      lang: 'Dil', simple: 'Kolay dil', history: 'Konuşma geçmişi', log: 'Mesajlar',
      disclosure: 'Not: Bir yapay zekâ asistanıyla yazışıyorsunuz.', input: 'Mesajınız',
      ph: 'Sorunuz …', send: 'Gönder', human: 'Bir insanla konuş',
      connecting: 'Bağlanıyor …',
      retry: 'Bağlantı kesildi. {n} saniye sonra yeniden denenecek …',
      offline: 'Bağlantı yok. Lütfen biraz sonra tekrar deneyin.',
      empty: 'Lütfen bir mesaj yazın.', error: 'Bir hata oluştu.',
      you: 'Siz', bot: 'Asistan', team: 'Hizmet ekibi', sources: 'Kaynaklar:',
      newWin: ' (yeni pencerede açılır)', speak: 'Sesli oku', stop: 'Okumayı durdur',
      more: 'Daha fazla göster', less: 'Daha az göster', sent: 'Gönderildi', typing: '{name} (Hizmet ekibi) yazıyor …',
      original: 'Orijinal metin (Almanca)',
      up: 'Yardımcı oldu', down: 'Yardımcı olmadı', kept: 'Metniniz yeniden giriş alanında.',
      e_rate_limited: 'Çok sayıda mesaj gönderdiniz. Lütfen {n} saniye bekleyin ve mesajınızı tekrar gönderin.',
      e_busy: 'Lütfen önceki yanıtın tamamlanmasını bekleyin.'
    },
    pl: {
      launcher: 'Czat: pytania do miasta', title: 'Asystent cyfrowy', close: 'Zamknij czat',
      lang: 'Język', simple: 'Prosty język', history: 'Przebieg rozmowy', log: 'Wiadomości',
      disclosure: 'Uwaga: rozmawiasz z asystentem AI.', input: 'Twoja wiadomość',
      ph: 'Twoje pytanie …', send: 'Wyślij', human: 'Porozmawiaj z człowiekiem',
      connecting: 'Łączenie …',
      retry: 'Połączenie przerwane. Ponowna próba za {n} s …',
      offline: 'Brak połączenia. Spróbuj ponownie za chwilę.',
      empty: 'Wpisz wiadomość.', error: 'Wystąpił błąd.',
      you: 'Ty', bot: 'Asystent', team: 'Zespół obsługi', sources: 'Źródła:',
      newWin: ' (otwiera się w nowym oknie)', speak: 'Czytaj na głos', stop: 'Zatrzymaj czytanie',
      more: 'Pokaż więcej', less: 'Pokaż mniej', sent: 'Wysłano', typing: '{name} (Zespół obsługi) pisze …',
      original: 'Tekst oryginalny (po niemiecku)',
      up: 'Pomocne', down: 'Niepomocne', kept: 'Twój tekst jest z powrotem w polu wiadomości.',
      e_rate_limited: 'Wysłano bardzo dużo wiadomości. Odczekaj {n} s i wyślij wiadomość ponownie.',
      e_busy: 'Poczekaj, aż poprzednia odpowiedź będzie gotowa.'
    },
    uk: {
      launcher: 'Чат: запитання до міста', title: 'Цифровий помічник', close: 'Закрити чат',
      lang: 'Мова', simple: 'Проста мова', history: 'Історія розмови', log: 'Повідомлення',
      disclosure: 'Увага: ви спілкуєтеся з помічником на основі ШІ.', input: 'Ваше повідомлення',
      ph: 'Ваше запитання …', send: 'Надіслати', human: 'Поговорити з людиною',
      connecting: 'Підключення …',
      retry: 'З’єднання перервано. Нова спроба через {n} с …',
      offline: 'Немає з’єднання. Спробуйте ще раз за мить.',
      empty: 'Будь ласка, введіть повідомлення.', error: 'Сталася помилка.',
      you: 'Ви', bot: 'Помічник', team: 'Служба підтримки', sources: 'Джерела:',
      newWin: ' (відкривається в новому вікні)', speak: 'Прочитати вголос', stop: 'Зупинити читання',
      more: 'Показати більше', less: 'Показати менше', sent: 'Надіслано', typing: '{name} (Служба підтримки) пише …',
      original: 'Оригінальний текст (німецькою)',
      up: 'Корисно', down: 'Некорисно', kept: 'Ваш текст знову в полі введення.',
      e_rate_limited: 'Ви надіслали дуже багато повідомлень. Зачекайте {n} с і надішліть повідомлення ще раз.',
      e_busy: 'Зачекайте, доки буде готова попередня відповідь.'
    },
    ru: {
      launcher: 'Чат: вопросы городу', title: 'Цифровой помощник', close: 'Закрыть чат',
      lang: 'Язык', simple: 'Простой язык', history: 'История разговора', log: 'Сообщения',
      disclosure: 'Внимание: вы общаетесь с ИИ-помощником.', input: 'Ваше сообщение',
      ph: 'Ваш вопрос …', send: 'Отправить', human: 'Поговорить с человеком',
      connecting: 'Подключение …',
      retry: 'Связь прервана. Новая попытка через {n} с …',
      offline: 'Нет соединения. Попробуйте ещё раз чуть позже.',
      empty: 'Пожалуйста, введите сообщение.', error: 'Произошла ошибка.',
      you: 'Вы', bot: 'Помощник', team: 'Служба поддержки', sources: 'Источники:',
      newWin: ' (откроется в новом окне)', speak: 'Прочитать вслух', stop: 'Остановить чтение',
      more: 'Показать больше', less: 'Показать меньше', sent: 'Отправлено', typing: '{name} (Служба поддержки) пишет …',
      original: 'Оригинальный текст (на немецком)',
      up: 'Полезно', down: 'Не помогло', kept: 'Ваш текст снова в поле ввода.',
      e_rate_limited: 'Вы отправили очень много сообщений. Подождите {n} с и отправьте сообщение ещё раз.',
      e_busy: 'Подождите, пока будет готов предыдущий ответ.'
    },
    ar: {
      launcher: 'دردشة: أسئلة إلى المدينة', title: 'المساعد الرقمي', close: 'إغلاق الدردشة',
      lang: 'اللغة', simple: 'لغة مبسطة', history: 'سجل المحادثة', log: 'الرسائل',
      disclosure: 'تنبيه: أنت تتحدث مع مساعد يعمل بالذكاء الاصطناعي.', input: 'رسالتك',
      ph: 'سؤالك …', send: 'إرسال', human: 'التحدث مع شخص',
      connecting: 'جارٍ الاتصال …',
      retry: 'انقطع الاتصال. محاولة جديدة بعد {n} ثانية …',
      offline: 'لا يوجد اتصال. يرجى المحاولة مرة أخرى بعد قليل.',
      empty: 'يرجى كتابة رسالة.', error: 'حدث خطأ.',
      you: 'أنت', bot: 'المساعد', team: 'فريق الخدمة', sources: 'المصادر:',
      newWin: ' (يفتح في نافذة جديدة)', speak: 'قراءة بصوت عالٍ', stop: 'إيقاف القراءة',
      more: 'عرض المزيد', less: 'عرض أقل', sent: 'تم الإرسال', typing: '{name} (فريق الخدمة) يكتب …',
      original: 'النص الأصلي (بالألمانية)',
      up: 'مفيد', down: 'غير مفيد', kept: 'نصك موجود مرة أخرى في حقل الكتابة.',
      e_rate_limited: 'لقد أرسلت رسائل كثيرة. يرجى الانتظار {n} ثانية ثم إرسال رسالتك مرة أخرى.',
      e_busy: 'يرجى الانتظار حتى تكتمل الإجابة السابقة.'
    }
  };

  // REFUSED holds the codes of the errors by which the server refuses a
  // message without processing it (PROTOCOL.md): it can be sent again.
  var REFUSED = { rate_limited: true, busy: true, too_long: true, invalid_utf8: true, unavailable: true };

  // known returns the language of a tag ("tr-TR" → "tr") when the widget
  // has texts for it, else ''.
  function known(tag) {
    var l = String(tag || '').toLowerCase().split('-')[0];
    return STR[l] ? l : '';
  }

  // pageLang is the language the page asks for: the script's
  // data-lotse-lang, else the lang attribute of the page.
  function pageLang() {
    return known(data.lotseLang) || known(document.documentElement.getAttribute('lang'));
  }

  // firstLang returns the language chosen earlier in this tab, else the
  // page's, else the first of the browser's languages the widget knows,
  // else German. The server's detection of the first message comes
  // between the page and the browser (see adoptLang).
  function firstLang(saved) {
    if (known(saved)) { return known(saved); }
    if (pageLang()) { return pageLang(); }
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < prefs.length; i++) {
      if (known(prefs[i])) { return known(prefs[i]); }
    }
    return 'de';
  }

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

  // LIST matches a list line: "- ", "* ", "• " or "1. " / "1) ".
  var LIST = /^\s*(?:[-*•]|(\d{1,3})[.)])\s+(.*)$/;
  // INLINE matches **bold**, [label](url) and bare http(s) URLs.
  var INLINE = /\*\*(\S(?:[^*]*\S)?)\*\*|\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)|(https?:\/\/[^\s<>"]{1,2000})/g;

  // trimURL cuts punctuation that ends the sentence rather than the URL
  // (a closing bracket only when the URL opened none).
  function trimURL(u) {
    for (;;) {
      var last = u.charAt(u.length - 1);
      if ('.,;:!?\'"»«“”'.indexOf(last) >= 0 || (last === ')' && u.split('(').length < u.split(')').length)) {
        u = u.slice(0, -1);
      } else {
        return u;
      }
    }
  }

  // plain returns text without the Markdown marks, as it is read aloud.
  function plain(text) {
    return String(text).replace(/\*\*/g, '').replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1')
      .replace(/^\s*[-*•]\s+/gm, '').replace(/https?:\/\//g, '');
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
      this.uiLang = 'de';
      this.statusKey = null;    // status text: key into STR and its {n}
      this.statusN = 0;
      this.serverDisclosure = null;
      this.anchor = null;       // newest answer: its top stays in view
      this.held = null;         // an agent holds the conversation
      this.lastNotice = null;
      this.typingTimer = null;
      this.unconfirmed = [];    // texts sent but neither echoed nor refused
      this.n = 0;
    }

    // t returns the text key in the current language.
    t(key) {
      var s = STR[this.uiLang] || STR.de;
      return s[key] != null ? s[key] : STR.de[key];
    }

    // tr labels node with text key, as its text or as its attribute attr,
    // and keeps it labelled when the language changes.
    tr(node, key, attr) {
      node.setAttribute('data-t', key);
      if (attr) { node.setAttribute('data-ta', attr); }
      if (attr) { node.setAttribute(attr, this.t(key)); } else { node.textContent = this.t(key); }
      return node;
    }

    // hintLang is the language hint sent with a message: the one chosen in
    // the panel, else none, so that the server detects the language.
    hintLang() {
      return this.chosen ? this.langSelect.value : undefined;
    }

    // adoptLang follows the language the server answered in while the
    // person has not chosen one.
    adoptLang(tag) {
      var l = known(tag);
      if (this.chosen || !l || l === this.langSelect.value) { return; }
      this.langSelect.value = l;
      this.setLang(l);
    }

    // setLang switches the widget's own texts, lang and dir to lang.
    setLang(lang) {
      this.uiLang = STR[lang] ? lang : 'de';
      var dir = RTL[this.uiLang] ? 'rtl' : 'ltr';
      [this.panel, this.launcher].forEach(function (n) {
        n.setAttribute('lang', this.uiLang);
        n.setAttribute('dir', dir);
      }, this);
      this.root.querySelectorAll('[data-t]').forEach(function (n) {
        var attr = n.getAttribute('data-ta');
        var text = this.t(n.getAttribute('data-t'));
        if (attr) { n.setAttribute(attr, text); } else { n.textContent = text; }
      }, this);
      this.showDisclosure();
      this.showStatus();
    }

    // showDisclosure shows the server's AI disclosure in German (it names
    // the organisation) and the widget's own one in the other languages.
    showDisclosure() {
      this.disclosure.textContent = this.uiLang === 'de' && this.serverDisclosure ? this.serverDisclosure : this.t('disclosure');
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

      var launcher = this.tr(el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'lotse-panel' }), 'launcher');
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
      var h2 = el('h2', { id: 'lotse-title' }, title || null);
      if (!title) { this.tr(h2, 'title'); }
      header.appendChild(h2);
      // On short screens (zoom) the language tools fold behind this button.
      var gear = this.tr(el('button', { type: 'button', class: 'gear', 'aria-expanded': 'false', 'aria-controls': 'lotse-tools' }), 'lang');
      gear.addEventListener('click', function () {
        var open = gear.getAttribute('aria-expanded') !== 'true';
        gear.setAttribute('aria-expanded', String(open));
        panel.classList.toggle('tools-open', open);
      });
      header.appendChild(gear);
      var close = this.tr(el('button', { type: 'button', class: 'close' }, '×'), 'close', 'aria-label');
      close.addEventListener('click', this.close.bind(this));
      header.appendChild(close);
      panel.appendChild(header);

      var tools = el('div', { class: 'tools', id: 'lotse-tools' });
      var langLabel = this.tr(el('label', { for: 'lotse-lang' }), 'lang');
      var lang = el('select', { id: 'lotse-lang' });
      LANGS.forEach(function (l) {
        var o = el('option', { value: l[0], lang: l[0] }, l[1]);
        lang.appendChild(o);
      });
      var simpleLabel = el('label', { class: 'check' });
      var simple = el('input', { type: 'checkbox', id: 'lotse-simple' });
      simpleLabel.appendChild(simple);
      simpleLabel.appendChild(document.createTextNode(' '));
      simpleLabel.appendChild(this.tr(el('span'), 'simple'));
      tools.appendChild(langLabel);
      tools.appendChild(lang);
      tools.appendChild(simpleLabel);
      panel.appendChild(tools);
      this.langSelect = lang;
      this.simple = simple;
      var st = storage();
      lang.value = firstLang(st && st.getItem('lotse.lang'));
      // chosen: the person picked the language; only then is it a hint.
      this.chosen = !!known(st && st.getItem('lotse.lang'));
      if (st) {
        simple.checked = st.getItem('lotse.simple') === '1';
        simple.addEventListener('change', function () { st.setItem('lotse.simple', simple.checked ? '1' : '0'); });
      }
      lang.addEventListener('change', function () {
        this.chosen = true;
        if (st) { st.setItem('lotse.lang', lang.value); }
        this.setLang(lang.value);
      }.bind(this));

      var transcript = this.tr(el('div', { class: 'transcript', tabindex: '0', role: 'region' }), 'history', 'aria-label');
      // The AI disclosure heads the transcript; the input refers to it.
      this.disclosure = el('p', { class: 'disclosure', id: 'lotse-disclosure' });
      transcript.appendChild(this.disclosure);
      // Only complete messages go into the live region; the answer being
      // streamed sits beside it, hidden from assistive technology.
      this.log = this.tr(el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' }), 'log', 'aria-label');
      this.streamBox = el('div', { class: 'msg bot streaming', 'aria-hidden': 'true' });
      this.streamBox.hidden = true;
      this.typing = el('p', { class: 'typing', role: 'status' });
      transcript.appendChild(this.log);
      transcript.appendChild(this.streamBox);
      transcript.appendChild(this.typing);
      panel.appendChild(transcript);
      this.transcript = transcript;

      this.status = el('p', { class: 'status', role: 'status' });
      panel.appendChild(this.status);

      var form = el('form', { class: 'compose' });
      var inputLabel = this.tr(el('label', { for: 'lotse-input', class: 'sr-only' }), 'input');
      var input = this.tr(el('textarea', { id: 'lotse-input', rows: '2', maxlength: '4000', 'aria-describedby': 'lotse-disclosure' }), 'ph', 'placeholder');
      var send = this.tr(el('button', { type: 'submit', class: 'send' }), 'send');
      input.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
          ev.preventDefault();
          form.requestSubmit ? form.requestSubmit() : this.submit();
        }
      }.bind(this));
      // The Enter that sent must not leave a line break behind: input that
      // delivers its keypress apart from the keydown (remote and automation
      // tools) would otherwise add one after the input was emptied.
      input.addEventListener('keypress', function (ev) {
        if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); }
      });
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

      var human = this.tr(el('button', { type: 'button', class: 'human' }), 'human');
      human.addEventListener('click', function () {
        this.sendJSON({ type: 'request_human', lang: this.hintLang(), simple: this.simple.checked });
      }.bind(this));
      panel.appendChild(human);
      // On short screens the human button moves up beside the close button
      // (in the DOM too, so that the focus order follows what is seen).
      var short = window.matchMedia && window.matchMedia('(max-height: 34rem)');
      var place = function () {
        if (short && short.matches) { header.insertBefore(human, gear); } else { panel.appendChild(human); }
        this.scrollDown(); // the layout changed: the newest answer's top again
      }.bind(this);
      place();
      if (short && short.addEventListener) { short.addEventListener('change', place); }

      r.appendChild(panel);
      r.appendChild(launcher);
      this.setLang(lang.value);
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
      this.setStatus('connecting');
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
      this.setStatus('retry', Math.round(delay / 1000));
      this.retryTimer = setTimeout(this.connect.bind(this), delay);
    }

    connected(token) {
      this.token = token;
      var st = storage();
      if (st) { st.setItem(storeKey, token); }
      this.retries = 0;
      this.setStatus(null);
    }

    sendJSON(obj) {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        this.setStatus('offline');
        return false;
      }
      this.ws.send(JSON.stringify(obj));
      return true;
    }

    submit() {
      var text = this.input.value.trim();
      if (!text) {
        this.setStatus('empty');
        return;
      }
      if (this.sendJSON({ type: 'message', text: text, lang: this.hintLang(), simple: this.simple.checked })) {
        this.input.value = '';
        this.unconfirmed.push(text);
      }
    }

    // giveBack puts the text of a refused message back into the input, so
    // that nothing a person writes is lost: alone if the input is empty,
    // else on its own line before what they have typed since, with their
    // caret kept where it was in their own text.
    giveBack(text) {
      var input = this.input, now = input.value;
      if (now.indexOf(text) >= 0) { return; }
      if (!now.trim()) {
        input.value = text;
        return;
      }
      var start = input.selectionStart, end = input.selectionEnd, shift = text.length + 1;
      input.value = text + '\n' + now;
      input.setSelectionRange(start + shift, end + shift);
    }

    // setStatus shows the status text key (null: none) with {n} as n.
    setStatus(key, n) {
      this.statusKey = key;
      this.statusN = n;
      this.showStatus();
    }

    showStatus() {
      this.status.textContent = this.statusKey ? this.t(this.statusKey).replace('{n}', String(this.statusN)) : '';
    }

    // errorText returns the text to show for an error event: the widget's
    // own words for a known code outside German, else the server's.
    errorText(msg) {
      var own = this.uiLang !== 'de' && STR[this.uiLang]['e_' + msg.code];
      if (own && (own.indexOf('{n}') < 0 || typeof msg.retry_after === 'number')) {
        return own.replace('{n}', String(msg.retry_after));
      }
      return msg.message || this.t('error');
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
          this.serverDisclosure = msg.text || null;
          this.showDisclosure();
          this.connected(msg.session);
          return;
        case 'resumed':
          this.pendingResume = false;
          if (msg.session !== this.token) { this.lastSeq = msg.last_seq || 0; }
          if (msg.text) { this.serverDisclosure = msg.text; this.showDisclosure(); }
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
          // A failed turn (numbered) ends its preview.
          if (this.stream && typeof msg.seq === 'number') { this.endStream(); }
          var says = this.errorText(msg);
          // A refused message was not processed: its text goes back into
          // the input, and the note (in the live region) says so. Refusals
          // come at once and echoes only when the turn starts, so the
          // refused message is the newest one not echoed yet.
          if (typeof msg.seq !== 'number' && REFUSED[msg.code] && this.unconfirmed.length) {
            this.giveBack(this.unconfirmed.pop());
            says += ' ' + this.t('kept');
          }
          this.note(says, 'error');
          break;
        case 'token':
          this.streamToken(msg);
          return;
        case 'user_message':
          var at = this.unconfirmed.indexOf(msg.text);
          if (at >= 0) { this.unconfirmed.splice(at, 1); }
          this.anchor = null;
          var um = this.addMessage('user', null, msg.text, 'you');
          if (this.held) { um.appendChild(this.tr(el('span', { class: 'sent' }), 'sent')); }
          break;
        case 'answer':
          this.addAnswer(msg);
          break;
        case 'agent_message':
          this.showTyping(null);
          this.anchor = this.addMessage('agent', msg.from || null, msg.text, 'team');
          this.scrollDown();
          break;
        case 'agent_typing':
          this.showTyping(msg.from || '');
          return;
        case 'handoff':
          if (msg.state === 'agent_joined') { this.held = msg.from || true; }
          if (msg.state === 'agent_left') { this.held = null; this.showTyping(null); }
          if (msg.text) { this.note(msg.text, 'notice'); }
          break;
        case 'notice':
          // While an agent holds the conversation every message brings the
          // same notice; it is shown once.
          if (msg.text && !(this.held && msg.text === this.lastNotice)) { this.note(msg.text, 'notice'); }
          this.lastNotice = msg.text;
          break;
        default:
          return;
      }
      if (typeof msg.seq === 'number') { this.lastSeq = msg.seq; }
    }

    streamToken(msg) {
      if (!this.stream || this.stream.id !== msg.answer_id) {
        this.streamBox.textContent = '';
        this.streamBox.appendChild(this.tr(el('span', { class: 'who' }), 'bot'));
        var p = el('div', { class: 'text', dir: 'auto' });
        this.streamBox.appendChild(p);
        this.stream = { id: msg.answer_id, node: p, text: '' };
        this.streamBox.hidden = false;
        this.anchor = this.streamBox;
      }
      this.stream.text += msg.text;
      this.stream.node.textContent = '';
      this.render(this.stream.text, this.stream.node);
      this.scrollDown();
    }

    // showTyping shows that the agent named name is typing (for a few
    // seconds, or until the message comes), or hides it for null.
    showTyping(name) {
      clearTimeout(this.typingTimer);
      var text = name == null ? '' : name ? this.t('typing').replace('{name}', name) : this.t('team') + ' …';
      // Set only on a change, so that screen readers announce it once.
      if (this.typing.textContent !== text) { this.typing.textContent = text; }
      if (name != null) {
        this.typingTimer = setTimeout(this.showTyping.bind(this, null), 8000);
        this.scrollDown();
      }
    }

    endStream() {
      if (this.anchor === this.streamBox) { this.anchor = null; }
      this.stream = null;
      this.streamBox.hidden = true;
      this.streamBox.textContent = '';
    }

    // addMessage adds a message of kind by who, or, if who is null, by
    // the party named by text key whoKey.
    addMessage(kind, who, text, whoKey) {
      var m = el('div', { class: 'msg ' + kind });
      var w = el('span', { class: 'who' }, who);
      if (who == null) { this.tr(w, whoKey); }
      m.appendChild(w);
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

    // render builds text, read as the small Markdown subset, as DOM nodes
    // in parent: paragraphs (single line breaks kept), lists, bold, links.
    render(text, parent) {
      var list = null, para = null;
      String(text).replace(/\r\n?/g, '\n').split('\n').forEach(function (line) {
        var m = LIST.exec(line);
        if (m) {
          var tag = m[1] ? 'OL' : 'UL';
          if (!list || list.tagName !== tag) {
            // A one-line paragraph ending in ':' heads the list.
            if (para && !para.querySelector('br') && /:\s*$/.test(para.textContent)) { para.className = 'lead'; }
            list = parent.appendChild(el(tag));
            if (m[1] && m[1] !== '1') { list.setAttribute('start', m[1]); }
          }
          this.inline(m[2], list.appendChild(el('li')));
          para = null;
        } else if (!line.trim()) {
          list = para = null;
        } else {
          list = null;
          if (para) { para.appendChild(el('br')); } else { para = parent.appendChild(el('p')); }
          this.inline(line.trim(), para);
        }
      }, this);
    }

    // inline adds text with its bold parts and links to parent.
    inline(text, parent) {
      var re = new RegExp(INLINE.source, 'g'), at = 0, m;
      while ((m = re.exec(text))) {
        var end = m.index + m[0].length, node = null;
        if (m[1] != null) {
          node = el('strong');
          this.inline(m[1], node);
        } else if (m[2] != null) {
          node = /^https?:\/\//i.test(m[3]) ? this.link(m[3], m[2]) : null;
        } else {
          var u = trimURL(m[4]);
          end = re.lastIndex = m.index + u.length;
          node = this.link(u, u.replace(/^https?:\/\//i, '').replace(/\/$/, ''));
        }
        if (node) {
          parent.appendChild(document.createTextNode(text.slice(at, m.index)));
          parent.appendChild(node);
          at = end;
        }
      }
      parent.appendChild(document.createTextNode(text.slice(at)));
    }

    // link returns a link to u that opens in a new tab, or null when u is
    // not http(s).
    link(u, label) {
      var href = safeURL(u);
      if (!href) { return null; }
      var a = el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, label);
      a.appendChild(this.tr(el('span', { class: 'sr-only' }), 'newWin'));
      return a;
    }

    addAnswer(msg) {
      if (this.stream && this.stream.id === msg.answer_id) { this.endStream(); }
      var text = String(msg.text || '');
      var sources = Array.isArray(msg.sources) ? msg.sources : [];
      if (!text.trim() && !sources.length) { return; } // nothing to say (an agent holds the chat)
      var m = el('div', { class: 'msg bot' });
      m.appendChild(this.tr(el('span', { class: 'who' }), 'bot'));
      var body = el('div', { class: 'text', dir: 'auto', id: 'lotse-a' + (++this.n) });
      if (typeof msg.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(msg.lang)) {
        body.setAttribute('lang', msg.lang);
        this.adoptLang(msg.lang);
      }
      this.render(text, body);
      m.appendChild(body);
      var more = this.tr(el('button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': body.id }), 'more');
      var expand = function (open) {
        body.classList.toggle('clamp', !open);
        more.setAttribute('aria-expanded', String(open));
        this.tr(more, open ? 'less' : 'more');
      }.bind(this);
      more.addEventListener('click', function () {
        var open = more.getAttribute('aria-expanded') !== 'true';
        expand(open);
        if (!open) { this.transcript.scrollTop = m.offsetTop - 8; }
      }.bind(this));
      // Keyboard focus never lands in the folded part.
      body.addEventListener('focusin', function () { expand(true); });
      m.appendChild(more);
      var orig = this.originalText(msg);
      if (orig) { m.appendChild(orig); }
      if (sources.length) {
        var box = el('div', { class: 'sources' });
        box.appendChild(this.tr(el('span', { class: 'label' }), 'sources'));
        var ul = el('ul');
        sources.forEach(function (s) {
          var li = el('li');
          var label = String(s.title || s.id || s.url || '');
          var a = this.link(s.url, label);
          if (a) { li.appendChild(a); } else { li.textContent = label; }
          ul.appendChild(li);
        }, this);
        box.appendChild(ul);
        m.appendChild(box);
      }
      m.appendChild(this.actions(msg, text));
      this.log.appendChild(m);
      // Anything beyond a screenful folds behind "Mehr anzeigen".
      body.classList.add('clamp');
      if (body.scrollHeight > body.clientHeight + 4) { more.hidden = false; } else { body.classList.remove('clamp'); more.hidden = true; }
      this.anchor = m;
      this.scrollDown();
    }

    // originalText returns the "Originaltext" of a model's answer: a
    // button (aria-expanded) that shows or hides the source passages the
    // answer rests on, in their own language and direction; null when the
    // answer carries none (extractive answers quote the source anyway).
    originalText(msg) {
      var items = (Array.isArray(msg.original) ? msg.original : []).filter(function (o) {
        return o && typeof o.text === 'string' && o.text.trim();
      });
      if (!items.length) { return null; }
      var box = el('div', { class: 'original' });
      var id = 'lotse-o' + (++this.n);
      var btn = this.tr(el('button', { type: 'button', class: 'orig-toggle', 'aria-expanded': 'false', 'aria-controls': id }), 'original');
      var region = el('div', { class: 'orig-text', id: id });
      region.hidden = true;
      items.forEach(function (o) {
        var lang = typeof o.lang === 'string' && /^[a-z]{2,3}$/.test(o.lang) ? o.lang : 'de';
        var item = el('div', { class: 'orig-item', lang: lang, dir: RTL[lang] ? 'rtl' : 'ltr' });
        var head = String(o.section || '');
        if (typeof o.source === 'number' && o.source > 0) { head += (head ? ' ' : '') + '[' + o.source + ']'; }
        if (head) { item.appendChild(el('p', { class: 'orig-head' }, head)); }
        this.render(o.text, item);
        region.appendChild(item);
      }, this);
      btn.addEventListener('click', function () {
        var open = btn.getAttribute('aria-expanded') !== 'true';
        btn.setAttribute('aria-expanded', String(open));
        region.hidden = !open;
      });
      box.appendChild(btn);
      box.appendChild(region);
      return box;
    }

    actions(msg, text) {
      var bar = el('div', { class: 'actions' });
      if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
        var speak = this.tr(el('button', { type: 'button', class: 'speak', 'aria-pressed': 'false' }), 'speak');
        var lang = typeof msg.lang === 'string' && msg.lang ? msg.lang : null;
        speak.addEventListener('click', function () { this.readAloud(plain(text), speak, lang); }.bind(this));
        bar.appendChild(speak);
      }
      var self = this;
      var up = this.tr(el('button', { type: 'button', class: 'rate up', 'aria-pressed': 'false' }), 'up');
      var down = this.tr(el('button', { type: 'button', class: 'rate down', 'aria-pressed': 'false' }), 'down');
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

    // readAloud reads text in lang (default: the chosen language) or, if
    // btn is already reading, stops it.
    readAloud(text, btn, lang) {
      var synth = window.speechSynthesis;
      var wasMe = this.speaking === btn;
      synth.cancel();
      if (this.speaking) {
        this.speaking.setAttribute('aria-pressed', 'false');
        this.tr(this.speaking, 'speak');
        this.speaking = null;
      }
      if (wasMe) { return; }
      var u = new SpeechSynthesisUtterance(text);
      u.lang = lang || this.langSelect.value;
      u.addEventListener('end', function () {
        btn.setAttribute('aria-pressed', 'false');
        this.tr(btn, 'speak');
        if (this.speaking === btn) { this.speaking = null; }
      }.bind(this));
      btn.setAttribute('aria-pressed', 'true');
      this.tr(btn, 'stop');
      this.speaking = btn;
      synth.speak(u);
    }

    // scrollDown scrolls to the end of the transcript, but never past the
    // top of the newest answer: a long answer is read from its beginning.
    scrollDown() {
      var t = this.transcript, top = t.scrollHeight;
      if (this.anchor && this.anchor.isConnected && !this.anchor.hidden) { top = Math.min(top, this.anchor.offsetTop - 8); }
      t.scrollTop = top;
    }
  }

  customElements.define('lotse-chat', LotseChat);

  function mount() {
    document.body.appendChild(document.createElement('lotse-chat'));
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
