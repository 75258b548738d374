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
  const labels = {
    threads: 'threads', inserted: 'new comments', updated: 'comments updated', comments: 'comments',
    orphans: 'replies to missing comments (kept top-level)', held: 'held for moderation (unapproved)',
    rejected: 'rejected (spam)', deleted: 'deleted (kept as placeholders)', authors: 'authors',
    pingbacks: 'pingbacks and trackbacks skipped', withoutId: 'records without an id skipped',
    placeholderThreads: 'threads named but not described (placeholder threads)', votes: 'votes', accounts: 'accounts',
    auditEntries: 'audit log entries', warningCount: 'warnings', seconds: 'seconds',
  };

  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'notice';
  }

  function showReport(r) {
    const rows = report.querySelector('tbody');
    rows.replaceChildren(...Object.keys(labels).filter(k => k in r).map(k => {
      const tr = document.createElement('tr');
      tr.dataset.count = k;
      const value = document.createElement('td');
      value.textContent = k === 'seconds' ? r[k].toFixed(1) : r[k].toLocaleString('en');
      const label = document.createElement('th');
      label.textContent = labels[k];
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
      li.textContent = `… and ${r.warningCount - warnings.length} more of the same kinds.`;
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
    if (!file) { show('Choose a file first.', true); return; }
    if (file.size > maxBytes) {
      show(`${file.name} is ${file.size.toLocaleString('en')} bytes; uploads are limited to `
        + `${maxBytes.toLocaleString('en')} bytes. Import it with \`parley import\` on the server instead.`, true);
      return;
    }
    const query = new URLSearchParams({format: form.format.value});
    if (form.format.value !== 'json') query.set('pageKey', form.pageKey.value);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show(`Importing ${file.name}… large files take a while; keep this page open.`, false);
    try {
      const r = await fetch(`/api/v1/sites/${encodeURIComponent(site)}/imports?${query}`, {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: {'X-CSRF-Token': document.querySelector('meta[name=csrf]')?.content,
          'Content-Type': 'application/octet-stream'},
      });
      const json = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(json.error?.message || `The upload failed (HTTP ${r.status}).`);
      show(`Imported ${file.name}.`, false);
      showReport(json);
    } catch (err) {
      show(`Not imported: ${err.message}`, true);
    } finally {
      button.disabled = false;
    }
  });
})();
