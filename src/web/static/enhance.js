// Progressive enhancement for the search page (the page works fully without it):
// a changed filter checkbox applies the filters at once, and focus returns to that
// checkbox after the reload so keyboard users keep their place.
(function () {
  'use strict';
  var form = document.querySelector('form[data-auto-submit]');
  if (!form) return;
  var note = form.querySelector('[data-auto-submit-note]');
  if (note) note.hidden = false;
  var key = 'baukasten:filter-focus';
  try {
    var id = window.sessionStorage.getItem(key);
    window.sessionStorage.removeItem(key);
    var previous = id ? document.getElementById(id) : null;
    if (previous) previous.focus();
  } catch (e) {
    // Storage may be disabled; the filters still work.
  }
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (!target || target.type !== 'checkbox') return;
    try {
      window.sessionStorage.setItem(key, target.id);
    } catch (e) {
      // ignore
    }
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  });
})();
