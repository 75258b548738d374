// Parley dashboard: one-key moderation (j/k move, a/r/f act, x select, u undo), bulk actions, undo toasts.
(() => {
  const csrf = document.querySelector('meta[name=csrf]')?.content;
  const site = document.body.dataset.site;
  const api = (path, body) => fetch(`/api/v1/sites/${encodeURIComponent(site)}${path}`, {
    method: 'POST', credentials: 'same-origin',
    headers: Object.assign({'X-CSRF-Token': csrf}, body ? {'Content-Type': 'application/json'} : {}),
    body: body ? JSON.stringify(body) : undefined,
  }).then(async r => {
    const json = r.status === 204 ? {} : await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(json.error?.message || `Request failed (${r.status})`);
    return json;
  });

  const toastEl = document.getElementById('toast');
  let toastTimer, lastUndo = null;
  function toast(text, undoId) {
    toastEl.textContent = text;
    lastUndo = undoId ?? null;
    if (undoId) {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = 'Undo (u)'; b.onclick = undo;
      toastEl.append(b);
    }
    toastEl.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toastEl.classList.remove('show'), 6000);
  }
  async function undo() {
    if (!lastUndo) return;
    try { await api(`/audit/${lastUndo}/undo`); toast('Undone. Reloading…'); setTimeout(() => location.reload(), 600); }
    catch (e) { toast(e.message); }
  }

  const cards = [...document.querySelectorAll('.card')];
  let current = -1;
  function select(i) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach((c, k) => c.classList.toggle('current', k === current));
    cards[current].focus({preventScroll: true});
    cards[current].scrollIntoView({block: 'nearest', behavior: 'smooth'});
  }
  const past = {approve: 'Approved', reject: 'Rejected', feature: 'Featured', ban: 'Author banned'};
  async function act(card, action) {
    if (!card) return;
    // a ban covers what the moderator ticked on the card: account, browser, address and/or email
    const covers = [...card.querySelectorAll('input[name=covers]:checked')].map(i => i.value);
    if (action === 'ban' && (!covers.length
        || !confirm(`Ban this author from the whole site (${covers.join(', ')})? Their new comments will be refused.`))) return;
    try {
      const res = await api(`/comments/${card.dataset.id}/${action}`, action === 'ban' ? {covers} : undefined);
      if (res.comment) {
        card.querySelector('[data-state]').textContent = res.comment.state;
        card.className = card.className.replace(/state-\w+/, `state-${res.comment.state}`);
      }
      if (action !== 'ban') card.classList.add('done');
      toast(`${past[action]} #${card.dataset.id}${action === 'ban' ? ` (${covers.join(', ')})` : ''}.`, res.auditId);
      if (cards.indexOf(card) === current) select(current + 1);
    } catch (e) { toast(e.message); }
  }
  cards.forEach((card, i) => {
    card.addEventListener('click', e => {
      const b = e.target.closest('[data-action]');
      if (b) act(card, b.dataset.action);
      else if (!e.target.closest('a, input, label')) select(i);
    });
  });

  async function bulk(action) {
    const ids = [...document.querySelectorAll('.sel:checked')].map(c => Number(c.value));
    if (!ids.length) { toast('Select comments first (x, or the checkboxes).'); return; }
    try {
      const res = await api('/bulk', {action, ids});
      toast(`${past[action]} ${res.changed} comment${res.changed === 1 ? '' : 's'}. Reloading…`);
      setTimeout(() => location.reload(), 700);
    } catch (e) { toast(e.message); }
  }
  document.querySelectorAll('[data-bulk]').forEach(b => b.addEventListener('click', () => bulk(b.dataset.bulk)));
  document.getElementById('select-all')?.addEventListener('change', e =>
    document.querySelectorAll('.sel').forEach(c => { c.checked = e.target.checked; }));
  document.querySelectorAll('[data-undo]').forEach(b => b.addEventListener('click', async () => {
    try { await api(`/audit/${b.dataset.undo}/undo`); location.reload(); } catch (e) { toast(e.message); }
  }));
  document.querySelectorAll('[data-close-thread]').forEach(b => b.addEventListener('click', async () => {
    const close = b.dataset.closed !== 'true';
    if (close && !confirm('Close this thread? Readers will no longer be able to comment on the article.')) return;
    try {
      await api(`/threads/${b.dataset.closeThread}/close`, {closed: close});
      document.querySelectorAll(`[data-close-thread="${b.dataset.closeThread}"]`).forEach(o => {
        o.dataset.closed = String(close); o.textContent = close ? 'Reopen thread' : 'Close thread';
      });
      toast(close ? 'Thread closed for new comments.' : 'Thread reopened.');
    } catch (e) { toast(e.message); }
  }));
    document.querySelector('[data-site-select]')?.addEventListener('change', e => {
    location.href = `/admin/${encodeURIComponent(e.target.value)}/queue/pending`;
  });

  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, textarea, select')) return;
    const card = cards[current];
    switch (e.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current - 1); break;
      case 'a': act(card, 'approve'); break;
      case 'r': act(card, 'reject'); break;
      case 'f': act(card, 'feature'); break;
      case 'x': if (card) { const c = card.querySelector('.sel'); c.checked = !c.checked; } break;
      case 'u': undo(); break;
      default: return;
    }
    e.preventDefault();
  });
  if (cards.length) select(0);
})();
