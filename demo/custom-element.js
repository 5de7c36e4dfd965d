// Changes the element's attributes at runtime; the widget re-renders.
document.getElementById('show-changes').addEventListener('click', function () {
  var w = document.getElementById('widget');
  w.setAttribute('policy', 'zeekr');
  w.setAttribute('view', 'changes');
  w.setAttribute('from', '2025-11-10');
  w.setAttribute('to', '2025-12-31');
});
document.getElementById('show-kaiyang').addEventListener('click', function () {
  var w = document.getElementById('widget');
  w.removeAttribute('view'); w.removeAttribute('from'); w.removeAttribute('to');
  w.setAttribute('policy', 'kaiyang');
});
