// Alerts and shifts panel, and the paste-an-article box (the server's token is required).
"use strict";
(function () {
  const g = window.geopol;

  function describeShift(s) {
    const who = s.b ? s.a + " – " + s.b : s.a;
    const change = s.change === null || s.change === undefined ? "" : " (" + (s.change > 0 ? "+" : "") + Math.round(s.change * 100) + "%)";
    return [who + ": " + s.kind.replace("_", " ") + " in " + s.band + change,
            s.detail || ("recent " + g.fmt(s.recent, 1) + " vs baseline " + g.fmt(s.baseline, 1))];
  }

  function describeAlert(a) {
    const title = a.rule || a.name || a.title || "alert";
    const text = a.message || a.detail || a.description || JSON.stringify(a);
    return [String(title), String(text)];
  }

  async function fill(id, path, describe, empty) {
    const ul = document.getElementById(id);
    try {
      const data = await g.api(path);
      g.clear(ul);
      for (const item of data.items) {
        const [head, detail] = describe(item);
        ul.appendChild(g.el("li", {class: id.replace(/s$/, "")}, [g.el("strong", {text: head}),
          g.el("div", {class: "muted", text: detail})]));
      }
      if (!data.items.length) ul.appendChild(g.el("li", {class: "muted", text: empty}));
    } catch (err) { g.showError(ul, err); }
  }

  async function submit(ev) {
    ev.preventDefault();
    const result = document.getElementById("result");
    const token = document.getElementById("token").value;
    sessionStorage.setItem("geopol-token", token);
    const body = {title: document.getElementById("ptitle").value, body: document.getElementById("pbody").value};
    const published = document.getElementById("published").value;
    if (published) body.published = published;
    g.clear(result);
    result.appendChild(g.el("p", {class: "muted", text: "Coding…"}));
    try {
      const data = await g.api("/api/articles", {method: "POST",
        headers: {"Content-Type": "application/json", "Accept": "application/json",
                  "Authorization": "Bearer " + token},
        body: JSON.stringify(body)});
      g.clear(result);
      result.appendChild(g.el("p", {}, [data.events.length + " events coded. ",
        g.el("a", {href: "/article?id=" + encodeURIComponent(data.article_id), id: "open-coded", text: "Open the article"})]));
      const ul = g.el("ul", {class: "plain"});
      for (const e of data.events) {
        ul.appendChild(g.el("li", {}, [g.quadDot(e.quad), e.type + " ", g.badge(e.factuality), " ",
          g.actorLabel(e, "source") + " → " + g.actorLabel(e, "target")]));
      }
      result.appendChild(ul);
    } catch (err) { g.showError(result, err); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("token").value = sessionStorage.getItem("geopol-token") || "";
    document.getElementById("paste").addEventListener("submit", submit);
    fill("alerts", "/api/alerts", describeAlert, "No alerts.");
    fill("shifts", "/api/shifts", describeShift, "No shifts detected.");
  });
})();
