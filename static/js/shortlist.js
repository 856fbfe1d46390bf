/* The shortlist's "Save" buttons without a page reload. The forms work on their own; this
   sends the same form with fetch, updates aria-pressed and the label, and announces the change
   in a live region. Safe to load more than once. */
(function () {
  "use strict";
  if (window.portalShortlist) {
    return;
  }
  window.portalShortlist = true;

  var status;

  function liveRegion() {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    return status;
  }

  function update(form, saved) {
    var button = form.querySelector("button");
    var label = form.querySelector(".shortlist-label");
    var wanted = form.querySelector("input[name=saved]");
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    label.textContent = form.getAttribute(saved ? "data-label-saved" : "data-label-save");
    wanted.value = saved ? "0" : "1";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("shortlist-toggle") || !window.fetch) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (result) {
        document.querySelectorAll("form.shortlist-toggle").forEach(function (other) {
          if (other.action === form.action) {
            update(other, result.saved);
          }
        });
        liveRegion().textContent = result.message;
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", liveRegion);
  } else {
    liveRegion();
  }
})();
