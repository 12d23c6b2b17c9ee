// Autocomplete of the header search box: asks /api/search/suggest as the reader types and lists
// the resources whose names match; a choice opens the resource's page, Enter alone searches.
(function () {
  'use strict';
  var input = document.getElementById('site-search-q');
  var list = document.getElementById('site-search-suggest');
  if (!input || !list) return;
  var lang = document.documentElement.lang || 'en';
  var timer = null, seq = 0, active = -1;

  function close() {
    list.hidden = true; list.textContent = ''; active = -1;
    input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant');
  }
  function mark(i) {
    var items = list.querySelectorAll('li');
    items.forEach(function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
    active = i;
    if (i >= 0 && items[i]) input.setAttribute('aria-activedescendant', items[i].id);
  }
  function show(data) {
    list.textContent = '';
    (data.suggestions || []).forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = 'site-search-suggest-' + i; li.setAttribute('role', 'option');
      var a = document.createElement('a'); a.href = s.href;
      var name = document.createElement('span'); name.textContent = s.label;
      var kind = document.createElement('small'); kind.textContent = s.scheme ? s.typeLabel + " · " + s.scheme : s.typeLabel;
      a.appendChild(name); a.appendChild(kind); li.appendChild(a); list.appendChild(li);
    });
    var any = list.children.length > 0;
    list.hidden = !any; input.setAttribute('aria-expanded', any ? 'true' : 'false'); active = -1;
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      var mine = ++seq;
      fetch('/api/search/suggest?lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (d) { if (mine === seq) show(d); })
        .catch(function () { close(); });
    }, 150);
  });
  input.addEventListener('keydown', function (e) {
    var n = list.children.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); mark((active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); mark((active - 1 + n) % n); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0 && list.children[active]) {
      e.preventDefault(); window.location.href = list.children[active].querySelector('a').href;
    }
  });
  document.addEventListener('click', function (e) { if (!input.form.contains(e.target)) close(); });
})();
