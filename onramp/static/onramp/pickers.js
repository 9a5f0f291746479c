// Progressive enhancement of long pickers: a <select data-filter> gets a search box above it that hides the
// options (and empty groups) not matching what is typed. Without JavaScript the plain <select> works as before.
(function () {
    "use strict";

    function enhance(select) {
        var box = document.createElement("input");
        box.type = "search";
        box.className = "picker-filter";
        box.setAttribute("aria-controls", select.id);
        // Its name is only "Type to filter": repeating the field's label would give two controls the same name.
        box.setAttribute("aria-label", select.dataset.filter || "Filter");
        box.placeholder = select.dataset.filter || "";
        box.addEventListener("input", function () {
            var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
            select.querySelectorAll("option").forEach(function (option) {
                var text = option.textContent.toLowerCase();
                option.hidden = option.value !== "" && !option.selected &&
                    !words.every(function (word) { return text.indexOf(word) !== -1; });
            });
            select.querySelectorAll("optgroup").forEach(function (group) {
                group.hidden = !group.querySelector("option:not([hidden])");
            });
        });
        select.parentNode.insertBefore(box, select);
    }

    function start() {
        document.querySelectorAll("select[data-filter]").forEach(enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
