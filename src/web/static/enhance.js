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

// Forms (GOV.UK error pattern): the error summary takes focus so it is announced and the keyboard
// starts there; its links move focus into the field, not just the view. After "add a row" the page
// opens at the new row (#contacts-2): its first field gets focus.
(function () {
  'use strict';
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
      var field = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
      if (!field || typeof field.focus !== 'function') return;
      event.preventDefault();
      var label = document.querySelector('label[for="' + field.id + '"]');
      (label || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
    return;
  }
  var row = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  var first = row && row.matches && row.matches('.repeatable-item') ? row.querySelector('input:not([type=hidden]), select, textarea') : null;
  if (first) first.focus();
})();
