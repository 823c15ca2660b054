// Progressive enhancement for the questionnaire pages. Everything here is optional: the pages work,
// and the server validates everything, without this script.
(function () {
    "use strict";

    // Region list: show only the regions of the chosen country.
    document.querySelectorAll("select[data-parent]").forEach(function (select) {
        var parent = document.getElementById(select.dataset.parent);
        if (!parent) { return; }
        function filter() {
            var country = parent.value;
            select.querySelectorAll("optgroup").forEach(function (group) {
                var match = !country || group.dataset.parentValue === country;
                group.hidden = !match;
                group.disabled = !match;
            });
            var chosen = select.selectedOptions[0];
            if (chosen && chosen.parentElement.tagName === "OPTGROUP" && chosen.parentElement.disabled) {
                select.value = "";
            }
        }
        parent.addEventListener("change", filter);
        filter();
    });

    // Checklists: "None of these", "Don't know" and "Not applicable" exclude the other boxes.
    document.querySelectorAll("[data-exclusive]").forEach(function (specials) {
        var name = specials.dataset.exclusive;
        var boxes = Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name="' + CSS.escape(name) + '"]'));
        boxes.forEach(function (box) {
            box.addEventListener("change", function () {
                if (!box.checked) { return; }
                var special = box.classList.contains("special");
                boxes.forEach(function (other) {
                    if (other !== box && (special || other.classList.contains("special"))) { other.checked = false; }
                });
            });
        });
    });

    // Most important barriers: marking one ticks the barrier itself; at most N can be marked.
    document.querySelectorAll("[data-max-top]").forEach(function (list) {
        var max = parseInt(list.dataset.maxTop, 10);
        var tops = Array.prototype.slice.call(list.querySelectorAll("input.top-barrier"));
        function update() {
            var count = tops.filter(function (t) { return t.checked; }).length;
            tops.forEach(function (t) { t.disabled = !t.checked && count >= max; });
        }
        tops.forEach(function (top) {
            top.addEventListener("change", function () {
                var barrier = document.getElementById("barrier-" + top.value);
                if (top.checked && barrier) { barrier.checked = true; }
                update();
            });
        });
        list.querySelectorAll('input[name="barrier"]').forEach(function (barrier) {
            barrier.addEventListener("change", function () {
                var top = document.getElementById("top-" + barrier.value);
                if (!barrier.checked && top) { top.checked = false; update(); }
            });
        });
        update();
    });

    // Answered questions on this step: the count and the step's share of the progress bar follow
    // the ticks. The text is announced politely, once the respondent pauses.
    document.querySelectorAll("[data-answered-format]").forEach(function (counter) {
        var questions = Array.prototype.slice.call(document.querySelectorAll("fieldset.question"));
        var bar = document.querySelector("progress.journey-bar");
        var base = bar ? parseFloat(bar.value) - 1 : 0;
        var timer = null;
        counter.setAttribute("aria-live", "polite");
        function update() {
            var answered = questions.filter(function (q) { return q.querySelector("input:checked"); }).length;
            if (bar && questions.length > 0) { bar.value = base + answered / questions.length; }
            return counter.dataset.answeredFormat.replace("{0}", answered).replace("{1}", questions.length);
        }
        questions.forEach(function (q) {
            q.addEventListener("change", function () {
                var text = update();
                clearTimeout(timer);
                timer = setTimeout(function () { counter.textContent = text; }, 400);
            });
        });
        update();
    });

    // Leaving a step with changes that are not saved yet asks first. Saving (any button of the
    // form) is not leaving; the browser words the question itself.
    document.querySelectorAll("form[data-unsaved-warning]").forEach(function (form) {
        var dirty = false;
        form.addEventListener("change", function () { dirty = true; });
        form.addEventListener("submit", function () { dirty = false; });
        window.addEventListener("beforeunload", function (event) {
            if (!dirty) { return; }
            event.preventDefault();
            event.returnValue = form.dataset.unsavedWarning;
            return form.dataset.unsavedWarning;
        });
    });

    // Copy the resume link.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var input = document.getElementById(button.dataset.copy);
        if (!input || !navigator.clipboard) { return; }
        button.classList.remove("d-none");
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(input.value).then(function () {
                button.textContent = button.dataset.copied || "Copied";
            });
        });
    });

    // Print the results page.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.classList.remove("d-none");
        button.addEventListener("click", function () { window.print(); });
    });

    // After a rejected post, bring the error summary into view for keyboard and screen-reader users.
    var summary = document.getElementById("error-summary");
    if (summary) {
        summary.setAttribute("tabindex", "-1");
        summary.focus();
    }
})();
