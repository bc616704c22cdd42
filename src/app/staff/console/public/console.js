// The staff console's one script: a delivery report refreshes itself until the broadcast is done.
"use strict";
(function () {
  var table = document.querySelector("table[data-report]");
  if (!table || table.getAttribute("data-done") === "true") return;
  var url = table.getAttribute("data-report");
  var polls = 0;
  var fields = ["state", "queued", "sent", "failed", "reasons", "blocked", "pending", "inDoubt", "duration"];
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (r) {
        if (!r) return setTimeout(tick, 3000);
        fields.forEach(function (f) {
          var cell = table.querySelector('[data-field="' + f + '"]');
          if (cell && r[f] !== undefined) cell.textContent = String(r[f]);
        });
        polls++;
        // Settled: stop. Done with recipients in doubt: they may still settle, so look a while longer.
        if (r.settled || (r.done && polls > 120)) table.setAttribute("data-done", "true");
        else setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 3000); });
  }
  setTimeout(tick, 1000);
})();
