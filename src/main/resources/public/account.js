/*
 * Parley account panel, fetched by embed.js on first use (it is not part of the widget's size budget): sign up,
 * sign in, sign out, password reset, profile (name, avatar colour, reply emails), the reader's comments, the
 * GDPR export and account deletion.
 *
 * The session is a token kept in this page's localStorage and sent in the X-Parley-Session header, not a cookie:
 * the widget runs on the host site's page, where a cookie of Parley's origin would be a third-party cookie that
 * browsers block, and a header no other page can make the browser send needs no CSRF token. API text is always
 * inserted with textContent; the only HTML is the server-sanitized comment body in the history list.
 */
(() => {
  "use strict";
  const shared = window[Symbol.for("parley.widget")];
  const RESET = "#parley-reset=";

  /** mode: "boot" (check a stored session, or open the reset form from an emailed link) or "open" (toggle the panel). */
  shared.account = (mode, w) => {
    const { h, api, store, panel, button, T } = w;
    if (!document.querySelector("link[data-parley-acct]")) {
      document.head.append(h("link", { rel: "stylesheet", href: new URL("account.css", w.base).href, "data-parley-acct": "" }));
    }
    const session = () => store.get("session", null);

    function setSession(s, reload) {
      store.set("session", s);
      button.textContent = s ? s.name : T("Sign in");
      w.root.classList.toggle("parley-in", !!s);
      if (reload) w.reload();
    }

    function show(view) {
      panel.replaceChildren(view);
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      view.querySelector("input, button").focus();
    }

    function close() {
      panel.hidden = true;
      panel.replaceChildren();
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }

    /** A titled section with a form; submit runs `act` with the alert box handled. */
    function card(title, fields, submitLabel, act, extra) {
      const titleId = w.nextId("t");
      const alert = h("div.parley-alert", { role: "alert", hidden: true });
      const submit = h("button.parley-btn.parley-primary", { type: "submit", text: T(submitLabel) });
      const form = h("form.parley-form.parley-acct-form", { novalidate: true }, fields, alert,
        h("div.parley-form-actions", null, h("button.parley-btn.parley-secondary", { type: "button", text: T("Close"), onclick: close }), submit));
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        w.showError(alert, null);
        submit.disabled = true;
        try {
          await act();
        } catch (err) {
          w.showError(alert, err);
        } finally {
          submit.disabled = false;
        }
      });
      form.addEventListener("keydown", (e) => e.key === "Escape" && close());
      return h("section.parley-acct", { "aria-labelledby": titleId }, h("h3.parley-acct-title", { id: titleId, text: T(title) }), form, extra);
    }

    function field(label, attrs) {
      const id = w.nextId("f");
      const input = h("input.parley-input", { id, ...attrs });
      return { input, el: h("div.parley-field", null, h("label.parley-label", { for: id, text: T(label) }), input) };
    }

    function signedIn(res, text) {
      setSession({ token: res.token, name: res.profile.name }, true);
      w.announce(T(text));
      profile(res.profile);
    }

    /** Sign in, create an account, or ask for a reset link. */
    function entry(kind) {
      const email = field("Email", { type: "email", autocomplete: "email", maxlength: "254", required: true });
      const password = field("Password", { type: "password", autocomplete: kind === "up" ? "new-password" : "current-password", maxlength: "1024", required: true });
      const name = field("Name shown with your comments", { type: "text", autocomplete: "nickname", maxlength: "80", dir: "auto" });
      const link = (text, to) => h("button.parley-link", { type: "button", text: T(text), onclick: () => show(entry(to)) });
      const fields = kind === "forgot" ? [email.el] : kind === "up" ? [email.el, name.el, password.el] : [email.el, password.el];
      const titles = { in: ["Sign in", "Sign in"], up: ["Create an account", "Create account"], forgot: ["Reset your password", "Email me a link"] };
      const act = async () => {
        const body = { email: email.input.value.trim(), password: password.input.value };
        if (kind === "in") signedIn(await api("POST", "account/signin", { body }), "Signed in.");
        else if (kind === "up") signedIn(await api("POST", "account/signup", { body: { ...body, name: name.input.value.trim() || undefined } }), "Account created. You are signed in.");
        else {
          await api("POST", "account/password-reset", { body: { email: body.email, site: w.site, url: location.href, lang: w.loc } });
          const note = h("p.parley-acct-note", { role: "status", text: T("If an account uses that address, an email with a link is on its way. The link works for an hour.") });
          panel.querySelector("form").replaceWith(note);
        }
      };
      const links = h("p.parley-acct-links", null,
        kind !== "in" && link("I have an account", "in"),
        kind !== "up" && link("Create an account", "up"),
        kind === "in" && link("Forgot your password?", "forgot"));
      return card(titles[kind][0], fields, titles[kind][1], act, links);
    }

    function reset(token) {
      const password = field("New password (10 characters or more)", { type: "password", autocomplete: "new-password", maxlength: "1024" });
      return card("Choose a new password", [password.el], "Save password", async () =>
        signedIn(await api("POST", "account/password-reset/confirm", { body: { token, password: password.input.value } }), "Password changed. You are signed in."));
    }

    function profile(p) {
      const name = field("Name shown with your comments", { type: "text", maxlength: "80", dir: "auto", value: p.name });
      const hue = field("Avatar colour", { type: "range", min: "0", max: "359", value: String(p.hue ?? 210) });
      const preview = h("span.parley-avatar", { "aria-hidden": "true", text: ([...p.name.trim()][0] || "?").toUpperCase() });
      const paint = () => preview.style.setProperty("--parley-hue", hue.input.value);
      hue.input.addEventListener("input", paint);
      paint();
      hue.el.append(preview);
      const notifyId = w.nextId("f");
      const notify = h("input", { id: notifyId, type: "checkbox", checked: p.notifyReplies });
      const history = h("div.parley-acct-history");
      const tools = h("div.parley-acct-tools", null,
        h("button.parley-btn.parley-secondary", { type: "button", text: T("Your comments"), onclick: () => comments(history, null) }),
        h("button.parley-btn.parley-secondary", { type: "button", text: T("Download your data"), onclick: download }),
        h("button.parley-btn.parley-secondary", { type: "button", text: T("Sign out"), onclick: signOut }),
        h("button.parley-btn.parley-secondary.parley-danger", { type: "button", text: T("Delete account…"), onclick: () => show(deletion()) }));
      return show(card(T("Signed in as {0}", p.email), [name.el, hue.el,
        h("div.parley-field.parley-check", null, notify, h("label", { for: notifyId, text: T("Email me when someone replies to my comments") }))],
      "Save profile", async () => {
        const asked = notify.checked && !p.notifyReplies;
        p = await api("PATCH", "account", { body: { name: name.input.value, hue: Number(hue.input.value), notifyReplies: notify.checked, site: w.site, lang: w.loc } });
        setSession({ ...session(), name: p.name }, true);
        w.announce(T(asked ? "Profile saved. Check your email to confirm reply emails." : "Profile saved."));
      }, h("div", null, tools, history)));
    }

    async function comments(box, before) {
      const res = await api("GET", "account/comments", { query: { before } });
      const list = before ? box.querySelector("ol") : h("ol.parley-acct-list", { "aria-label": T("Your comments") });
      for (const c of res.comments) {
        const text = h("div.parley-text", { dir: "auto" });
        text.innerHTML = c.html; // server-sanitized, as in the thread
        const where = /^https?:\/\//i.test(c.url || "") ? h("a", { href: c.url, text: c.title || c.page }) : h("span", { text: c.title || c.page });
        list.append(h("li", null, h("p.parley-acct-meta", null, where, ` · ${new Date(c.createdAt).toLocaleString(w.loc)}${c.state === "published" ? "" : " · " + T(c.state)}`), text));
      }
      if (!before) box.replaceChildren(list, res.comments.length ? "" : h("p", { text: T("You have not commented yet.") }));
      box.querySelector(".parley-more")?.remove();
      if (res.nextBefore) box.append(h("button.parley-btn.parley-more", { type: "button", text: T("Older comments"), onclick: () => comments(box, res.nextBefore) }));
    }

    async function download() {
      const data = await api("GET", "account/export");
      const a = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })), download: "parley-account.json" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      w.announce(T("Your data was downloaded."));
    }

    async function signOut() {
      try {
        await api("POST", "account/signout");
      } catch {
        /* the session may already be gone: sign out here anyway */
      }
      setSession(null, true);
      close();
      w.announce(T("Signed out."));
    }

    function deletion() {
      const password = field("Your password, to confirm", { type: "password", autocomplete: "current-password", maxlength: "1024" });
      const warning = h("p.parley-acct-note", { text: T("Your account is deleted and your comments are replaced by “[deleted]”, so replies to them stay readable. This cannot be undone.") });
      return card("Delete your account", [warning, password.el], "Delete my account", async () => {
        await api("DELETE", "account", { body: { password: password.input.value } });
        setSession(null, true);
        close();
        w.announce(T("Your account was deleted."));
      });
    }

    const token = location.hash.startsWith(RESET) ? location.hash.slice(RESET.length) : null;
    if (token) {
      history.replaceState(null, "", location.pathname + location.search); // the token must not linger in the address bar
      return show(reset(token));
    }
    if (mode === "boot") {
      setSession(session(), false);
      return api("GET", "account").then((p) => setSession({ ...session(), name: p.name }, false), (err) => err.status === 401 && setSession(null, true));
    }
    if (!panel.hidden) return close();
    if (!session()) return show(entry("in"));
    api("GET", "account").then(profile, (err) => {
      if (err.status === 401) setSession(null, true);
      show(entry("in"));
    });
  };
})();
