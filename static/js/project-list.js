/* The project list's filters.
   - The filter panel is a <details>: closed on phones, so the results come first, and always
     shown on wide screens (the stylesheet shows it there; this keeps its open state true, so
     that assistive technology and find-in-page see the same).
   - Empty filters are left out of the address when the form is sent: `?park=x`, not
     `?q=&sector=&park=x&...`.
   Without JavaScript the panel opens with its "Filters" control and the form sends all fields. */
(function () {
  "use strict";
  var panel = document.getElementById("filter-panel");
  if (!panel) {
    return;
  }
  var wide = window.matchMedia ? window.matchMedia("(min-width: 48rem)") : null;

  function follow() {
    if (wide && wide.matches) {
      panel.open = true;
    }
  }
  follow();
  if (wide && wide.addEventListener) {
    wide.addEventListener("change", follow);
  }

  var form = panel.querySelector("form");
  if (!form) {
    return;
  }
  form.addEventListener("submit", function () {
    var emptied = [];
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name && !control.disabled && control.value === "") {
        control.disabled = true;
        emptied.push(control);
      }
    });
    /* Enabled again once the browser has read the form, and when Back shows this page. */
    window.setTimeout(function () {
      emptied.forEach(function (control) {
        control.disabled = false;
      });
    }, 0);
  });
})();
