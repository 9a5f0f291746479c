// Progressive enhancement of the layout (without JavaScript everything is shown and the page still works):
// - on narrow screens the header menu and the process tree, <details> open by default, start closed;
// - a table in the content scrolls sideways inside its own box, which keyboard users can focus and scroll.
(function () {
    "use strict";
    var narrow = window.matchMedia("(max-width: 75rem)");
    var drawerNarrow = window.matchMedia("(max-width: 60rem)");

    function fit() {
        document.querySelectorAll(".menu[data-collapse-narrow]").forEach(function (menu) {
            menu.open = !narrow.matches;
        });
        document.querySelectorAll(".drawer[data-collapse-narrow]").forEach(function (drawer) {
            drawer.open = !drawerNarrow.matches;
        });
    }

    function label(table) {
        var caption = table.querySelector("caption");
        var heading = table.closest("section, article, main").querySelector("h1, h2, h3");
        return (caption || heading || document.querySelector("h1") || {}).textContent || document.title;
    }

    function scrollBoxes() {
        document.querySelectorAll("main table").forEach(function (table) {
            var box = table.parentElement.closest(".table-scroll, .map-scroll, figure.table");
            if (!box) {
                box = document.createElement("div");
                box.className = "table-scroll";
                table.parentNode.insertBefore(box, table);
                box.appendChild(table);
            }
            if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
            if (!box.hasAttribute("role")) box.setAttribute("role", "region");
            if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", label(table).trim().slice(0, 80));
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        fit();
        scrollBoxes();
    });
    narrow.addEventListener("change", fit);
    drawerNarrow.addEventListener("change", fit);
})();
