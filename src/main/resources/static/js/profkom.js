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
