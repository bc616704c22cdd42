// The web chat page: posts what the user types or presses, renders what the server pushes (SSE).
(() => {
  "use strict";
  const T = window.TEXTS;
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const activity = document.getElementById("activity");
  const connection = document.getElementById("connection");
  const menu = document.getElementById("menu");
  const main = document.querySelector("main");
  const byId = new Map();
  let pending = 0;
  let documentPending = false;

  const clientId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2)).replace(/[^\w-]/g, "");

  function showActivity() {
    const text = pending > 0 ? T.sending : documentPending ? T.documentInProgress : "";
    activity.textContent = text;
    activity.hidden = text === "";
  }

  function scrollDown() {
    main.scrollTop = main.scrollHeight;
  }

  function renderBody(li, e) {
    li.replaceChildren();
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (e.type === "user" ? T.you : T.bot) + "：";
    li.append(who, document.createTextNode(e.text));
    if (e.file) {
      const a = document.createElement("a");
      a.className = "file";
      a.href = e.file.url;
      a.setAttribute("download", e.file.name);
      a.textContent = T.download + "：" + e.file.name;
      li.append(document.createElement("br"), a);
    }
    if (e.buttons && e.buttons.length) {
      const group = document.createElement("div");
      group.className = "buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", T.buttonsFor);
      for (const b of e.buttons) {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.label;
        btn.addEventListener("click", () => {
          if (b.label.includes("确认提交")) documentPending = true;
          for (const x of group.querySelectorAll("button")) x.disabled = true;
          void post({ clientId: clientId(), action: b.id, messageId: li.dataset.id }, () => {
            for (const x of group.querySelectorAll("button")) x.disabled = false;
          });
        });
        group.append(btn);
      }
      li.append(group);
    }
  }

  function add(e) {
    if (e.type === "edit") {
      const target = byId.get(e.target);
      if (target) renderBody(target, { ...e, type: "bot" });
      return;
    }
    if (byId.has(e.id)) return;
    const li = document.createElement("li");
    li.className = "msg " + e.type;
    li.dataset.id = e.id;
    renderBody(li, e);
    byId.set(e.id, li);
    log.append(li);
    if (e.type === "bot" && e.buttons.length) {
      // Earlier buttons are stale once the bot has moved on; the server refuses them anyway.
      for (const old of log.querySelectorAll(".msg.bot .buttons button")) if (!li.contains(old)) old.disabled = true;
    }
    if (e.type === "bot" && e.file) documentPending = false;
    showActivity();
    scrollDown();
  }

  async function post(body, onFail) {
    pending++;
    showActivity();
    try {
      const res = await fetch("/api/messages", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        const j = await res.json().catch(() => null);
        fail(j && j.error ? j.error.message : T.failed, body, onFail);
      }
    } catch {
      fail(T.failed, body, onFail);
    } finally {
      pending--;
      showActivity();
    }
  }

  // The message is kept: typed text goes back into the box, a retry button resends it as it was.
  function fail(message, body, onFail) {
    if (body.text !== undefined && input.value === "") input.value = body.text;
    if (onFail) onFail();
    connection.replaceChildren(document.createTextNode(message));
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "retry";
    retry.textContent = T.retry;
    retry.addEventListener("click", () => {
      connection.hidden = true;
      if (body.text !== undefined && input.value === body.text) input.value = "";
      void post(body, onFail);
    });
    connection.append(retry);
    connection.hidden = false;
  }

  function sendText(text) {
    if (!text.trim()) return;
    connection.hidden = true;
    if (/^(确认提交|提交)$/.test(text.trim())) documentPending = true;
    void post({ clientId: clientId(), text });
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value;
    input.value = "";
    sendText(text);
    input.focus();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  for (const m of T.menu) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = m.label;
    b.addEventListener("click", () => sendText(m.text));
    menu.append(b);
  }

  const events = new EventSource("/api/events");
  events.onmessage = (ev) => add(JSON.parse(ev.data));
  events.addEventListener("progress", () => {
    documentPending = true;
    showActivity();
  });
  events.addEventListener("cleared", () => {
    log.replaceChildren();
    byId.clear();
  });
  events.onopen = () => {
    if (connection.dataset.kind === "offline") connection.hidden = true;
  };
  events.onerror = () => {
    connection.textContent = T.reconnecting;
    connection.dataset.kind = "offline";
    connection.hidden = false;
  };
})();
