// Tree toggles: the first click loads the children through htmx, later clicks only hide or show them.
document.addEventListener('htmx:beforeRequest', function (event) {
    var button = event.detail.elt;
    if (!button.classList || !button.classList.contains('toggle')) {
        return;
    }
    var list = button.parentElement.querySelector(':scope > ul');
    if (list && list.childElementCount > 0) {
        event.preventDefault();
        list.hidden = !list.hidden;
        setOpen(button, !list.hidden);
    }
});
document.addEventListener('htmx:afterSwap', function (event) {
    var list = event.detail.target;
    var button = list && list.parentElement && list.parentElement.querySelector(':scope > .toggle');
    if (button && list.tagName === 'UL') {
        list.hidden = false;
        setOpen(button, true);
    }
});
function setOpen(button, open) {
    var icon = button.querySelector('i');
    if (icon) {
        icon.classList.toggle('bi-chevron-down', open);
        icon.classList.toggle('bi-chevron-right', !open);
    }
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
}
// Confirmation for destructive buttons without inline scripts (the CSP allows none).
document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
// Phone first: a table's cells name their column (data-label), so that below 576 px each row shows as a card
// with its actions (profkom.css, table-cards); and a chart's labels stay at least 11 px however narrow the
// chart is drawn, since an SVG scales its text with its width.
function profkomPhoneLayout(root) {
    root.querySelectorAll('main table.table').forEach(function (table) {
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.trim();
        });
        if (headers.length === 0 || table.classList.contains('report-lines')) {
            return;
        }
        table.classList.add('table-cards');
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, index) {
                if (!cell.hasAttribute('data-label') && headers[index] !== undefined) {
                    cell.setAttribute('data-label', headers[index]);
                }
            });
        });
    });
    root.querySelectorAll('svg[viewBox]').forEach(function (svg) {
        var box = svg.viewBox && svg.viewBox.baseVal;
        var width = svg.getBoundingClientRect().width;
        if (!box || !box.width || !width) {
            return;
        }
        var scale = width / box.width;
        svg.querySelectorAll('text').forEach(function (text) {
            if (!text.dataset.fontSize) {
                text.dataset.fontSize = parseFloat(window.getComputedStyle(text).fontSize) || 12;
            }
            var own = Number(text.dataset.fontSize);
            text.style.fontSize = (own * scale < 11 ? 11 / scale : own) + 'px';
        });
    });
}
document.addEventListener('DOMContentLoaded', function () { profkomPhoneLayout(document); });
window.addEventListener('resize', function () { profkomPhoneLayout(document); });
document.addEventListener('htmx:afterSwap', function (event) { profkomPhoneLayout(event.detail.target.ownerDocument || document); });
// Upload forms send their CSRF token as a header, never in their address: a file over the limit is not parsed at
// all (shared.web.OversizedUploads), so the body's hidden field would go unread and the refusal would be the CSRF
// check's. The answer replaces the page as a plain submission's would, redirects followed, flash messages kept.
document.addEventListener('submit', function (event) {
    var form = event.target;
    var header = form.getAttribute && form.getAttribute('data-csrf-header');
    if (event.defaultPrevented || !header || !window.fetch || !window.FormData) {
        return;
    }
    event.preventDefault();
    var headers = {};
    headers[header] = form.getAttribute('data-csrf-token');
    var buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach(function (button) { button.disabled = true; });
    fetch(form.action, {method: 'POST', body: new FormData(form), headers: headers, credentials: 'same-origin'})
        .then(function (response) {
            return response.text().then(function (html) {
                if (response.url && response.url !== window.location.href) {
                    window.history.pushState(null, '', response.url);
                }
                document.open();
                document.write(html);
                document.close();
            });
        })
        .catch(function () {
            buttons.forEach(function (button) { button.disabled = false; });
            form.submit();
        });
});
