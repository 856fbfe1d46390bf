// After a failed submission, move keyboard and screen-reader focus to the list of errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
