// HealthBot web chat. Everything from users or content is inserted with textContent: never as HTML.
(function () {
  "use strict";
  var ui = {
    en: { title: "HealthBot", language: "Language", intro: "Ask a health question. Answers come from health information checked by our health team. In an emergency, go to the nearest health facility.", label: "Your question", send: "Send", sending: "Sending…", waiting: "HealthBot is typing…", failed: "Not sent. Check your connection and try again.", you: "You", bot: "HealthBot" },
    fr: { title: "HealthBot", language: "Langue", intro: "Posez une question de santé. Les réponses viennent d'informations vérifiées par notre équipe de santé. En cas d'urgence, allez au centre de santé le plus proche.", label: "Votre question", send: "Envoyer", sending: "Envoi…", waiting: "HealthBot écrit…", failed: "Non envoyé. Vérifiez votre connexion et réessayez.", you: "Vous", bot: "HealthBot" },
    sw: { title: "HealthBot", language: "Lugha", intro: "Uliza swali la afya. Majibu yanatoka kwa taarifa zilizokaguliwa na timu yetu ya afya. Katika dharura, nenda kituo cha afya kilicho karibu.", label: "Swali lako", send: "Tuma", sending: "Inatuma…", waiting: "HealthBot inaandika…", failed: "Haijatumwa. Angalia mtandao na ujaribu tena.", you: "Wewe", bot: "HealthBot" },
    pt: { title: "HealthBot", language: "Idioma", intro: "Faça uma pergunta de saúde. As respostas vêm de informações verificadas pela nossa equipa de saúde. Numa emergência, vá à unidade de saúde mais próxima.", label: "A sua pergunta", send: "Enviar", sending: "A enviar…", waiting: "HealthBot está a escrever…", failed: "Não enviado. Verifique a ligação e tente de novo.", you: "Você", bot: "HealthBot" },
    hi: { title: "HealthBot", language: "भाषा", intro: "स्वास्थ्य से जुड़ा सवाल पूछें। जवाब हमारी स्वास्थ्य टीम द्वारा जाँची गई जानकारी से आते हैं। आपात स्थिति में नज़दीकी स्वास्थ्य केंद्र जाएँ।", label: "आपका सवाल", send: "भेजें", sending: "भेज रहे हैं…", waiting: "HealthBot लिख रहा है…", failed: "नहीं भेजा गया। कनेक्शन जाँचें और फिर से कोशिश करें।", you: "आप", bot: "HealthBot" }
  };
  var $ = function (id) { return document.getElementById(id); };
  var log = $("log"), form = $("form"), text = $("text"), status = $("status"), typing = $("typing"), picker = $("language");
  var last = 0, lang = "en", timer = null, delay = 1000, seen = {};

  function t(key) { return (ui[lang] || ui.en)[key]; }

  function applyLanguage(code) {
    lang = ui[code] ? code : "en";
    picker.value = lang;
    document.documentElement.lang = lang;
    $("title").textContent = t("title");
    $("language-label").textContent = t("language");
    $("intro").textContent = t("intro");
    $("text-label").textContent = t("label");
    $("send").textContent = t("send");
    typing.textContent = t("waiting");
  }

  function add(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var li = document.createElement("li");
    li.className = message.from + (message.kind === "urgent" ? " urgent" : "");
    if (message.language) { li.lang = message.language; }
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = (message.from === "user" ? t("you") : t("bot")) + ": ";
    who.style.position = "absolute"; who.style.left = "-9999px";
    li.appendChild(who);
    li.appendChild(document.createTextNode(message.text));
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
    if (message.id > last) { last = message.id; }
  }

  function poll() {
    clearTimeout(timer);
    fetch("/api/webchat/messages?after=" + last, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        data.messages.forEach(add);
        typing.hidden = !data.pending;
        // Poll quickly while an answer is on its way, slowly otherwise: kind to 2G data plans.
        delay = data.pending ? 700 : Math.min(delay * 2, 15000);
        timer = setTimeout(poll, delay);
      })
      .catch(function () { delay = Math.min(delay * 2, 30000); timer = setTimeout(poll, delay); });
  }

  picker.addEventListener("change", function () {
    applyLanguage(picker.value);
    try { localStorage.setItem("hb_lang", lang); } catch (e) { /* private mode */ }
    fetch("/api/webchat/language", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ language: lang }) });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) { return; }
    status.textContent = t("sending");
    var clientId = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    fetch("/api/webchat/messages", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: value, language: lang, clientId: clientId }) })
      .then(function (r) { if (!r.ok) { throw r.status; } text.value = ""; status.textContent = ""; typing.hidden = false; delay = 500; poll(); })
      .catch(function () { status.textContent = t("failed"); });
  });

  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  var saved = null;
  try { saved = localStorage.getItem("hb_lang"); } catch (e) { saved = null; }
  applyLanguage(saved || (navigator.language || "en").slice(0, 2));
  poll();
})();
