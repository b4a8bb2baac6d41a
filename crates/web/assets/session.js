// The warning before a session ends (WCAG 2.2.1): two minutes before the end without activity,
// a modal dialog (role alertdialog: announced with its text, focus on "stay signed in", Escape
// closes it) offers to stay signed in, which extends the session in the background, or to log
// out. Past the end it says so and offers the login. Without scripts, nothing of this runs:
// the header's button extends the session, and a form sent after the end keeps its input.
(function () {
  'use strict';
  var bar = document.querySelector('[data-session-remaining]');
  var dialog = document.getElementById('session-dialog');
  if (!bar || !dialog || typeof dialog.showModal !== 'function') return;
  var WARN_MS = 120 * 1000;
  var idleMs = Number(bar.getAttribute('data-session-idle')) * 1000;
  // Counted from the page's arrival, so that a wrong clock in the browser does not matter.
  var ends = Date.now() + Number(bar.getAttribute('data-session-remaining')) * 1000;
  if (!idleMs || isNaN(ends)) return;
  var text = document.getElementById('session-dialog-text');
  var stay = dialog.querySelector('[data-session-extend]');
  var login = dialog.querySelector('[data-session-login]');
  var endsText = bar.querySelector('[data-session-ends-text]');
  var extendForm = bar.querySelector('form[action="/session/extend"]');
  var timer = null;

  function hm(t) {
    return new Date(t).toLocaleTimeString(document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE', {
      hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin'
    });
  }
  function later(fn, at) {
    clearTimeout(timer);
    timer = setTimeout(fn, Math.max(0, at - Date.now()));
  }
  function schedule() {
    if (endsText) endsText.textContent = bar.getAttribute('data-text-ends-template').replace('TIME', hm(ends));
    later(warn, ends - WARN_MS);
  }
  function warn() {
    if (Date.now() >= ends) return ended();
    text.textContent = dialog.getAttribute('data-text-ending').replace('TIME', hm(ends));
    stay.hidden = false;
    login.hidden = true;
    if (!dialog.open) dialog.showModal();
    stay.focus();
    later(ended, ends);
  }
  function ended() {
    text.textContent = dialog.getAttribute('data-text-ended');
    stay.hidden = true;
    login.hidden = false;
    if (!dialog.open) dialog.showModal();
    login.focus();
  }
  function extend() {
    var body = new URLSearchParams(new FormData(extendForm));
    body.set('reply', 'none');
    fetch('/session/extend', { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (res) {
        // 204: extended. A redirect (to the login) or an error: the session is gone.
        if (res.status !== 204) return ended();
        var remaining = Number(res.headers.get('x-session-remaining'));
        ends = Date.now() + (remaining > 0 ? remaining * 1000 : idleMs);
        dialog.close();
        schedule();
      })
      .catch(ended);
  }
  bar.setAttribute('data-text-ends-template', dialog.getAttribute('data-text-ends'));
  stay.addEventListener('click', extend);
  schedule();
})();
