/* While a public form posts: its submit buttons are disabled and the one pressed says
   "Sending…", so a slow network gets an answer and a second press sends nothing twice.
   The label comes translated from this script's own data-sending attribute (base.html).
   Forms another script sends itself (the shortlist's fetch) are left to that script: they
   cancel the browser's own submission, and this one looks only after they have had their say.
   Back to a page kept by the browser, or a post still unanswered after 30 seconds, gives the
   buttons back so that the visitor may try again. */
(function () {
  "use strict";
  var script = document.currentScript;
  var sendingLabel = (script && script.getAttribute("data-sending")) || "Sending…";
  var RETRY_AFTER_MS = 30000;
  var posting = [];

  function submitButtons(form) {
    return Array.prototype.filter.call(form.elements, function (control) {
      return (
        (control.tagName === "BUTTON" && (control.getAttribute("type") || "submit") === "submit") ||
        (control.tagName === "INPUT" && (control.type === "submit" || control.type === "image"))
      );
    });
  }

  function status(form) {
    var region = form.querySelector(".form-posting-status");
    if (!region) {
      region = document.createElement("p");
      region.className = "form-posting-status visually-hidden";
      region.setAttribute("role", "status");
      form.appendChild(region);
    }
    return region;
  }

  function start(form, pressed) {
    form.setAttribute("aria-busy", "true");
    form.setAttribute("data-posting", "true");
    submitButtons(form).forEach(function (button) {
      button.setAttribute("data-posting-was-disabled", button.disabled ? "true" : "false");
      button.disabled = true;
      if (button === pressed) {
        if (button.tagName === "INPUT") {
          button.setAttribute("data-posting-label", button.value);
          button.value = sendingLabel;
        } else {
          button.setAttribute("data-posting-label", button.innerHTML);
          button.textContent = sendingLabel;
        }
      }
    });
    status(form).textContent = sendingLabel;
    posting.push(form);
    window.setTimeout(function () {
      finish(form);
    }, RETRY_AFTER_MS);
  }

  function finish(form) {
    if (form.getAttribute("data-posting") !== "true") {
      return;
    }
    form.removeAttribute("aria-busy");
    form.removeAttribute("data-posting");
    submitButtons(form).forEach(function (button) {
      var label = button.getAttribute("data-posting-label");
      if (label !== null) {
        if (button.tagName === "INPUT") {
          button.value = label;
        } else {
          button.innerHTML = label;
        }
        button.removeAttribute("data-posting-label");
      }
      button.disabled = button.getAttribute("data-posting-was-disabled") === "true";
      button.removeAttribute("data-posting-was-disabled");
    });
    status(form).textContent = "";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || (form.getAttribute("method") || "").toLowerCase() !== "post") {
      return;
    }
    if (form.getAttribute("data-posting") === "true") {
      event.preventDefault();
      return;
    }
    var pressed = event.submitter || submitButtons(form)[0];
    /* After the event: the browser has read the form (a disabled button would not be sent)
       and any other handler has decided whether the browser sends it at all. */
    window.setTimeout(function () {
      if (!event.defaultPrevented) {
        start(form, pressed);
      }
    }, 0);
  });

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      posting.splice(0).forEach(finish);
    }
  });
})();
