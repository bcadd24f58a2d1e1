/*
 * Accessibility glue for PrimeFaces pages (PrimeFaces itself ties each invalid field to its p:message with
 * aria-describedby and aria-invalid):
 * - a link of the error summary moves the focus to its field (the field itself, or the first focusable
 *   element inside it: the radio of a group, the file input of an upload);
 * - PrimeFaces 15 writes aria-checked on the role-less wrapper of each option of a p:selectOneRadio, which
 *   ARIA forbids (axe-core: aria-allowed-attr); the native radio inside already tells its state: removed at
 *   load and after every ajax update.
 */
(function () {
    'use strict';

    var FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select, textarea, button, [tabindex]:not([tabindex="-1"])';

    function focusable(id) {
        var target = document.getElementById(id);
        if (!target) {
            return null;
        }
        return target.matches(FOCUSABLE) ? target : target.querySelector(FOCUSABLE);
    }

    function fixRadios() {
        document.querySelectorAll('.ui-selectoneradio [aria-checked]:not([role])').forEach(function (wrapper) {
            wrapper.removeAttribute('aria-checked');
        });
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[data-segur-field]');
        if (!link) {
            return;
        }
        var field = focusable(link.getAttribute('data-segur-field'));
        if (field) {
            event.preventDefault();
            field.focus();
            field.scrollIntoView({block: 'center'});
        }
    });

    document.addEventListener('DOMContentLoaded', fixRadios);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', fixRadios);
    }
})();
