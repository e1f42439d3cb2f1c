// Demo page controls: the radio buttons set <news-lens labels>, the checkbox toggles its panel.
const lens = document.getElementById('lens');

for (const radio of document.querySelectorAll('input[name="labels"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    if (radio.value) lens.setAttribute('labels', radio.value);
    else lens.removeAttribute('labels');
  });
}

document.getElementById('panel-toggle').addEventListener('change', (event) => {
  lens.toggleAttribute('panel', event.target.checked);
});
