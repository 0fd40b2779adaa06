// Injected into a temporary copy of report.html by ReportBrowserTests (never into the report
// itself). Opens every <details>, then measures what overflows the viewport and writes the
// result as JSON into <pre id="nines-measure"> (read back with chromium --dump-dom) and, when
// the page sits in a frame of a given width, posts it to the parent.
window.addEventListener('load', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var width = document.documentElement.clientWidth;
  var outside = [];
  document.querySelectorAll('body *').forEach(function (el) {
    var box = el.closest('.scroll');
    if (box && box !== el) return;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.right > width + 0.5 || r.left < -0.5) {
      var section = el.closest('section, header, footer');
      outside.push((section ? (section.id || section.tagName) + ' ' : '') + el.tagName.toLowerCase() +
        (el.className && el.className.baseVal === undefined ? '.' + el.className : '') +
        ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  });
  var scrolling = [];
  document.querySelectorAll('.scroll').forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 0.5) {
      scrolling.push(el.closest('section').id + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
  });
  var unboxed = [];
  document.querySelectorAll('table').forEach(function (t) {
    if (!t.closest('.scroll')) unboxed.push(t.closest('section').id);
  });
  var result = JSON.stringify({
    width: width, documentWidth: document.documentElement.scrollWidth,
    outside: outside.slice(0, 20), scrolling: scrolling, unboxed: unboxed
  });
  var out = document.createElement('pre');
  out.id = 'nines-measure';
  out.textContent = result;
  document.body.appendChild(out);
  if (window.parent !== window) window.parent.postMessage(result, '*');
});
