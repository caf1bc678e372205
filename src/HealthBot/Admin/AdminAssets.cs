namespace HealthBot.Admin;

/// <summary>
/// The workspace's only stylesheet and script, served from memory: no CDN, a few kilobytes over a slow link.
/// </summary>
public static class AdminAssets
{
    public const string Css = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#111;background:#fff}
        header{background:#0b3d60;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        header span{min-width:0;overflow-wrap:anywhere}
        header a,header button{color:#fff;background:none;border:0;font:inherit;text-decoration:underline;
          cursor:pointer}
        main{padding:1rem;max-width:70rem}
        a{color:#0645ad}
        :focus{outline:3px solid #f5a623;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
        .state-missing{background:#fde2e2}.state-draft{background:#fff4ce}.state-review{background:#dbeafe}
        .state-published{background:#dcfce7}.state-stale{background:#fed7aa}
        label{display:block;font-weight:600;margin-top:.75rem}
        input,textarea,select{font:inherit;width:100%;max-width:40rem;box-sizing:border-box;padding:.3rem;
          border:1px solid #555}
        button{font:inherit;padding:.4rem .9rem;margin:.5rem .5rem 0 0;border:1px solid #0b3d60;background:#0b3d60;
          color:#fff;cursor:pointer}
        .error{color:#a00000;font-weight:600}.notice{color:#065f20;font-weight:600}
        ins{background:#bbf7d0;text-decoration:none}del{background:#fecaca}
        .scroll{overflow-x:auto}input[type=checkbox],input[type=radio]{width:auto}
        fieldset{margin-top:1rem;max-width:40rem}summary{cursor:pointer;margin-top:.5rem}
        .msg-in{background:#f1f5f9}.msg-out{background:#ecfdf5}.urgent{color:#a00000;font-weight:700}
        .scroll{overflow-x:auto}td.num{text-align:right}
        .conversation li{padding:.3rem .5rem;margin:.3rem 0;overflow-wrap:anywhere}
        .unanswered{border-left:4px solid #a00000}
        .unread{font-weight:700}.badge{background:#a00000;color:#fff;border-radius:1rem;padding:0 .5rem;font-size:.9rem}
        .conversation{list-style:none;padding:0}.conversation li{border-radius:.4rem;max-width:40rem}
        .from-person{background:#f1f5f9}.from-bot{background:#ecfdf5}.from-urgent{background:#fef2f2;border:2px solid #a00000}
        .from-staff{background:#dbeafe;border-left:4px solid #0b3d60}.legend span{padding:0 .4rem}
        .conversation li.from-person{margin-right:2rem}.conversation li:not(.from-person){margin-left:2rem}
        #reply-preview dl{display:flex;flex-wrap:wrap;gap:0 .4rem}#reply-preview dd{margin:0 1rem 0 0}
        #reply-preview .as-sent{white-space:pre-wrap}
        .urgent form label{color:#111;font-weight:400}.urgent form{margin-bottom:.5rem}.contact-card{display:flex;flex-wrap:wrap;gap:.2rem 1rem}.contact-card dt{font-weight:600}
        .contact-card dd{margin:0 1rem 0 0}form.inline{display:inline}button.link{background:none;color:#0645ad;border:0;
        text-decoration:underline;padding:0;margin:0}.ack{font-weight:400;color:#111}
        label.inline-check{display:inline;font-weight:400;margin-left:1rem}
        .cards{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
        .cards li{border:1px solid #999;padding:.5rem 1rem;flex:1 1 12rem}.cards strong{display:block;font-size:2rem}
        .cards .card-alert{border:3px solid #a00000}progress{max-width:100%}
        .lines{white-space:pre-wrap;overflow-wrap:anywhere;max-height:30rem;overflow:auto;border:1px solid #999;
          padding:.5rem}
        .wrap{white-space:pre-wrap;overflow-wrap:anywhere;contain:inline-size;margin:0}
        table.audit td{vertical-align:top}table.audit th,table.audit .who,table.audit .what{overflow-wrap:anywhere}
        table.audit .changes{width:50%}
        """;

    /// <summary>
    /// Refreshes the SMS preview from the server while the editor types (without script, the Preview button does the
    /// same), and every [data-live] block from the page itself every few seconds, so new messages show while it is
    /// open.
    /// Only the answer to the latest request is shown: an earlier, slower answer must not overwrite it.
    /// </summary>
    public const string Js = """
        (function(){
          var live=document.querySelectorAll('[data-live]');
          if(!live.length)return;
          function refresh(){
            if(document.hidden){return setTimeout(refresh,3000);}
            fetch(location.href,{credentials:'same-origin',cache:'no-store'})
              .then(function(r){return r.ok?r.text():null})
              .then(function(h){
                if(h===null)return;
                var doc=new DOMParser().parseFromString(h,'text/html');
                // The tab's title counts open alerts, so a new one is seen from another tab (and heard, if asked).
                if(doc.title&&doc.title!==document.title){
                  if(count(doc.title)>count(document.title))beep();
                  document.title=doc.title;
                }
                // The focused control stays where it was on screen: new messages above it would push it out.
                var a=document.activeElement,top=a&&a!==document.body?a.getBoundingClientRect().top:null;
                for(var i=0;i<live.length;i++){
                  var fresh=doc.getElementById(live[i].id);
                  if(fresh&&fresh.innerHTML!==live[i].innerHTML)update(live[i],fresh);
                }
                var now=document.activeElement;
                if(top!==null&&now&&now!==document.body)window.scrollBy(0,now.getBoundingClientRect().top-top);
              }).catch(function(){}).then(function(){setTimeout(refresh,3000)});
          }
          // A note being written is not wiped by the refresh: the rest of the block shows what is new, and the
          // fields typed in get their text (and caret) back. Only when such a field is gone from the new version
          // (say, the alert was acknowledged meanwhile) does the block wait until the note is sent.
          function update(el,fresh){
            var typed=[],f=el.querySelectorAll('input:not([type=hidden]):not([type=checkbox]),textarea');
            for(var j=0;j<f.length;j++){
              if(f[j].value===f[j].defaultValue)continue;
              var k=f[j].id?'#'+CSS.escape(f[j].id):null;
              if(!k||!fresh.querySelector(k))return;
              typed.push([k,f[j].value,caret(f[j])]);
            }
            swap(el,fresh);
            typed.forEach(function(t){
              var g=el.querySelector(t[0]);
              g.value=t[1];
              if(t[2]&&g===document.activeElement)try{g.setSelectionRange(t[2][0],t[2][1])}catch(e){}
            });
          }
          function caret(el){
            try{return el.selectionStart===null?null:[el.selectionStart,el.selectionEnd]}catch(e){return null}
          }
          // A block that changed is replaced, but the control that had the keyboard keeps it (found again by its
          // id, or its name and value), and scrolled parts keep their place.
          function swap(el,fresh){
            var a=document.activeElement,k=a&&a!==el&&el.contains(a)?key(a):null,kept=[];
            el.querySelectorAll('[id]').forEach(function(s){if(s.scrollTop)kept.push([s.id,s.scrollTop])});
            el.innerHTML=fresh.innerHTML;
            kept.forEach(function(p){var s=document.getElementById(p[0]);if(s)s.scrollTop=p[1]});
            var again=k&&el.querySelector(k);
            if(again)again.focus({preventScroll:true});
          }
          function key(el){
            if(el.id)return '#'+CSS.escape(el.id);
            if(!el.name)return null;
            return el.tagName+'[name="'+CSS.escape(el.name)+'"]'+(el.value?'[value="'+CSS.escape(el.value)+'"]':'');
          }
          function count(t){var m=/^\((\d+)\)/.exec(t);return m?+m[1]:0}
          var sound=document.getElementById('alert-sound');
          if(sound){
            sound.checked=localStorage.getItem('hb-alert-sound')==='1';
            sound.addEventListener('change',function(){localStorage.setItem('hb-alert-sound',sound.checked?'1':'0')});
          }
          function beep(){
            if(!sound||!sound.checked||!window.AudioContext)return;
            var a=new AudioContext(),o=a.createOscillator();
            o.frequency.value=880;o.connect(a.destination);o.start();o.stop(a.currentTime+0.4);
          }
          setTimeout(refresh,3000);
        })();
        (function(){
          var boxes=document.querySelectorAll('textarea[data-preview]');
          for(var i=0;i<boxes.length;i++)wire(boxes[i],document.getElementById(boxes[i].dataset.preview));
        function wire(box,out){
          if(!out)return;
          var timer,asked=0;
          function update(){
            clearTimeout(timer);
            timer=setTimeout(function(){
              var mine=++asked;
              fetch(out.dataset.url+'&text='+encodeURIComponent(box.value),{credentials:'same-origin'})
                .then(function(r){return r.ok?r.text():null})
                .then(function(h){if(h!==null&&mine===asked)out.innerHTML=h});
            },400);
          }
          box.addEventListener('input',update);
          // Typing that happened before this script ran (a slow load) raised no event the listener saw.
          if(box.value!==box.defaultValue)update();
        }
        })();
        """;
}
