// Kehu CRM: the only script of our own. No inline scripts anywhere (the Content-Security-Policy forbids them),
// so behaviour hangs off classes and data attributes.
(function () {
    "use strict";

    // Selects with class auto-submit submit their form when changed (the language switcher). A returnTo field
    // gets the address as it is now: a live search may have changed it since the page was rendered.
    document.addEventListener("change", function (event) {
        var target = event.target;
        if (target instanceof HTMLSelectElement && target.classList.contains("auto-submit") && target.form) {
            var returnTo = target.form.elements.namedItem("returnTo");
            if (returnTo instanceof HTMLInputElement) {
                returnTo.value = window.location.pathname + window.location.search;
            }
            target.form.submit();
        }
    });

    // Buttons with class confirm ask first; the question comes from data-confirm (already translated).
    document.addEventListener("click", function (event) {
        var button = event.target instanceof Element ? event.target.closest(".confirm") : null;
        if (button && !window.confirm(button.getAttribute("data-confirm") || "?")) {
            event.preventDefault();
        }
    });
})();
