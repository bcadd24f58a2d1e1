/*
 * Accessibility glue for PrimeFaces pages, run at load and after every ajax update:
 * - each field message (p:message, which names its field in data-target) describes its field
 *   (aria-describedby), so a screen reader reads the error with the field;
 * - a link of the error summary moves the focus to its field (the field itself, or the first focusable
 *   element inside it: the radio of a group, the file input of an upload);
 * - PrimeFaces 15 writes aria-checked on the role-less wrapper of each option of a p:selectOneRadio, which
 *   ARIA forbids (axe-core: aria-allowed-attr); the native radio inside already tells its state: removed.
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

    function linkMessages() {
        document.querySelectorAll('.ui-message[data-target]').forEach(function (message) {
            var target = document.getElementById(message.getAttribute('data-target'));
            if (!target || !message.id) {
                return;
            }
            var fields = target.matches('input, select, textarea') ? [target] : target.querySelectorAll('input:not([type=hidden]), select, textarea');
            var hasText = message.textContent.trim().length > 0;
            fields.forEach(function (field) {
                var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) {
                    return x && x !== message.id;
                });
                if (hasText) {
                    ids.push(message.id);
                    field.setAttribute('aria-invalid', 'true');
                } else if (field.getAttribute('aria-invalid') === 'true' && !field.classList.contains('ui-state-error')) {
                    field.removeAttribute('aria-invalid');
                }
                if (ids.length) {
                    field.setAttribute('aria-describedby', ids.join(' '));
                } else {
                    field.removeAttribute('aria-describedby');
                }
            });
        });
    }

    function fixRadios() {
        document.querySelectorAll('.ui-selectoneradio [aria-checked]:not([role])').forEach(function (wrapper) {
            wrapper.removeAttribute('aria-checked');
        });
    }

    function update() {
        linkMessages();
        fixRadios();
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

    document.addEventListener('DOMContentLoaded', update);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', update);
    }
})();
