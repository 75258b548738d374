/*
 * Parley embeddable comment widget.
 *
 *   <div id="parley"></div>
 *   <script src="https://comments.example.com/embed.js" data-site="blog" data-page="post-42" defer></script>
 *
 * Options (data attributes on the script tag): data-site (required; without it the widget warns and uses
 * "default"), data-page (an opaque id, used as given; default: the page's <link rel=canonical> href, else
 * location.href - the server normalizes URLs, see README "Thread identity"), data-url (default: location.href), data-title (default: document.title),
 * data-sort (oldest | newest | top), data-lang (en | de | ar; default: the nearest lang attribute), data-target (id of the container; default "parley"). One widget per
 * container: two containers need two script tags with different data-target; a repeated tag is ignored.
 *
 * No dependencies, no build step. API text is inserted with textContent; the only HTML inserted is
 * the comment's server-sanitized "html" field.
 */
(async () => {
  "use strict";

  const script = document.currentScript || document.querySelector("script[src*='embed.js']");
  if (!script) return;
  const base = new URL(".", script.src);
  const data = script.dataset;
  // Shared by every include of embed.js on the page: which containers already hold a widget, and one id counter,
  // so two widgets never mint the same element ids (labels and aria references would point at the other one).
  const shared = (window[Symbol.for("parley.widget")] ||= { mounted: new WeakSet(), uid: 0 });
  const DEFAULT_SITE = "default";
  const opts = {
    site: data.site || DEFAULT_SITE,
    page: data.page || document.querySelector("link[rel~=canonical][href]")?.href || location.href,
    url: data.url || location.href,
    title: data.title || document.title,
    sort: ["oldest", "newest", "top"].includes(data.sort) ? data.sort : "oldest",
    sso: data.ssoToken || null, // the host site's signed JWT for its signed-in reader (see docs/moderation.md)
  };
  const SORTS = { oldest: "Oldest", newest: "Newest", top: "Top" };
  // The widget's language: data-lang, else the nearest lang attribute (the page's); English is built in, the others
  // are fetched only when a page needs them (lang/xx.json: English text -> translation, plural forms by Intl rules).
  const LANGS = ["de", "ar"];
  const target = document.getElementById(data.target || "parley");
  const lang = (data.lang || target?.closest("[lang]")?.lang || document.documentElement.lang || "en").split("-")[0].toLowerCase();
  let strings = {};
  const MIN_FLAT = 3; // from this depth the CSS may stop indenting (phones: 3, wide screens: 5)
  const PAGE_SIZE = 20;

  // ---------------------------------------------------------------- storage

  // localStorage can throw (private mode, quota, disabled): the widget then works but forgets.
  const store = {
    get(key, fallback) {
      try {
        return JSON.parse(localStorage.getItem("parley:" + key)) ?? fallback;
      } catch {
        return fallback;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem("parley:" + key, JSON.stringify(value));
      } catch {}
    },
  };

  const randomId = () =>
    crypto.randomUUID
      ? crypto.randomUUID() // secure contexts only
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

  function clientId() {
    let id = store.get("client", null);
    if (!id) store.set("client", (id = randomId()));
    return id;
  }

  /** Edit tokens by comment id: { token, until (ms), body (the markdown we sent) }. */
  function tokens() {
    const all = store.get("tokens", {});
    const now = Date.now();
    for (const id of Object.keys(all)) if (all[id].until < now) delete all[id];
    return all;
  }
  function saveToken(id, entry) {
    const all = tokens();
    if (entry) all[id] = entry;
    else delete all[id];
    store.set("tokens", all);
  }
  function editable(id) {
    const t = tokens()[id];
    return t && t.until > Date.now() ? t : null;
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(message, status, code) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, { query, body, headers } = {}) {
    const url = new URL("api/v1/" + path, base);
    if (query) for (const [k, v] of Object.entries(query)) if (v != null) url.searchParams.append(k, v);
    const init = { method, headers: { "X-Parley-Client": clientId(), Accept: "application/json", ...headers } };
    if (opts.sso) init.headers["X-Parley-SSO"] = opts.sso;
    else if (store.get("session")) init.headers["X-Parley-Session"] = store.get("session").token; // see account.js
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(url, init);
      if (res.headers.get("X-Parley-Notify")) state.notify = 1; // the server can email replies
    } catch {
      throw new ApiError(T("Could not reach the comment server. Check your connection and try again."), 0, "NETWORK");
    }
    let json = null;
    try {
      json = await res.json();
    } catch {
      /* empty or non-JSON body */
    }
    if (!res.ok) {
      const err = json && json.error;
      const message = (err && err.message) || T("Something went wrong (HTTP {0}). Please try again.", res.status);
      throw new ApiError(message, res.status, err && err.code);
    }
    return json;
  }

  // Proof of work, where the site asks for it: embed-pow.js, fetched only then, solves while the reader writes.
  let proof;
  const prove = () => (proof ||= api("GET", "challenge", { query: { site: opts.site } }).then((r) => r.challenge &&
    new Promise((ok, no) => (window.parleyPow ? ok() : document.head.append(h("script", { src: new URL("embed-pow.js", base).href, onload: ok, onerror: no }))))
      .then(() => parleyPow(r.challenge))).catch((e) => { proof = null; throw e; }));

  // ---------------------------------------------------------------- DOM helpers

  /** h("button.parley-btn", {type: "button", onclick}, "text", child...) */
  function h(spec, attrs, ...children) {
    const [tag, ...classes] = spec.split(".");
    const el = document.createElement(tag);
    if (classes.length) el.className = classes.join(" ");
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c != null && c !== false) el.append(c);
    return el;
  }

  const nextId = (p) => `parley-${p}-${++shared.uid}`;

  /** The page language's text for English `s`, with {0}, {1}... filled in. */
  const T = (s, ...args) => (typeof strings[s] == "string" ? strings[s] : s).replace(/\{(\d)\}/g, (_, i) => args[i]);
  const loc = LANGS.includes(lang) ? lang : "en";
  const rtf = new Intl.RelativeTimeFormat(loc, { numeric: "auto" });
  const dtf = new Intl.DateTimeFormat(loc, { dateStyle: "long", timeStyle: "short" });
  const rules = new Intl.PluralRules(loc);
  const UNITS = { year: 31536e6, month: 2592e6, week: 6048e5, day: 864e5, hour: 36e5, minute: 6e4 };
  function relative(date) {
    const diff = date.getTime() - Date.now();
    if (Math.abs(diff) < 45e3) return T("just now");
    for (const [unit, ms] of Object.entries(UNITS)) {
      if (Math.abs(diff) >= ms || unit === "minute") return rtf.format(Math.round(diff / ms), unit);
    }
  }
  function timeEl(iso) {
    const d = new Date(iso);
    return h("time", { datetime: iso, title: dtf.format(d), text: relative(d) });
  }

  function avatar(name, hue) {
    let hash = 0;
    for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) | 0;
    const initial = name === "[deleted]" ? "–" : ([...name.trim()][0] || "?").toUpperCase();
    const el = h("span.parley-avatar", { "aria-hidden": "true", text: initial });
    el.style.setProperty("--parley-hue", String(hue ?? Math.abs(hash) % 360)); // the reader's chosen colour, if any
    return el;
  }

  function icon(path) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "parley-icon");
    svg.append(p);
    return svg;
  }

  /** "{0} comments" in the page's language: the bundle holds one text per plural category of Intl.PluralRules. */
  function plural(n, one, many) {
    const forms = strings[many];
    return (forms ? forms[rules.select(n)] || forms.other : n === 1 ? one : many).replace("{0}", n.toLocaleString(loc));
  }

  // ---------------------------------------------------------------- widget

  const root = target || script.insertAdjacentElement("beforebegin", h("div"));
  if (!root.isConnected) return;
  // One widget per container: a second include of embed.js for the same element leaves the first one alone.
  if (shared.mounted.has(root)) {
    console.info(`Parley: #${root.id || "(container)"} already shows comments; this embed.js include is ignored.`);
    return;
  }
  shared.mounted.add(root);
  if (loc != "en") {
    try {
      const res = await fetch(new URL(`lang/${loc}.json`, base));
      if (res.ok) strings = await res.json();
    } catch {
      /* English it is */
    }
    root.lang = loc;
    root.dir = loc == "ar" ? "rtl" : "ltr";
  }
  if (!data.site) {
    console.warn(`Parley: the embed.js <script> tag has no data-site attribute, so comments use the site "${DEFAULT_SITE}". ` +
      `Add data-site="<your site id>" (the id configured in Parley).`);
  }

  if (!document.querySelector("link[data-parley-css]")) {
    // Stay invisible until our styles arrive, so readers never see an unstyled flash.
    const show = () => root.style.removeProperty("visibility");
    root.style.visibility = "hidden";
    document.head.append(h("link", { rel: "stylesheet", href: new URL("embed.css", base).href, "data-parley-css": "", onload: show, onerror: show }));
  }

  const state = { sort: opts.sort, cursor: null, thread: null, count: 0, loading: false };
  const byId = new Map(); // comment id -> <li>

  const heading = h("h2.parley-heading", { id: nextId("h"), text: T("Comments") });
  const sortButtons = Object.entries(SORTS).map(([key, label]) =>
    h("button.parley-sort-btn", { type: "button", "data-sort": key, "aria-pressed": String(key === state.sort), text: T(label), onclick: () => changeSort(key) })
  );
  const sortGroup = h("div.parley-sort", { role: "group", "aria-label": T("Sort comments") }, sortButtons);
  const status = h("div.parley-sr", { role: "status", "aria-live": "polite" });
  const topAlert = h("div.parley-alert", { role: "alert", hidden: true });
  const list = h("ol.parley-list", { "aria-labelledby": heading.id });
  const fresh = new Set(); // ids of published comments announced live and not shown yet
  // the bar floats (no height of its own), so showing it moves nothing the reader is reading
  const newBtn = h("button.parley-btn.parley-primary", { type: "button", onclick: showNew });
  const newBar = h("div.parley-new", { hidden: true }, newBtn);
  const more = h("button.parley-btn.parley-more", { type: "button", hidden: true, onclick: loadMore, text: T("Load more comments") });
  const closedNote = h("p.parley-closed", { hidden: true, text: T("Comments are closed for this article.") });
  const notice = h("p.parley-notice", { role: "note", hidden: true });
  const qaNote = h("p.parley-qa-note", { role: "note", hidden: true, text: T("Questions and answers: ask your question; answers from our staff are marked.") });
  // the editor's picks, above the thread: a labelled region with a list, each pick a link to its place in the thread
  const featuredHeading = h("h3.parley-featured-title", { id: nextId("feat"), text: T("Featured") });
  const featuredList = h("ul.parley-featured-list");
  const featured = h("section.parley-featured", { "aria-labelledby": featuredHeading.id, hidden: true }, featuredHeading, featuredList);
  const siteNote = data.site ? null : h("p.parley-setup-note", { role: "note",
    text: T('This page did not set its site (data-site), so comments use the site "{0}".', DEFAULT_SITE) });
  const mainForm = commentForm({ parentId: null, submitLabel: T("Post comment"), onDone: onPosted });
  // Readers' accounts live in account.js, fetched on first use; the host site's SSO, when set, is the only identity.
  const acctPanel = h("div", { id: nextId("acct"), hidden: true });
  const acctBtn = opts.sso ? null : h("button.parley-btn.parley-secondary", { type: "button", "aria-controls": acctPanel.id, "aria-expanded": "false", text: T("Sign in"), onclick: () => account("open") });
  function account(mode) {
    (shared.acct ||= new Promise((ok, no) => document.head.append(h("script", { src: new URL("account.js", base).href, onload: ok, onerror: no }))))
      .then(() => shared.account(mode, { root, panel: acctPanel, button: acctBtn, base, api, h, store, nextId, showError, announce, T, loc, reload: () => load(false), site: opts.site }));
  }

  root.classList.add("parley");
  root.setAttribute("aria-busy", "true");
  root.replaceChildren(
    h("section.parley-root", { "aria-labelledby": heading.id },
      h("header.parley-header", null, heading, acctBtn, sortGroup),
      acctPanel,
      siteNote,
      notice,
      qaNote,
      featured,
      mainForm.el,
      closedNote,
      topAlert,
      status,
      newBar,
      list,
      more,
      h("p.parley-footer", null, T("Comments powered by") + " ", h("a", { href: base.href, text: "Parley", rel: "noopener" }))
    )
  );

  function announce(text) {
    status.textContent = "";
    setTimeout(() => (status.textContent = text), 50); // re-announce identical messages
  }

  /** Shows an API error's message in a role=alert box, or clears the box when err is null. */
  function showError(box, err) {
    box.replaceChildren();
    box.hidden = !err;
    if (err) box.append(h("span.parley-alert-icon", { "aria-hidden": "true", text: "!" }), h("span", { text: err.message || String(err) }));
  }

  function setCount(n) {
    state.count = Math.max(0, n);
    heading.textContent = state.count ? plural(state.count, "{0} comment", "{0} comments") : T("No comments yet");
  }

  // ---------------------------------------------------------------- loading

  async function load(append) {
    if (state.loading) return [];
    state.loading = true;
    root.setAttribute("aria-busy", "true");
    more.disabled = true;
    showError(topAlert, null);
    try {
      const res = await api("GET", "threads", {
        query: { site: opts.site, page: opts.page, sort: state.sort, limit: PAGE_SIZE, cursor: append ? state.cursor : null },
      });
      state.thread = res.thread;
      state.cursor = res.nextCursor || null;
      setCount(res.thread ? res.thread.commentCount : 0);
      const t = res.thread || {};
      notice.textContent = t.notice || ""; // a moderator's plain text: never parsed as HTML
      notice.hidden = !t.notice;
      qaNote.hidden = !t.qa;
      // a cached page can outlive the article's closing time
      const closed = !!(t.closed || (t.closesAt && Date.parse(t.closesAt) <= Date.now()));
      if (res.thread) res.thread.closed = closed;
      mainForm.el.hidden = closed;
      if (mainForm.notify) mainForm.notify.hidden = !state.notify;
      closedNote.hidden = !closed;
      root.classList.toggle("parley-is-closed", closed);
      if (!append) {
        list.replaceChildren();
        byId.clear();
      }
      const items = res.comments.map((c) => renderComment(c, 0));
      list.append(...items);
      markPicks();
      more.hidden = !state.cursor;
      if (!res.comments.length && !append && !state.count) list.append(h("li.parley-empty", { text: T("Be the first to share your thoughts.") }));
      return items;
    } catch (err) {
      showError(topAlert, err);
      topAlert.append(h("button.parley-link", { type: "button", text: T("Try again"), onclick: () => load(append) }));
      return [];
    } finally {
      state.loading = false;
      more.disabled = false;
      root.removeAttribute("aria-busy");
    }
  }

  async function loadMore() {
    const items = await load(true);
    if (items.length) {
      announce(plural(items.length, "{0} more comment loaded", "{0} more comments loaded"));
      focusComment(items[0]);
    }
  }

  async function changeSort(sort) {
    if (sort === state.sort || state.loading) return;
    state.sort = sort;
    for (const b of sortButtons) b.setAttribute("aria-pressed", String(b.dataset.sort === sort));
    await load(false);
    announce(T("Comments sorted by {0}", T(SORTS[sort]).toLowerCase()));
  }

  /** Move focus to a comment (its <li> or its <article>) after it was added or changed. */
  function focusComment(el) {
    const art = el.matches(".parley-comment-body") ? el : el.querySelector(".parley-comment-body");
    art.focus({ preventScroll: true });
    art.scrollIntoView({ block: "nearest", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  }

  // ---------------------------------------------------------------- rendering

  function renderComment(c, depth) {
    const li = h("li.parley-comment", { id: `parley-comment-${c.id}`, "data-id": c.id, "data-depth": depth });
    li._comment = c;
    byId.set(c.id, li);
    if (fresh.delete(c.id)) freshChanged();
    li.append(renderBody(c, depth));
    if (c.replies && c.replies.length) {
      li.append(repliesList(depth, c.replies.map((r) => renderComment(r, depth + 1))));
    }
    return li;
  }

  function repliesList(depth, items) {
    // data-level lets the CSS stop indenting past a depth (5 on wide screens, 3 on phones).
    return h("ol.parley-replies", { "data-level": depth + 1, "aria-label": T("Replies") }, items);
  }

  /** Marks the moderators' editor's picks among the comments shown (a nicety: failures are ignored). */
  async function markPicks() {
    try {
      const res = await api("GET", "featured", { query: { site: opts.site, page: opts.page } });
      showFeatured(res.comments);
      for (const pick of res.comments) {
        const li = byId.get(pick.id);
        const author = li && li.querySelector(".parley-comment-body .parley-author");
        if (author && !author.parentElement.querySelector(".parley-badge-pick")) {
          author.after(h("span.parley-badge.parley-badge-pick", { text: T("Editor's pick") }));
        }
      }
    } catch {
      /* the thread is still readable without the badges */
    }
  }

  function showFeatured(picks) {
    featuredList.replaceChildren(...picks.map((pick) => {
      const text = h("div.parley-text", { dir: "auto" });
      text.innerHTML = pick.html; // server-sanitized HTML, as in renderBody
      return h("li.parley-featured-item", null,
        h("p.parley-meta", null, h("span.parley-author", { dir: "auto", text: pick.author }), " ",
          h("a.parley-time", { href: `#parley-comment-${pick.id}`, title: T("Go to this comment in the thread") }, timeEl(pick.createdAt))),
        text);
    }));
    featured.hidden = !picks.length;
  }

  function parentName(c) {
    const li = c.parentId != null && byId.get(c.parentId);
    return li ? li._comment.author : null;
  }

  function renderBody(c, depth) {
    const deleted = c.state === "deleted";
    const pending = c.state === "pending";
    const rejected = c.state === "rejected";
    const authorId = nextId("a");
    const art = h("article.parley-comment-body", { tabindex: "-1", "aria-labelledby": authorId });
    if (deleted) art.classList.add("parley-is-deleted");
    if (pending || rejected) art.classList.add("parley-is-pending");
    if (c.staff && state.thread?.qa) art.classList.add("parley-is-answer");

    const meta = h("header.parley-meta", null,
      avatar(c.author || "?", c.hue),
      h("div.parley-meta-text", null,
        h("span.parley-author", { id: authorId, dir: "auto", text: deleted ? T("[deleted]") : c.author }),
        c.staff && !deleted ? h("span.parley-badge.parley-badge-staff", { text: T(state.thread?.qa ? "Staff answer" : "Staff") }) : null,
        c.mine && !deleted ? h("span.parley-badge.parley-badge-you", { text: T("You") }) : null,
        pending ? h("span.parley-badge.parley-badge-pending", { text: T("Awaiting moderation") }) : null,
        rejected ? h("span.parley-badge.parley-badge-pending", { text: T("Not published: only you can see this") }) : null,
        h("a.parley-time", { href: `#parley-comment-${c.id}` }, timeEl(c.createdAt)),
        c.editedAt && !deleted ? h("span.parley-edited", { title: T("Edited {0}", dtf.format(new Date(c.editedAt))), text: T("(edited)") }) : null
      )
    );
    art.append(meta);

    // Where replies stop indenting (see CSS), say whom they answer so the thread stays readable.
    const to = depth >= MIN_FLAT ? parentName(c) : null;
    if (to) art.append(h("p.parley-reply-to", null, T("Replying to") + " ", h("span", { dir: "auto", text: to })));

    const text = h("div.parley-text", { dir: "auto" });
    if (deleted) text.append(h("p.parley-deleted", { text: T("[comment deleted]") }));
    else text.innerHTML = c.html; // server-sanitized HTML: the only innerHTML in this widget
    art.append(text);

    if (!deleted) art.append(actions(c, art));
    art.append(h("div.parley-slot"));
    return art;
  }

  function actions(c, art) {
    const bar = h("div.parley-actions");
    const closed = state.thread && state.thread.closed;
    const voted = c.myVote !== 0 && c.myVote != null;
    const score = h("span.parley-score", { text: String(c.score), title: T("{0} up, {1} down", c.upvotes, c.downvotes) });
    const vote = (value, label, path) =>
      h("button.parley-vote", {
        type: "button",
        "aria-label": T("{0} (comment by {1})", T(label), c.author),
        title: T(label),
        "aria-pressed": String(c.myVote === value),
        disabled: voted || c.state !== "published",
        "data-vote": value,
        onclick: () => castVote(c, value, bar),
      }, icon(path));
    bar.append(h("span.parley-votes", null, vote(1, "Upvote", "M8 2.5 13.5 9H10.5v4.5h-5V9H2.5z"), score, vote(-1, "Downvote", "M8 13.5 2.5 7h3V2.5h5V7h3z")));
    if (!closed && c.state === "published") {
      bar.append(h("button.parley-action", { type: "button", text: T("Reply"), "aria-label": T("Reply to {0}", c.author), onclick: (e) => openReply(c, art, e.currentTarget) }));
    }
    if (c.replies && c.replies.length) {
      bar.append(h("button.parley-action.parley-toggle", { type: "button", "aria-expanded": "true", text: T("Hide replies"), onclick: () => toggleReplies(art) }));
    }
    if (editable(c.id)) {
      bar.append(
        h("button.parley-action", { type: "button", text: T("Edit"), onclick: (e) => openEdit(c, art, e.currentTarget) }),
        h("button.parley-action.parley-danger", { type: "button", text: T("Delete"), onclick: (e) => openDelete(c, art, e.currentTarget) })
      );
    }
    if (c.state === "published" && !editable(c.id)) {
      bar.append(h("button.parley-action.parley-report", { type: "button", text: T("Report"), "aria-label": T("Report the comment by {0}", c.author), onclick: (e) => openReport(c, bar, e.currentTarget) }));
    }
    bar.append(h("span.parley-alert.parley-inline-alert", { role: "alert", hidden: true }));
    return bar;
  }

  /** Asks why, then reports the comment to the site's moderators; several reports put it in their queue. */
  function openReport(c, bar, button) {
    const reasons = { abuse: T("Abusive or hateful"), spam: T("Spam"), "off-topic": T("Off-topic"), misinformation: T("Misinformation"), other: T("Something else") };
    const select = h("select.parley-input.parley-report-reason", { "aria-label": T("Why are you reporting this comment?") },
      ...Object.entries(reasons).map(([value, text]) => h("option", { value, text })));
    const send = h("button.parley-action", { type: "button", text: T("Send report") });
    const cancel = h("button.parley-action", { type: "button", text: T("Cancel") });
    const form = h("span.parley-report-form", null, select, send, cancel);
    const alert = bar.querySelector(".parley-alert");
    const done = (text) => { form.replaceWith(h("span.parley-reported", { text })); announce(text); };
    cancel.onclick = () => { form.replaceWith(button); button.focus(); };
    send.onclick = async () => {
      send.disabled = true;
      try {
        await api("POST", `comments/${c.id}/report`, { body: { reason: select.value } });
        done(T("Reported. Thank you, a moderator will look at it."));
      } catch (err) {
        if (err.code === "ALREADY_REPORTED") done(T("You have already reported this comment."));
        else { send.disabled = false; showError(alert, err); }
      }
    };
    button.replaceWith(form);
    select.focus();
  }

  /** Collapses or expands the replies under a comment (open: true, false, or toggle when omitted). */
  function toggleReplies(art, open) {
    const replies = art.parentElement.querySelector(":scope > .parley-replies");
    const button = art.querySelector(".parley-toggle");
    if (!replies || !button) return;
    open ??= replies.hidden;
    replies.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? T("Hide replies") : plural(replies.querySelectorAll(".parley-comment").length, "Show {0} reply", "Show {0} replies");
  }

  async function castVote(c, value, bar) {
    const buttons = bar.querySelectorAll(".parley-vote");
    const alert = bar.querySelector(".parley-alert");
    buttons.forEach((b) => (b.disabled = true));
    showError(alert, null);
    try {
      const res = await api("POST", `comments/${c.id}/vote`, { body: { value } });
      Object.assign(c, { score: res.score, upvotes: res.upvotes, downvotes: res.downvotes, myVote: res.myVote });
      const score = bar.querySelector(".parley-score");
      score.textContent = String(res.score);
      score.title = T("{0} up, {1} down", res.upvotes, res.downvotes);
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(Number(b.dataset.vote) === res.myVote)));
      announce(T("Vote recorded. Score is now {0}.", res.score));
    } catch (err) {
      if (err.status !== 409) buttons.forEach((b) => (b.disabled = false));
      showError(alert, err);
    }
  }

  /** Replace a comment's body (after edit/delete/post) keeping its replies. */
  function updateComment(li, c) {
    const old = li._comment;
    // Edit/delete answers carry no replies and no vote of ours: keep what we already know.
    c = { ...c, replies: old.replies, myVote: c.myVote || old.myVote };
    li._comment = c;
    const body = renderBody(c, Number(li.dataset.depth));
    li.querySelector(".parley-comment-body").replaceWith(body);
    return body;
  }

  // ---------------------------------------------------------------- forms

  /**
   * A comment form: a new top-level comment (parentId null), a reply (parentId set), or an edit of
   * the comment `editing`. Returns { el, textarea }.
   */
  function commentForm({ parentId, submitLabel, editing, onCancel, onDone }) {
    const ids = { body: nextId("body"), name: nextId("name"), email: nextId("email"), hint: nextId("hint") };
    const textarea = h("textarea.parley-input.parley-textarea", {
      id: ids.body,
      name: "body",
      rows: parentId == null && !editing ? 4 : 3,
      dir: "auto",
      "aria-describedby": ids.hint,
      placeholder: editing ? "" : T(parentId == null ? "Join the discussion…" : "Write a reply…"),
      onfocus: !editing && (() => prove().catch(() => {})),
    });
    // the honeypot: off-screen, hidden from screen readers and the keyboard; only bots fill it
    const trap = editing ? null : h("input", { name: "homepage", tabindex: "-1", autocomplete: "off" });
    const bodyLabel = T(editing ? "Edit your comment" : parentId == null ? "Your comment" : "Your reply");
    const submit = h("button.parley-btn.parley-primary", { type: "submit", text: submitLabel });
    const alert = h("div.parley-alert", { role: "alert", hidden: true });
    const form = h("form.parley-form", { novalidate: true },
      h("label.parley-label", { for: ids.body, text: bodyLabel }),
      textarea
    );
    form.classList.add(editing ? "parley-form-edit" : parentId == null ? "parley-form-main" : "parley-form-reply");

    // Name on every new comment or reply (remembered); email, optional, on top-level comments only.
    const name = editing ? null : h("input.parley-input", { id: ids.name, name: "author", type: "text", autocomplete: "nickname", maxlength: "80", dir: "auto", value: store.get("author", "") });
    const email = editing || parentId != null ? null : h("input.parley-input", { id: ids.email, name: "email", type: "email", autocomplete: "email", maxlength: "200" });
    // offered only when the server says it can email (X-Parley-Notify); the server then asks to confirm by email
    const notify = email && h("label.parley-hint", { hidden: !state.notify }, h("input", { type: "checkbox", name: "notify" }), " " + T("Email me replies"));
    if (name) {
      form.append(h("div.parley-fields", null,
        h("div.parley-field", null, h("label.parley-label", { for: ids.name, text: T("Name") }), name),
        email && h("div.parley-field", null, h("label.parley-label", { for: ids.email }, T("Email") + " ", h("span.parley-optional", { text: T("(optional, never shown)") })), email),
        notify
      ));
    }
    const buttons = h("div.parley-form-actions", null,
      h("p.parley-hint", { id: ids.hint, text: T("Markdown: **bold**, _italic_, [links](https://…), > quotes.") }),
      onCancel ? h("button.parley-btn.parley-secondary", { type: "button", text: T("Cancel"), onclick: onCancel }) : null,
      submit
    );
    form.append(alert, buttons, trap && h("label.parley-hp", { "aria-hidden": "true" }, "Homepage", trap));

    form.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
      if (e.key === "Escape" && onCancel) onCancel();
    });

    let sending = null;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      showError(alert, null);
      submit.disabled = true;
      form.setAttribute("aria-busy", "true");
      try {
        if (editing) {
          const tok = editable(editing.id);
          if (!tok) throw new ApiError(T("The time to edit this comment has passed."), 403, "EDIT_WINDOW_CLOSED");
          const res = await api("PATCH", `comments/${editing.id}`, { body: { body: textarea.value, editToken: tok.token } });
          saveToken(editing.id, { ...tok, body: textarea.value });
          onDone(res.comment);
        } else {
          const author = name.value.trim();
          store.set("author", author);
          // one key per submission: a retry of the same text after a lost answer cannot post it twice
          if (!sending || sending.text !== textarea.value) sending = { key: randomId(), text: textarea.value };
          const post = async () => {
            const pow = await prove().catch(() => null); // the server says if one was needed
            if (pow) proof = null; // one solution per comment
            return api("POST", "comments", {
              headers: { "Idempotency-Key": sending.key },
              body: { site: opts.site, page: opts.page, url: opts.url, title: opts.title, parentId, author, email: (email && email.value.trim()) || undefined, body: textarea.value, homepage: trap.value || undefined, pow: pow || undefined },
            });
          };
          // an expired or already used proof of work is solved afresh once
          const res = await post().catch((err) => (/^POW_/.test(err.code) ? ((proof = null), post()) : Promise.reject(err)));
          const to = notify && !notify.hidden && notify.firstChild.checked && email.value.trim();
          if (to) api("POST", "subscriptions", { body: { site: opts.site, page: opts.page, email: to, lang: loc } }).then(() => announce(T("Check your email to confirm reply notifications.")), () => {});
          if (res.editToken) saveToken(res.comment.id, { token: res.editToken, until: Date.parse(res.editableUntil) || Date.now() + 15 * 6e4, body: textarea.value });
          textarea.value = "";
          sending = null;
          onDone(res.comment);
        }
      } catch (err) {
        showError(alert, err);
        textarea.focus();
      } finally {
        submit.disabled = false;
        form.removeAttribute("aria-busy");
      }
    });

    return { el: form, textarea, notify };
  }

  /** A new top-level comment was posted. */
  function onPosted(c) {
    list.querySelector(".parley-empty")?.remove();
    const li = renderComment(c, 0);
    // Oldest-first with everything loaded: the new comment belongs at the end; otherwise on top.
    if (state.sort === "oldest" && !state.cursor) list.append(li);
    else list.prepend(li);
    if (c.state === "published") setCount(state.count + 1);
    announce(T(c.state === "pending" ? "Your comment was submitted and is awaiting moderation." : "Your comment was posted."));
    focusComment(li);
  }

  function closeSlot(art) {
    const slot = art.querySelector(".parley-slot");
    slot.replaceChildren();
    art.classList.remove("parley-is-editing");
  }

  function openReply(c, art, trigger) {
    const slot = art.querySelector(".parley-slot");
    if (slot.querySelector(".parley-form-reply")) return slot.querySelector("textarea").focus();
    const li = byId.get(c.id);
    const f = commentForm({
      parentId: c.id,
      submitLabel: T("Post reply"),
      onCancel: () => {
        closeSlot(art);
        trigger.focus();
      },
      onDone: (reply) => {
        closeSlot(art);
        toggleReplies(art, true);
        const depth = Number(li.dataset.depth);
        let replies = li.querySelector(":scope > .parley-replies");
        if (!replies) li.append((replies = repliesList(depth, [])));
        const item = renderComment(reply, depth + 1);
        replies.append(item);
        (li._comment.replies ||= []).push(reply);
        if (reply.state === "published") setCount(state.count + 1);
        announce(T(reply.state === "pending" ? "Your reply was submitted and is awaiting moderation." : "Your reply was posted."));
        focusComment(item);
      },
    });
    slot.replaceChildren(f.el);
    f.textarea.focus();
  }

  function openEdit(c, art, trigger) {
    const li = byId.get(c.id);
    const tok = editable(c.id);
    const f = commentForm({
      editing: c,
      submitLabel: T("Save changes"),
      onCancel: () => {
        closeSlot(art);
        trigger.focus();
      },
      onDone: (updated) => {
        focusComment(updateComment(li, updated));
        announce(T("Your comment was updated."));
      },
    });
    // The API returns the markdown of the reader's own comments; older answers fall back to what we sent.
    f.textarea.value = c.body || (tok && tok.body) || art.querySelector(".parley-text").innerText.trim();
    art.classList.add("parley-is-editing");
    art.querySelector(".parley-slot").replaceChildren(f.el);
    f.textarea.focus();
  }

  function openDelete(c, art, trigger) {
    const li = byId.get(c.id);
    const alert = h("div.parley-alert", { role: "alert", hidden: true });
    const cancel = () => {
      closeSlot(art);
      trigger.focus();
    };
    const confirm = h("button.parley-btn.parley-danger-btn", {
      type: "button",
      text: T("Delete"),
      onclick: async () => {
        confirm.disabled = true;
        try {
          const tok = editable(c.id);
          if (!tok) throw new ApiError(T("The time to delete this comment has passed."), 403, "EDIT_WINDOW_CLOSED");
          const res = await api("DELETE", `comments/${c.id}`, { headers: { "X-Edit-Token": tok.token } });
          saveToken(c.id, null);
          if (c.state === "published") setCount(state.count - 1);
          const hasReplies = li.querySelector(":scope > .parley-replies > li");
          if (hasReplies) focusComment(updateComment(li, { ...res.comment, state: "deleted" }));
          else {
            const parentList = li.parentElement;
            const next = li.nextElementSibling || parentList.closest(".parley-comment");
            li.remove();
            byId.delete(c.id);
            if (parentList !== list && !parentList.children.length) parentList.remove();
            if (next) focusComment(next);
            else heading.focus();
          }
          announce(T("Your comment was deleted."));
        } catch (err) {
          confirm.disabled = false;
          showError(alert, err);
        }
      },
    });
    const box = h("div.parley-confirm", { role: "group", "aria-label": T("Confirm deletion") },
      h("p", { text: T("Delete this comment? This cannot be undone.") }),
      alert,
      h("div.parley-form-actions", null, h("button.parley-btn.parley-secondary", { type: "button", text: T("Keep it"), onclick: cancel }), confirm)
    );
    box.addEventListener("keydown", (e) => e.key === "Escape" && cancel());
    art.querySelector(".parley-slot").replaceChildren(box);
    confirm.focus();
  }

  // Keep relative times fresh.
  setInterval(() => {
    for (const t of root.querySelectorAll("time[datetime]")) t.textContent = relative(new Date(t.getAttribute("datetime")));
  }, 60e3);

  // ---------------------------------------------------------------- live updates

  // New published comments arrive as ids over SSE; the reader decides when to show them (no jumping text).
  function live() {
    const url = new URL("api/v1/live", base);
    url.search = new URLSearchParams({ site: opts.site, page: opts.page });
    const es = new EventSource(url);
    es.addEventListener("published", (e) => {
      const id = JSON.parse(e.data).id;
      if (!byId.has(id) && !fresh.has(id)) fresh.add(id) && freshChanged(true);
    });
    es.onerror = () => es.readyState === 2 && setTimeout(live, 6e4); // refused (busy server): try again later
  }

  function freshChanged(tell) {
    const text = plural(fresh.size, "{0} new comment", "{0} new comments");
    newBtn.textContent = plural(fresh.size, "Show {0} new comment", "Show {0} new comments");
    newBar.hidden = !fresh.size;
    if (tell) announce(text);
  }

  async function showNew() {
    const ids = [...fresh];
    await load(false);
    fresh.clear();
    freshChanged();
    const first = ids.map((id) => byId.get(id)).find(Boolean);
    if (first) focusComment(first);
    else heading.focus();
  }

  heading.tabIndex = -1;
  if (acctBtn && (store.get("session") || location.hash.startsWith("#parley-reset="))) account("boot");
  load(false).then(() => window.EventSource && live());
})();
