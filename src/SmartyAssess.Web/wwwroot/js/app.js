// Progressive enhancement. Everything here is optional: the pages work, and the server validates
// everything, without this script.
//
// blazor.web.js may patch a new page into this document (enhanced navigation and form posts, ADR
// 0024) instead of loading it. It reuses elements and resets the attributes this script changed, so
// behaviour hangs on document-level listeners (which survive the patch) and `setUp` is idempotent
// and runs again after every patch.
(function () {
    "use strict";

    var unsavedForm = "form[data-unsaved-warning]";
    var dirty = false;      // the step's form has changes that are not saved yet
    var shownUrl = location.href;
    var countTimer = null;

    function all(selector, root) {
        return Array.prototype.slice.call((root || document).querySelectorAll(selector));
    }

    function samePage(a, b) {
        var x = new URL(a, document.baseURI), y = new URL(b, document.baseURI);
        return x.origin === y.origin && x.pathname === y.pathname && x.search === y.search;
    }

    // Region list: show only the regions of the chosen country.
    function filterRegions(select) {
        var parent = document.getElementById(select.dataset.parent);
        if (!parent) { return; }
        var country = parent.value;
        all("optgroup", select).forEach(function (group) {
            var match = !country || group.dataset.parentValue === country;
            group.hidden = !match;
            group.disabled = !match;
        });
        var chosen = select.selectedOptions[0];
        if (chosen && chosen.parentElement.tagName === "OPTGROUP" && chosen.parentElement.disabled) {
            select.value = "";
        }
    }

    // Most important barriers: at most N can be marked.
    function limitTop(list) {
        var max = parseInt(list.dataset.maxTop, 10);
        var tops = all("input.top-barrier", list);
        var count = tops.filter(function (t) { return t.checked; }).length;
        tops.forEach(function (t) { t.disabled = !t.checked && count >= max; });
    }

    // Answered questions on this step: the count and the step's share of the progress bar follow
    // the ticks. The text is announced politely, once the respondent pauses.
    function countAnswered(counter, announce) {
        var questions = all("fieldset.question");
        var answered = questions.filter(function (q) { return q.querySelector("input:checked"); }).length;
        var bar = document.querySelector("progress.journey-bar");
        if (bar && questions.length > 0) {
            // The server's value counts this step as reached; remember it before changing it.
            if (!bar.dataset.base) { bar.dataset.base = String(parseFloat(bar.getAttribute("value")) - 1); }
            bar.value = parseFloat(bar.dataset.base) + answered / questions.length;
        }
        counter.setAttribute("aria-live", "polite");
        if (!announce) { return; }
        var text = counter.dataset.answeredFormat.replace("{0}", answered).replace("{1}", questions.length);
        clearTimeout(countTimer);
        countTimer = setTimeout(function () { counter.textContent = text; }, 400);
    }

    function setUp() {
        dirty = false;
        shownUrl = location.href;
        all("select[data-parent]").forEach(filterRegions);
        all("[data-max-top]").forEach(limitTop);
        all("[data-answered-format]").forEach(function (counter) { countAnswered(counter, false); });
        all("[data-copy]").forEach(function (button) {
            if (navigator.clipboard && document.getElementById(button.dataset.copy)) { button.classList.remove("d-none"); }
        });
        all("[data-print]").forEach(function (button) { button.classList.remove("d-none"); });
    }

    // Where attention goes when a page arrives. After a rejected post the error summary takes focus
    // for keyboard and screen-reader users. After an enhanced navigation nothing tells a screen
    // reader that the page changed, so focus moves to the new page's heading, as a page load would
    // start reading there; the page starts at the top unless the address names a place on it.
    function placeFocus(arrived) {
        var summary = document.getElementById("error-summary");
        if (summary) {
            summary.setAttribute("tabindex", "-1");
            summary.focus();
            return;
        }
        if (!arrived) { return; }
        if (!location.hash) { window.scrollTo(0, 0); }
        var heading = document.querySelector("main h1");
        if (heading) {
            heading.setAttribute("tabindex", "-1");
            heading.focus({ preventScroll: !!location.hash });
        }
    }

    document.addEventListener("change", function (event) {
        var target = event.target;
        if (!(target instanceof HTMLElement)) { return; }
        if (target.closest(unsavedForm)) { dirty = true; }

        if (target.tagName === "SELECT" && target.id) {
            all('select[data-parent="' + CSS.escape(target.id) + '"]').forEach(filterRegions);
        }

        if (target.type === "checkbox") {
            // "None of these", "Don't know" and "Not applicable" exclude the other boxes, and back.
            if (target.checked && target.name && document.querySelector('[data-exclusive="' + CSS.escape(target.name) + '"]')) {
                var special = target.classList.contains("special");
                all('input[type=checkbox][name="' + CSS.escape(target.name) + '"]').forEach(function (other) {
                    if (other !== target && (special || other.classList.contains("special"))) { other.checked = false; }
                });
            }

            // Marking a barrier as most important ticks the barrier; unticking a barrier unmarks it.
            var list = target.closest("[data-max-top]");
            if (list) {
                if (target.classList.contains("top-barrier")) {
                    var barrier = document.getElementById("barrier-" + target.value);
                    if (target.checked && barrier) { barrier.checked = true; }
                } else if (target.name === "barrier" && !target.checked) {
                    var top = document.getElementById("top-" + target.value);
                    if (top) { top.checked = false; }
                }
                limitTop(list);
            }
        }

        if (target.closest("fieldset.question")) {
            all("[data-answered-format]").forEach(function (counter) { countAnswered(counter, true); });
        }
    });

    // Saving (any button of the step's form) is not leaving.
    document.addEventListener("submit", function (event) {
        if (event.target instanceof HTMLFormElement && event.target.matches(unsavedForm)) { dirty = false; }
    });

    function confirmLeaving() {
        var form = document.querySelector(unsavedForm);
        if (!dirty || !form) { return true; }
        if (window.confirm(form.dataset.unsavedWarning)) {
            dirty = false;
            return true;
        }
        return false;
    }

    // Leaving a step with unsaved changes asks first. A followed link may be patched in by
    // blazor.web.js without unloading the page, so links are asked about here, in the capture phase
    // before Blazor's own handler sees the click; closing the tab or typing an address still goes
    // through beforeunload, where the browser words the question.
    document.addEventListener("click", function (event) {
        if (!dirty || event.defaultPrevented || event.button !== 0 ||
            event.ctrlKey || event.shiftKey || event.altKey || event.metaKey) { return; }
        var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) { return; }
        if (samePage(link.href, location.href) && new URL(link.href, document.baseURI).hash) { return; }
        if (!confirmLeaving()) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // The browser's Back and Forward between patched pages fire popstate, not beforeunload. A
    // capturing listener at the window runs before Blazor's; refusing puts the address back.
    window.addEventListener("popstate", function (event) {
        if (samePage(location.href, shownUrl)) { return; }
        if (!confirmLeaving()) {
            event.stopImmediatePropagation();
            history.pushState(null, "", shownUrl);
        }
    }, true);

    window.addEventListener("beforeunload", function (event) {
        var form = document.querySelector(unsavedForm);
        if (!dirty || !form) { return; }
        event.preventDefault();
        event.returnValue = form.dataset.unsavedWarning;
        return form.dataset.unsavedWarning;
    });

    document.addEventListener("click", function (event) {
        var target = event.target instanceof Element ? event.target : null;
        var copy = target && target.closest("[data-copy]");
        if (copy) {
            var input = document.getElementById(copy.dataset.copy);
            if (input && navigator.clipboard) {
                navigator.clipboard.writeText(input.value).then(function () {
                    copy.textContent = copy.dataset.copied || "Copied";
                });
            }
        }
        if (target && target.closest("[data-print]")) { window.print(); }
    });

    setUp();
    placeFocus(false);

    // blazor.web.js is loaded after this script (App.razor), so Blazor exists once the document has
    // been parsed. Without it every page simply loads in full and the code above is all there is.
    function listenForPatches() {
        if (!window.Blazor || typeof window.Blazor.addEventListener !== "function") { return; }
        window.Blazor.addEventListener("enhancedload", function () {
            var arrived = !samePage(location.href, shownUrl);
            setUp();
            placeFocus(arrived);
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", listenForPatches);
    } else {
        listenForPatches();
    }
})();
