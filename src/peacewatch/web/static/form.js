// Keep filter URLs short and shareable: empty fields are left out of the query string.
(function () {
  "use strict";
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value || field.value === field.getAttribute("data-default")) { field.disabled = true; }
      });
    });
  });
  // on a phone the map matters more than the form: fold it unless a filter is set
  var box = document.querySelector("details.filters-box");
  if (box && window.matchMedia("(max-width: 640px)").matches && !window.location.search) {
    box.open = false;
  }
  // coming back with the browser's back button restores the disabled state: undo it
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.filters [disabled]").forEach(function (f) { f.disabled = false; });
  });
})();
