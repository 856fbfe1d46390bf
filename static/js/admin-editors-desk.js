/* The editors' desk in every content admin's change form (portal/core/editors_desk.py):
 * - leaving a changed form, or one that came back with errors, asks first; saving does not;
 * - a file kept from a failed save is named beside its input;
 * - the error summary takes the focus, so a screen reader reads it and Tab reaches its links;
 * - the rich-text editor speaks the admin's language: its dialogs through gettext, its toolbar
 *   titles and menus from the translations the page carries (#prose-editor-strings).
 * A plain script from the site's own origin, as the CSP allows; no inline code.
 */
(function () {
  "use strict";

  var editorStrings = null;

  function strings() {
    if (editorStrings !== null) {
      return editorStrings;
    }
    // Scripts in the head ask gettext before the page's body, and its strings, are parsed.
    var element = document.getElementById("prose-editor-strings");
    if (!element) {
      return document.readyState === "loading" ? {} : (editorStrings = {});
    }
    try {
      editorStrings = JSON.parse(element.textContent);
    } catch (error) {
      editorStrings = {};
    }
    return editorStrings;
  }

  // The editor looks up `window.gettext` when its module runs, after the page is parsed and
  // after Django's catalogue (jsi18n) has defined it.
  var catalogue = window.gettext || function (text) { return text; };
  window.gettext = function (text) {
    var translated = strings()[text];
    return translated === undefined ? catalogue(text) : translated;
  };

  function translateTitles(root) {
    var own = strings();
    var elements = root.querySelectorAll ? root.querySelectorAll("[title]") : [];
    Array.prototype.forEach.call(elements, function (element) {
      var title = element.getAttribute("title");
      if (Object.prototype.hasOwnProperty.call(own, title)) {
        var label = element.getAttribute("aria-label");
        element.setAttribute("title", own[title]);
        if (!label || label === title) {
          element.setAttribute("aria-label", own[title]);
        }
      }
    });
    Array.prototype.forEach.call(root.querySelectorAll ? root.querySelectorAll(".prose-menubar *") : [], function (element) {
      // An icon's text is the name of its glyph in the icon font, not a word to translate.
      var isIcon = element.classList.contains("material-icons");
      if (!isIcon && element.children.length === 0 && Object.prototype.hasOwnProperty.call(own, element.textContent)) {
        element.textContent = own[element.textContent];
      }
    });
  }

  // The editor builds its toolbar, menus and dialogs after the page has loaded and rebuilds
  // parts of them later: translate whatever appears inside an editor.
  function watchEditors() {
    if (Object.keys(strings()).length === 0) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll(".prose-editor"), translateTitles);
    new MutationObserver(function (records) {
      var seen = [];
      records.forEach(function (record) {
        var target = record.target.nodeType === 1 ? record.target : record.target.parentNode;
        var wrapper = target && target.closest(".prose-editor");
        if (wrapper && seen.indexOf(wrapper) === -1) {
          seen.push(wrapper);
          translateTitles(wrapper);
        }
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  function changeForm() {
    return document.querySelector("#content-main form[id$='_form']");
  }

  function watchForChanges(form) {
    var changed = document.getElementById("error-summary") !== null;
    var submitting = false;
    function markChanged(event) {
      if (event.isTrusted) {
        changed = true;
      }
    }
    form.addEventListener("input", markChanged, true);
    form.addEventListener("change", markChanged, true);
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (changed && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function nameKeptFiles(form) {
    Array.prototype.forEach.call(form.querySelectorAll("input[data-kept-for]"), function (kept) {
      var input = form.querySelector("input[type=file][name='" + kept.getAttribute("data-kept-for") + "']");
      if (!input) {
        return;
      }
      var note = document.createElement("p");
      note.className = "kept-file help";
      note.textContent = kept.getAttribute("data-kept-note");
      input.insertAdjacentElement("afterend", note);
      input.addEventListener("change", function () {
        if (input.files.length) {
          note.remove();
        }
      });
    });
  }

  // A field in a collapsed section is opened before the link moves to it.
  function revealLinkedField(event) {
    var link = event.target.closest("a[href^='#']");
    var target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!target) {
      return;
    }
    for (var node = target.parentNode; node; node = node.parentNode) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
    history.replaceState(null, "", link.getAttribute("href"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    watchEditors();
    var form = changeForm();
    if (!form) {
      return;
    }
    watchForChanges(form);
    nameKeptFiles(form);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.addEventListener("click", revealLinkedField);
      summary.focus();
    }
  });
})();
