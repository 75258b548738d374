// Parley dashboard: one-key moderation (j/k move, a/r/f act, x select, u undo), bulk actions, undo toasts.
(() => {
  const csrf = document.querySelector('meta[name=csrf]')?.content;
  const site = document.body.dataset.site;
  const me = document.body.dataset.me; // our account id: our own claims never lock a card for us
  // the page's language: the server writes the messages this script shows into data-strings ({0}, {1} filled here)
  const strings = JSON.parse(document.body.dataset.strings || '{}');
  const T = (key, ...args) => (strings[key] || key).replace(/\{(\d)\}/g, (_, i) => args[i]);
  const api = (path, body, method = 'POST') => fetch(`/api/v1/sites/${encodeURIComponent(site)}${path}`, {
    method, credentials: 'same-origin', keepalive: method === 'DELETE',
    headers: Object.assign({'X-CSRF-Token': csrf}, body ? {'Content-Type': 'application/json'} : {}),
    body: body ? JSON.stringify(body) : undefined,
  }).then(async r => {
    const json = r.status === 204 ? {} : await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(json.error?.message || T('js.requestFailed', r.status));
    return json;
  });

  const toastEl = document.getElementById('toast');
  let toastTimer, lastUndo = null;
  function toast(text, undoId) {
    toastEl.textContent = text;
    lastUndo = undoId ?? null;
    if (undoId) {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = T('js.undo'); b.onclick = undo;
      toastEl.append(b);
    }
    toastEl.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toastEl.classList.remove('show'), 6000);
  }
  async function undo() {
    if (!lastUndo) return;
    try { await api(`/audit/${lastUndo}/undo`); toast(T('js.undone')); setTimeout(() => location.reload(), 600); }
    catch (e) { toast(e.message); }
  }

  const cardList = document.querySelector('.cards');
  let cards = [...document.querySelectorAll('.card')];
  let current = -1;
  function select(i) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach((c, k) => c.classList.toggle('current', k === current));
    cards[current].focus({preventScroll: true});
    cards[current].scrollIntoView({block: 'nearest', behavior: 'smooth'});
    claim(cards[current]);
  }
  async function act(card, action) {
    if (!card) return;
    if (card.dataset.heldBy) { toast(T('js.heldBy', card.dataset.heldBy)); return; }
    // a ban covers what the moderator ticked on the card: account, browser, address and/or email
    const covers = [...card.querySelectorAll('input[name=covers]:checked')].map(i => i.value);
    // a length (24h, 7d) or a custom end time makes it a suspension that lapses by itself; neither: a ban for good
    // a custom end is typed as "2026-12-24 18:00" in the moderator's own time (a datetime-local field is many tab stops)
    const custom = card.querySelector('[name=ban-until]')?.value.trim();
    const end = custom ? new Date(custom.replace(' ', 'T')) : null;
    if (action === 'ban' && end && isNaN(end)) { toast(T('js.banEndFormat')); return; }
    const until = end ? end.toISOString() : card.querySelector('[name=ban-length]')?.value || undefined;
    const reason = card.querySelector('[name=ban-reason]')?.value.trim() || undefined;
    const term = until ? T('js.until', end ? end.toLocaleString(document.documentElement.lang) : until) : T('js.forGood');
    if (action === 'ban' && (!covers.length
        || !confirm(T('js.banConfirm', term, covers.join(', '))))) return;
    try {
      const res = await api(`/comments/${card.dataset.id}/${action}`, action === 'ban' ? {covers, until, reason} : undefined);
      if (res.comment) {
        card.querySelector('[data-state]').textContent = T('state.' + res.comment.state);
        card.className = card.className.replace(/state-\w+/, `state-${res.comment.state}`);
      }
      if (action !== 'ban') card.classList.add('done');
      if (action !== 'ban' && card.dataset.id === mine) { clearInterval(renewal); mine = null; } // the server let go
      toast(T('js.done.' + action, card.dataset.id, term, covers.join(', ')), res.auditId);
      if (cards.indexOf(card) === current) select(current + 1);
    } catch (e) { toast(e.message); }
  }
  // one listener for every card, those the live queue adds included
  cardList?.addEventListener('click', e => {
    const card = e.target.closest('.card');
    if (!card) return;
    const b = e.target.closest('[data-action]');
    if (b) act(card, b.dataset.action);
    else if (!e.target.closest('a, input, label, button')) select(cards.indexOf(card));
  });

  async function bulk(action) {
    const ids = [...document.querySelectorAll('.sel:checked')].map(c => Number(c.value));
    if (!ids.length) { toast(T('js.selectFirst')); return; }
    try {
      const res = await api('/bulk', {action, ids});
      toast(T('js.bulk.' + action, res.changed));
      setTimeout(() => location.reload(), 700);
    } catch (e) { toast(e.message); }
  }
  document.querySelectorAll('[data-bulk]').forEach(b => b.addEventListener('click', () => bulk(b.dataset.bulk)));
  document.getElementById('select-all')?.addEventListener('change', e =>
    document.querySelectorAll('.sel').forEach(c => { c.checked = e.target.checked; }));
  document.querySelectorAll('[data-undo]').forEach(b => b.addEventListener('click', async () => {
    try { await api(`/audit/${b.dataset.undo}/undo`); location.reload(); } catch (e) { toast(e.message); }
  }));
  document.addEventListener('click', async e => {
    const b = e.target.closest('[data-close-thread]');
    if (!b) return;
    const close = b.dataset.closed !== 'true';
    if (close && !confirm(T('js.closeConfirm'))) return;
    try {
      await api(`/threads/${b.dataset.closeThread}/close`, {closed: close});
      document.querySelectorAll(`[data-close-thread="${b.dataset.closeThread}"]`).forEach(o => {
        o.dataset.closed = String(close); o.textContent = T(close ? 'card.reopenThread' : 'card.closeThread');
      });
      toast(T(close ? 'js.closed' : 'js.reopened'));
    } catch (err) { toast(err.message); }
  });
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
  // ---- claims: the current card is ours while it stays open (renewed while the tab is visible); others see who
  let mine = null, renewal;
  async function claim(card) {
    const id = card.dataset.id;
    if (mine === id) return;
    release();
    if (card.classList.contains('done') || card.dataset.heldBy) return;
    mine = id;
    try {
      await api(`/comments/${id}/claim`);
      renewal = setInterval(() => document.visibilityState === 'visible' && api(`/comments/${id}/claim`).catch(() => {}), 30e3);
    } catch (e) {
      mine = null;
      toast(e.message);
    }
  }
  function release() {
    clearInterval(renewal);
    if (mine) api(`/comments/${mine}/claim`, undefined, 'DELETE').catch(() => {});
    mine = null;
  }
  addEventListener('pagehide', release);
  // by: the holder's name, or null when released; a claim of ours (left by the page before this one, whose release
  // may reach the server after this page's stream opened) is no lock: the server lets its holder act
  function held(id, by, until, account) {
    const card = cardList?.querySelector(`.card[data-id="${id}"]`);
    if (!card || id === mine) return;
    if (by && me && String(account) === me) by = null;
    let note = card.querySelector('.held-by');
    if (!by) { delete card.dataset.heldBy; note?.remove(); }
    else {
      card.dataset.heldBy = by;
      if (!note) card.querySelector('.actions').prepend(note = Object.assign(document.createElement('p'), {className: 'held-by'}));
      note.textContent = T('js.heldByNote', by);
      clearTimeout(card.heldTimer);
      card.heldTimer = setTimeout(() => held(id, null), until - Date.now() + 1e3);
    }
    card.querySelectorAll('[data-action]').forEach(b => { b.disabled = !!by; });
  }

  // ---- the live queue: new items appear, handled ones fade, counts in the navigation follow
  const queue = location.pathname.split('/')[4];
  function counts(c) {
    for (const q of ['pending', 'reported']) {
      const tab = document.querySelector(`.tabs a[href$="/queue/${q}"]`);
      if (!tab || c?.[q] == null) continue;
      let badge = tab.querySelector('.badge');
      if (!c[q]) { badge?.remove(); continue; }
      if (!badge) tab.append(' ', badge = Object.assign(document.createElement('b'), {className: 'badge'}));
      badge.textContent = c[q];
    }
  }
  async function arrived(id) {
    if (!cardList || cardList.querySelector(`.card[data-id="${id}"]`)) return;
    const r = await fetch(`/admin/${encodeURIComponent(site)}/cards/${id}`, {credentials: 'same-origin'});
    if (!r.ok) return;
    const t = document.createElement('template');
    t.innerHTML = await r.text(); // our own server-rendered, escaped card
    const card = t.content.querySelector('.card');
    if (!card || cardList.querySelector(`.card[data-id="${id}"]`)) return;
    document.querySelector('.empty')?.remove();
    cardList.prepend(card);
    cards = [...cardList.querySelectorAll('.card')];
    const shown = document.querySelector('.toolbar h1 small');
    if (shown) shown.textContent = shown.textContent.replace(/\d+/, String(cards.length)); // every language's form carries the number
    if (current >= 0) current = cards.indexOf(document.querySelector('.card.current'));
    toast(T('js.newComment', id));
  }
  if (site && window.EventSource) {
    const es = new EventSource(`/api/v1/sites/${encodeURIComponent(site)}/live`);
    const on = (kind, f) => es.addEventListener(kind, e => { const d = JSON.parse(e.data); counts(d.counts); f(d); });
    on('hello', d => d.claims.forEach(c => held(String(c.commentId), c.moderator, Date.parse(c.until), c.accountId)));
    on('queued', d => queue === 'pending' && arrived(d.id));
    on('reported', d => queue === 'reported' && arrived(d.id));
    on('resolved', d => cardList?.querySelector(`.card[data-id="${d.id}"]`)?.classList.add('done'));
    on('claimed', d => held(String(d.id), d.claim.by, d.claim.until, d.claim.account));
    on('released', d => held(String(d.id), null));
  }

  if (cards.length) select(0);
})();
