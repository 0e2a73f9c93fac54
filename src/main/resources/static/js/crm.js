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

    // Pipeline board: drag a card onto another column to move the deal (htmx posts the move and swaps the board).
    // Without JavaScript each card has a stage form instead; with it, the form shows only when a card has focus.
    document.documentElement.classList.add("js");
    var dragged = null;
    document.addEventListener("dragstart", function (event) {
        var card = event.target instanceof Element ? event.target.closest(".pipeline-card[draggable=true]") : null;
        if (card) {
            dragged = card;
            card.classList.add("dragging");
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", card.getAttribute("data-id") || "");
        }
    });
    document.addEventListener("dragend", function () {
        if (dragged) {
            dragged.classList.remove("dragging");
        }
        dragged = null;
        document.querySelectorAll(".pipeline-column.drop-target").forEach(function (c) {
            c.classList.remove("drop-target");
        });
    });
    document.addEventListener("dragover", function (event) {
        var column = dragged && event.target instanceof Element ? event.target.closest(".pipeline-column") : null;
        if (column) {
            event.preventDefault();
            column.classList.add("drop-target");
        }
    });
    document.addEventListener("dragleave", function (event) {
        var column = event.target instanceof Element ? event.target.closest(".pipeline-column") : null;
        if (column && !column.contains(event.relatedTarget)) {
            column.classList.remove("drop-target");
        }
    });
    document.addEventListener("drop", function (event) {
        var column = dragged && event.target instanceof Element ? event.target.closest(".pipeline-column") : null;
        if (!column || !window.htmx) {
            return;
        }
        event.preventDefault();
        var board = document.getElementById("board");
        var stage = column.getAttribute("data-stage");
        var card = dragged;
        if (!board || !stage || !card || card.closest(".pipeline-column") === column) {
            return;
        }
        var values = { stage: stage, fromBoard: "true", scope: board.getAttribute("data-scope") || "" };
        var owner = board.getAttribute("data-owner");
        if (owner) {
            values.owner = owner;
        }
        if (stage === "LOST") {
            var reason = window.prompt(board.getAttribute("data-loss-prompt") || "?");
            if (reason === null) {
                return;
            }
            values.lossReason = reason;
        }
        window.htmx.ajax("POST", card.getAttribute("data-move-url"), {
            target: "#board", swap: "outerHTML", values: values
        });
    });
})();

// Import screens (issue 6). Progress bars get their width from data-percent (the CSP forbids style attributes), on
// load and after every htmx poll; the upload form shows only the options the chosen type uses and refuses a file over
// the server's limit before sending it (the server checks again).
(function () {
    "use strict";

    function widths(root) {
        root.querySelectorAll(".progress-bar[data-percent]").forEach(function (bar) {
            bar.style.width = Math.max(0, Math.min(100, Number(bar.getAttribute("data-percent")) || 0)) + "%";
        });
    }

    function importOptions(form) {
        var type = form.querySelector("select.import-type");
        var option = type && type.selectedOptions[0];
        if (!option) {
            return;
        }
        form.querySelectorAll(".import-option[data-option]").forEach(function (element) {
            var key = "data-" + element.getAttribute("data-option");
            element.hidden = option.getAttribute(key) === "false";
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        widths(document);
        document.querySelectorAll("form.import-form").forEach(importOptions);
    });
    document.addEventListener("htmx:afterSwap", function (event) {
        widths(event.target instanceof Element ? event.target.parentElement || document : document);
    });
    document.addEventListener("change", function (event) {
        var target = event.target;
        if (target instanceof HTMLSelectElement && target.classList.contains("import-type") && target.form) {
            importOptions(target.form);
        }
        if (target instanceof HTMLInputElement && target.type === "file" && target.hasAttribute("data-max-bytes")) {
            var file = target.files && target.files[0];
            var tooLarge = file && file.size > Number(target.getAttribute("data-max-bytes"));
            target.setCustomValidity(tooLarge ? target.getAttribute("data-too-large") || "" : "");
            if (tooLarge) {
                target.reportValidity();
            }
        }
    });
})();

// A link to a record's tab (e.g. /customers/7#tab-analytics from a dashboard list) opens that tab.
document.addEventListener('DOMContentLoaded', function () {
    if (!location.hash || !location.hash.startsWith('#tab-') || typeof bootstrap === 'undefined') {
        return;
    }
    var button = document.querySelector('[data-bs-toggle="tab"][data-bs-target="' + CSS.escape(location.hash) + '"]');
    if (button) {
        bootstrap.Tab.getOrCreateInstance(button).show();
    }
});
