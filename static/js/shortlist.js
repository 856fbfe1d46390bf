/* The shortlist's "Save" controls without a page reload, announced in a live region.
   - On cached pages the control is a link to the confirmation page (a.shortlist-link): this
     script turns it into a toggle button, fetches a CSRF token from the private endpoint named
     in data-token-url and posts the toggle with fetch.
   - On private pages it is a POST form (form.shortlist-toggle): this sends the same form.
   Without JavaScript, or when a request fails, the link and the form work on their own.
   Safe to load more than once. */
(function () {
  "use strict";
  if (window.portalShortlist) {
    return;
  }
  window.portalShortlist = true;

  var status;
  var tokenRequest;

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

  function csrfToken(url) {
    if (!tokenRequest) {
      tokenRequest = fetch(url, {
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
          return result.csrf_token;
        });
      tokenRequest.catch(function () {
        tokenRequest = null;
      });
    }
    return tokenRequest;
  }

  function post(action, body) {
    return fetch(action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    });
  }

  function actionOf(control) {
    var url = new URL(control.tagName === "A" ? control.href : control.action, window.location);
    return url.pathname;
  }

  function updateForm(form, saved) {
    var button = form.querySelector("button");
    var label = form.querySelector(".shortlist-label");
    var wanted = form.querySelector("input[name=saved]");
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    label.textContent = form.getAttribute(saved ? "data-label-saved" : "data-label-save");
    wanted.value = saved ? "0" : "1";
  }

  function updateLink(link, saved) {
    link.setAttribute("data-saved", saved ? "true" : "false");
    link.setAttribute("aria-pressed", saved ? "true" : "false");
    link.querySelector(".shortlist-label").textContent = link.getAttribute(
      saved ? "data-label-saved" : "data-label-save"
    );
  }

  function updateAll(action, result) {
    document.querySelectorAll("form.shortlist-toggle").forEach(function (form) {
      if (actionOf(form) === action) {
        updateForm(form, result.saved);
      }
    });
    document.querySelectorAll("a.shortlist-link").forEach(function (link) {
      if (actionOf(link) === action) {
        updateLink(link, result.saved);
      }
    });
    liveRegion().textContent = result.message;
  }

  function enhanceLinks() {
    document.querySelectorAll("a.shortlist-link").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-pressed", link.getAttribute("data-saved") === "true" ? "true" : "false");
    });
    liveRegion();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.shortlist-link");
    if (!link || !window.fetch || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-disabled") === "true") {
      return;
    }
    link.setAttribute("aria-disabled", "true");
    var action = actionOf(link);
    csrfToken(link.getAttribute("data-token-url"))
      .then(function (token) {
        var body = new FormData();
        body.append("csrfmiddlewaretoken", token);
        body.append("saved", link.getAttribute("data-saved") === "true" ? "0" : "1");
        return post(action, body);
      })
      .then(function (result) {
        updateAll(action, result);
      })
      .catch(function () {
        window.location.href = link.href;
      })
      .finally(function () {
        link.removeAttribute("aria-disabled");
      });
  });

  /* Space activates a button; the link now says it is one. */
  document.addEventListener("keydown", function (event) {
    var link = event.target.closest && event.target.closest("a.shortlist-link");
    if (link && event.key === " ") {
      event.preventDefault();
      link.click();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("shortlist-toggle") || !window.fetch) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    var action = actionOf(form);
    button.disabled = true;
    post(action, new FormData(form))
      .then(function (result) {
        updateAll(action, result);
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceLinks);
  } else {
    enhanceLinks();
  }
})();
