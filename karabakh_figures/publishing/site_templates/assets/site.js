// Code is hidden by default; one button per page shows or hides it. Without JavaScript, code stays visible.
document.documentElement.classList.replace("no-js", "js");
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("toggle-code");
  if (!button) { return; }
  button.addEventListener("click", function () {
    var shown = document.body.classList.toggle("show-code");
    button.setAttribute("aria-pressed", shown ? "true" : "false");
    button.textContent = shown ? "Hide code" : "Show code";
  });
});
