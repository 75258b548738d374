// Parley dashboard, import page: sends the chosen file to the imports API with the page's CSRF token and shows the
// report (counts, warnings) or the error. The server enforces the size limit too; checking it here first spares
// uploading a file only to have it refused.
(() => {
  const form = document.getElementById('import-form');
  if (!form) return;
  const site = document.body.dataset.site;
  const maxBytes = Number(form.dataset.maxBytes);
  const status = document.getElementById('import-status');
  const report = document.getElementById('import-report');
  // the page's language: the layout writes this script's messages (import.*) into data-strings
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const T = (key, ...args) => (strings[key] || key).replace(/\{(\d)\}/g, (_, i) => args[i]);
  const lang = document.documentElement.lang || 'en';
  const COUNTS = ['threads', 'inserted', 'updated', 'comments', 'orphans', 'held', 'rejected', 'deleted', 'authors',
    'pingbacks', 'withoutId', 'placeholderThreads', 'votes', 'accounts', 'auditEntries', 'warningCount', 'seconds'];

  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'notice';
  }

  function showReport(r) {
    const rows = report.querySelector('tbody');
    rows.replaceChildren(...COUNTS.filter(k => k in r).map(k => {
      const tr = document.createElement('tr');
      tr.dataset.count = k;
      const value = document.createElement('td');
      value.textContent = k === 'seconds' ? r[k].toLocaleString(lang, {maximumFractionDigits: 1}) : r[k].toLocaleString(lang);
      const label = document.createElement('th');
      label.textContent = T('import.count.' + k);
      tr.append(value, label);
      return tr;
    }));
    const warnings = r.warnings || [];
    const box = document.getElementById('import-warnings');
    box.hidden = warnings.length === 0;
    box.querySelector('ul').replaceChildren(...warnings.map(w => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }));
    if (r.warningCount > warnings.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = T('import.moreWarnings', r.warningCount - warnings.length);
      box.querySelector('ul').append(li);
    }
    report.hidden = false;
  }

  const xmlOnly = form.querySelector('[data-xml-only]');
  form.format.addEventListener('change', () => { xmlOnly.hidden = form.format.value === 'json'; });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    report.hidden = true;
    const file = form.file.files[0];
    if (!file) { show(T('import.chooseFile'), true); return; }
    if (file.size > maxBytes) {
      show(T('import.tooLarge', file.name, file.size.toLocaleString(lang), maxBytes.toLocaleString(lang)), true);
      return;
    }
    const query = new URLSearchParams({format: form.format.value});
    if (form.format.value !== 'json') query.set('pageKey', form.pageKey.value);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show(T('import.importing', file.name), false);
    try {
      const r = await fetch(`/api/v1/sites/${encodeURIComponent(site)}/imports?${query}`, {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: {'X-CSRF-Token': document.querySelector('meta[name=csrf]')?.content,
          'Content-Type': 'application/octet-stream'},
      });
      const json = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(json.error?.message || T('import.uploadFailed', r.status));
      show(T('import.done', file.name), false);
      showReport(json);
    } catch (err) {
      show(T('import.failed', err.message), true);
    } finally {
      button.disabled = false;
    }
  });
})();
