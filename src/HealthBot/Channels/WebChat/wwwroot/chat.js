// HealthBot web chat. Text from users and from content is only ever placed with createElement/createTextNode:
// nothing received is parsed as HTML, so a message cannot inject markup or script into the page.
// Plain ES5 without modern syntax, so that older phone browsers still run it.
(function () {
  "use strict";
  var ui = {
    en: { title: "HealthBot", language: "Language", intro: "Ask a health question. Answers come from health information checked by our health team. In an emergency, go to the nearest health facility.", label: "Your question", send: "Send", hint: "Press Enter to send, Shift+Enter for a new line.", sending: "Sending…", waiting: "HealthBot is typing…", failed: "Not sent. Check your connection and try again.", log: "Conversation", you: "You", bot: "HealthBot", staff: "Health worker (HealthBot team)" },
    fr: { title: "HealthBot", language: "Langue", intro: "Posez une question de santé. Les réponses viennent d'informations vérifiées par notre équipe de santé. En cas d'urgence, allez au centre de santé le plus proche.", label: "Votre question", send: "Envoyer", hint: "Entrée pour envoyer, Maj+Entrée pour aller à la ligne.", sending: "Envoi…", waiting: "HealthBot écrit…", failed: "Non envoyé. Vérifiez votre connexion et réessayez.", log: "Conversation", you: "Vous", bot: "HealthBot", staff: "Agent de santé (équipe HealthBot)" },
    sw: { title: "HealthBot", language: "Lugha", intro: "Uliza swali la afya. Majibu yanatoka kwa taarifa zilizokaguliwa na timu yetu ya afya. Katika dharura, nenda kituo cha afya kilicho karibu.", label: "Swali lako", send: "Tuma", hint: "Bonyeza Enter kutuma, Shift+Enter kwa mstari mpya.", sending: "Inatuma…", waiting: "HealthBot inaandika…", failed: "Haijatumwa. Angalia mtandao na ujaribu tena.", log: "Mazungumzo", you: "Wewe", bot: "HealthBot", staff: "Mhudumu wa afya (timu ya HealthBot)" },
    pt: { title: "HealthBot", language: "Idioma", intro: "Faça uma pergunta de saúde. As respostas vêm de informações verificadas pela nossa equipa de saúde. Numa emergência, vá à unidade de saúde mais próxima.", label: "A sua pergunta", send: "Enviar", hint: "Prima Enter para enviar, Shift+Enter para mudar de linha.", sending: "A enviar…", waiting: "HealthBot está a escrever…", failed: "Não enviado. Verifique a ligação e tente de novo.", log: "Conversa", you: "Você", bot: "HealthBot", staff: "Profissional de saúde (equipa HealthBot)" },
    hi: { title: "HealthBot", language: "भाषा", intro: "स्वास्थ्य से जुड़ा सवाल पूछें। जवाब हमारी स्वास्थ्य टीम द्वारा जाँची गई जानकारी से आते हैं। आपात स्थिति में नज़दीकी स्वास्थ्य केंद्र जाएँ।", label: "आपका सवाल", send: "भेजें", hint: "भेजने के लिए Enter, नई पंक्ति के लिए Shift+Enter दबाएँ।", sending: "भेज रहे हैं…", waiting: "HealthBot लिख रहा है…", failed: "नहीं भेजा गया। कनेक्शन जाँचें और फिर से कोशिश करें।", log: "बातचीत", you: "आप", bot: "HealthBot", staff: "स्वास्थ्य कर्मी (HealthBot टीम)" }
  };
  var $ = function (id) { return document.getElementById(id); };
  var log = $("log"), form = $("form"), text = $("text"), status = $("status"), typing = $("typing"), picker = $("language"), send = $("send"), announcer = $("announce");
  var lang = "en", chosen = false, seen = {}, last = 0, first = true;
  var timer = 0, idle = 0, busy = false, again = false, sending = false, draft = null;

  function t(key) { return ui[lang][key]; }

  function el(tag, className, parent) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function applyLanguage(code) {
    lang = ui[code] ? code : "en";
    picker.value = lang;
    document.documentElement.lang = lang;
    document.title = t("title");
    var labels = { title: "title", "language-label": "language", intro: "intro", "text-label": "label", send: "send", hint: "hint", "typing-text": "waiting" };
    for (var id in labels) { $(id).textContent = t(labels[id]); }
    log.setAttribute("aria-label", t("log"));
    var who = log.querySelectorAll(".who");
    for (var i = 0; i < who.length; i++) { labelWho(who[i], who[i].getAttribute("data-from")); }
  }

  // A reply written by a person of the health team says so in plain sight; "You" and "HealthBot" are for screen readers.
  function labelWho(node, from) {
    node.setAttribute("data-from", from);
    node.lang = lang;
    node.textContent = (from === "user" ? t("you") : from === "staff" ? t("staff") : t("bot")) + ": ";
  }

  // Light markdown used in content: **bold** and _italic_ (an underscore inside a word, as in snake_case, stays).
  var INLINE = /\*\*([^*\n]+?)\*\*|(^|[\s(\["'«])_([^_\n]+?)_(?=$|[\s.,;:!?)\]"'»])/g;

  function inline(parent, value) {
    var re = new RegExp(INLINE.source, "g"), at = 0, m;
    while ((m = re.exec(value))) {
      var start = m.index + (m[2] ? m[2].length : 0);
      parent.appendChild(document.createTextNode(value.slice(at, start)));
      if (m[1] !== undefined) { inline(el("strong", null, parent), m[1]); } else { el("em", null, parent).textContent = m[3]; }
      at = re.lastIndex;
    }
    parent.appendChild(document.createTextNode(value.slice(at)));
  }

  // Paragraphs are separated by blank lines; lines starting with "- " become list items.
  function render(parent, value) {
    var blocks = value.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
    for (var b = 0; b < blocks.length; b++) {
      var lines = blocks[b].split("\n"), list = null, para = null;
      for (var i = 0; i < lines.length; i++) {
        var line = lines[i].replace(/^\s+|\s+$/g, ""), item = /^[-•]\s+(.*)$/.exec(line);
        if (!line) { continue; }
        if (item) {
          list = list || el("ul", null, parent);
          para = null;
          inline(el("li", null, list), item[1]);
          continue;
        }
        list = null;
        if (para) { el("br", null, para); } else { para = el("p", null, parent); }
        inline(para, line);
      }
    }
  }

  function add(message) {
    if (seen[message.id]) { return null; }
    seen[message.id] = true;
    var li = document.createElement("li");
    li.className = (message.from === "user" ? "user" : message.from === "staff" ? "bot staff" : "bot") + (message.kind === "urgent" ? " urgent" : "");
    li.setAttribute("data-id", message.id);
    if (message.language) { li.lang = message.language; }
    labelWho(el("span", message.from === "staff" ? "who" : "who visually-hidden", li), message.from);
    if (message.from === "user") { li.appendChild(document.createTextNode(message.text)); } else { render(li, message.text); }
    // Keep id order: a late reply to an earlier question must not land below a newer question.
    var next = null;
    for (var i = log.children.length - 1; i >= 0 && +log.children[i].getAttribute("data-id") > message.id; i--) { next = log.children[i]; }
    log.insertBefore(li, next);
    return li;
  }

  function announce(items) {
    // Cleared first so that a repeated identical answer is still spoken.
    announcer.textContent = "";
    announcer.lang = items[0].lang || lang;
    var words = [];
    for (var i = 0; i < items.length; i++) { words.push(items[i].textContent); }
    setTimeout(function () { announcer.textContent = words.join(" "); }, 100);
  }

  function schedule(ms) {
    clearTimeout(timer);
    // A hidden tab does not poll at all; visibilitychange resumes.
    if (!document.hidden) { timer = setTimeout(poll, ms); }
  }

  function poll() {
    if (busy) { again = true; return; }
    busy = true;
    clearTimeout(timer);
    fetch("/api/webchat/messages?after=" + last, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        var fresh = [], full = data.messages.length >= 100;
        for (var i = 0; i < data.messages.length; i++) {
          var m = data.messages[i], li = add(m);
          if (m.id > last) { last = m.id; }
          if (li && m.from !== "user") { fresh.push(li); }
        }
        if (first) {
          // History is neither announced nor scrolled through message by message, however many pages it takes.
          first = full;
          if (!chosen && ui[data.language]) { applyLanguage(data.language); }
          if (log.lastElementChild) { log.lastElementChild.scrollIntoView({ block: "end" }); }
        } else if (fresh.length) {
          announce(fresh);
          fresh[0].scrollIntoView({ block: "start" });
        }
        typing.hidden = !data.pending;
        // Poll every second while an answer is on its way; when idle, wait longer after each empty poll
        // (5 s up to a minute) to spare 2G data and batteries.
        idle = data.pending ? 0 : fresh.length ? 1 : idle + 1;
        // A full page (the server sends at most 100) means a long history is still loading: fetch the rest now.
        done(full ? 0 : data.pending ? 1000 : Math.min(2500 * Math.pow(2, idle), 60000));
      })
      .catch(function () { idle++; done(Math.min(2000 * Math.pow(2, idle), 60000)); });
  }

  function done(ms) {
    busy = false;
    if (again) { again = false; ms = 0; }
    schedule(ms);
  }

  function submit() {
    var value = text.value.replace(/^\s+|\s+$/g, "");
    if (!value || sending) { return; }
    // A retry of the same text keeps its id, so a POST that did arrive over a flaky link is not asked twice.
    if (!draft || draft.text !== value) { draft = { text: value, id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8) }; }
    sending = true;
    send.setAttribute("aria-disabled", "true");
    status.textContent = t("sending");
    fetch("/api/webchat/messages", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: value, language: lang, clientId: draft.id }) })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (result) {
        var li = add({ id: result.id, from: "user", text: value, language: lang });
        if (li) { li.scrollIntoView({ block: "end" }); }
        draft = null;
        text.value = "";
        status.textContent = "";
        typing.hidden = false;
        idle = 0;
        poll();
      })
      .catch(function () { status.textContent = t("failed"); })
      .then(function () { sending = false; send.removeAttribute("aria-disabled"); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });

  text.addEventListener("keydown", function (event) {
    // Enter while an input method is composing (e.g. Hindi) picks a word; it must not send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); submit(); }
  });

  picker.addEventListener("change", function () {
    applyLanguage(picker.value);
    chosen = true;
    try { localStorage.setItem("hb_lang", lang); } catch (e) { /* storage blocked: the server still keeps the choice */ }
    fetch("/api/webchat/language", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ language: lang }) })
      .catch(function () { /* the next message carries the language too */ });
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { idle = 0; poll(); }
  });

  var saved = null;
  try { saved = localStorage.getItem("hb_lang"); } catch (e) { saved = null; }
  chosen = !!ui[saved];
  applyLanguage(saved || (navigator.language || "en").slice(0, 2).toLowerCase());
  poll();
})();
