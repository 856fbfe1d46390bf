/* Amounts read back beside their field while typing: "3.2亿" -> "3.2亿元 / CNY 320 million".
   The parsing and the wording follow portal/core/money_fields.py and projects/formatting.py.
   Loaded by AmountInput's media; listens on the document, so inline rows added later work too. */
(function () {
  "use strict";

  var SHIFTS = { "亿": 8, "万": 4, billion: 9, million: 6 };
  var PATTERN = /^(?:¥|cny|rmb)?(-?\d+(?:\.\d+)?)(亿|万|billion|million)?(?:元|yuan|cny)?$/;

  function parse(text) {
    var cleaned = text.normalize("NFKC").toLowerCase().replace(/[\s,，_']/g, "");
    var match = PATTERN.exec(cleaned);
    if (!match) {
      return null;
    }
    // Shift the decimal point in the text, so that 3.2亿 is 320000000 and not 320000000.00000006.
    var shift = match[2] ? SHIFTS[match[2]] : 0;
    var parts = match[1].split(".");
    var fraction = (parts[1] || "") + "0".repeat(shift);
    var digits = parts[0] + fraction.slice(0, shift) + "." + (fraction.slice(shift) || "0");
    return Number(digits);
  }

  // A count of 万 or 亿 is written without separators (7560万), as projects/formatting.py does.
  function trimmed(value, places, ungrouped) {
    var factor = Math.pow(10, places);
    var rounded = Math.round(Math.abs(value) * factor) / factor;
    var text = rounded.toFixed(places);
    if (text.indexOf(".") !== -1) {
      text = text.replace(/0+$/, "").replace(/\.$/, "");
    }
    var pieces = text.split(".");
    if (!ungrouped) {
      pieces[0] = pieces[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    }
    return (value < 0 ? "-" : "") + pieces.join(".");
  }

  function money(value) {
    var chinese, english;
    if (value >= 1e8) {
      chinese = trimmed(value / 1e8, 2, true) + "亿元";
    } else if (value >= 1e4) {
      chinese = trimmed(value / 1e4, 2, true) + "万元";
    } else {
      chinese = trimmed(value, 2) + "元";
    }
    if (value >= 1e9) {
      english = "CNY " + trimmed(value / 1e9, 2) + " billion";
    } else if (value >= 1e6) {
      english = "CNY " + trimmed(value / 1e6, 2) + " million";
    } else {
      english = "CNY " + trimmed(value, 2);
    }
    return chinese + " / " + english;
  }

  function number(value) {
    var size = Math.abs(value);
    var chinese;
    if (size >= 1e8) {
      chinese = trimmed(value / 1e8, 8, true) + "亿";
    } else if (size >= 1e4) {
      chinese = trimmed(value / 1e4, 8, true) + "万";
    } else {
      chinese = trimmed(value, 4);
    }
    return chinese + " / " + trimmed(value, 4);
  }

  function readBack(input) {
    var output = document.getElementById(input.id + "_readback");
    if (!output) {
      return;
    }
    var text = input.value.trim();
    if (!text) {
      output.textContent = "";
      return;
    }
    var value = parse(text);
    if (value === null || isNaN(value)) {
      output.textContent = input.getAttribute("data-amount-invalid") || "";
      output.classList.add("amount-invalid");
      return;
    }
    output.classList.remove("amount-invalid");
    output.textContent = input.getAttribute("data-amount-kind") === "money" ? money(value) : number(value);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input[data-amount-kind]")) {
      readBack(event.target);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-amount-kind]").forEach(readBack);
  });
})();
