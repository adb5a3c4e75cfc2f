// The demo page's own behaviour (no inline script, so the page works under
// a strict Content-Security-Policy).
const lang = document.getElementById('lang');
lang.addEventListener('change', () => {
  for (const el of document.querySelectorAll('gov-report')) el.setAttribute('lang', lang.value);
});
document.getElementById('go').addEventListener('click', () => {
  const pasted = document.getElementById('pasted');
  pasted.hidden = false;
  pasted.setAttribute('lang', lang.value);
  pasted.text = document.getElementById('input').value;
});
