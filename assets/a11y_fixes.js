/* Accessible names and roles for Dash 4's own controls (WCAG 2.2: 1.3.1, 4.1.2).
 *
 * Dash 4.4 renders
 *  - dcc.Dropdown as a focusable <input aria-hidden="true"> in front of a button whose name is
 *    only its current value: screen readers hear nothing, and the <label for> points at the button;
 *  - dcc.RadioItems / dcc.Checklist as role="listbox" with role="option" labels that wrap real
 *    radio/checkbox inputs (interactive controls nested in options, and an unnamed listbox).
 * This file repairs the DOM after each render: the dropdown focus target becomes a named
 * combobox, and option lists become named radio groups / groups of native inputs. Runs from
 * assets/ (CSP-safe: no inline code, no eval).
 */
(function () {
    "use strict";

    function labelIdFor(id) {
        var label = document.querySelector("label[for='" + id + "']");
        if (!label) { return null; }
        if (!label.id) { label.id = id + "-label"; }
        return label.id;
    }

    function groupName(list) {
        // A labelling <label for>, else the enclosing fieldset's legend, else a named ancestor.
        var own = list.id && labelIdFor(list.id);
        if (own) { return {labelledby: own}; }
        var fieldset = list.closest("fieldset");
        var legend = fieldset && fieldset.querySelector("legend");
        if (legend) {
            if (!legend.id) { legend.id = (list.id || "group") + "-legend"; }
            return {labelledby: legend.id};
        }
        var named = list.closest("[aria-label]");
        return named ? {label: named.getAttribute("aria-label")} : null;
    }

    function fixOptionLists(root) {
        root.querySelectorAll(".dash-options-list[role='listbox']").forEach(function (list) {
            var radios = list.classList.contains("dash-radioitems");
            list.setAttribute("role", radios ? "radiogroup" : "group");
            var name = groupName(list);
            if (name && name.labelledby) { list.setAttribute("aria-labelledby", name.labelledby); }
            if (name && name.label) { list.setAttribute("aria-label", name.label); }
        });
        root.querySelectorAll(".dash-options-list-option[role='option'], .dash-options-list-option[aria-selected]")
            .forEach(function (option) {
                option.removeAttribute("role");
                option.removeAttribute("aria-selected");
            });
        root.querySelectorAll(".dash-options-list-option-checkbox[readonly]").forEach(function (input) {
            input.removeAttribute("readonly");  // readonly is invalid on radios and checkboxes
        });
    }

    function fixDropdowns(root) {
        root.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
            var target = wrapper.querySelector(".dash-dropdown-focus-target");
            var button = wrapper.querySelector("button.dash-dropdown");
            if (!target || !button || !button.id) { return; }
            var label = labelIdFor(button.id);
            // Visible order: the chosen values, then "3 selected". WCAG 2.5.3 (label in name):
            // the accessible name must contain the visible text, so name them in that order.
            var parts = [label, button.id + "-value", button.id + "-value-count"].filter(function (id) {
                return id && document.getElementById(id);
            });
            target.removeAttribute("aria-hidden");
            target.setAttribute("role", "combobox");
            target.setAttribute("aria-haspopup", "listbox");
            target.setAttribute("aria-expanded", button.getAttribute("aria-expanded") || "false");
            if (parts.length) { target.setAttribute("aria-labelledby", parts.join(" ")); }
            // The focusable combobox above is the control assistive technology uses; the button is
            // its mouse face (tabindex -1). Left in the tree, its name (the chosen values run
            // together, "GhanaMexico") never matched its visible text ("Ghana Mexico"), which
            // WCAG 2.5.3 (label in name) flags; hidden, the control is announced once, by the combobox.
            button.setAttribute("aria-hidden", "true");
            button.removeAttribute("aria-labelledby");
        });
    }

    var pending = null;
    function fixAll() {
        pending = null;
        fixOptionLists(document);
        fixDropdowns(document);
    }

    function schedule() {
        if (!pending) { pending = window.setTimeout(fixAll, 30); }
    }

    document.documentElement.setAttribute("lang", document.documentElement.getAttribute("lang") || "en");
    new MutationObserver(schedule).observe(document.documentElement, {
        childList: true, subtree: true, attributes: true,
        attributeFilter: ["role", "aria-selected", "aria-hidden", "aria-expanded", "readonly"]
    });
    schedule();
}());
