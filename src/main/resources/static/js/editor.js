// The publication editor's toolbar: wraps the selected text of the textarea in a few safe tags.
// The server sanitizes whatever arrives, so this is a convenience, not a safeguard.
document.querySelectorAll('.editor-toolbar').forEach(function (toolbar) {
    var area = document.getElementById(toolbar.getAttribute('data-editor-for'));
    if (!area) {
        return;
    }
    toolbar.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-wrap]');
        if (!button) {
            return;
        }
        var tag = button.getAttribute('data-wrap');
        var start = area.selectionStart, end = area.selectionEnd;
        var selected = area.value.substring(start, end);
        var before, after;
        if (tag === 'a') {
            var href = window.prompt(button.getAttribute('data-prompt') || 'https://', 'https://');
            if (!href) {
                return;
            }
            before = '<a href="' + href.replace(/"/g, '&quot;') + '">';
            after = '</a>';
        } else if (tag === 'ul') {
            var items = (selected || '').split(/\n/).map(function (line) { return '<li>' + line + '</li>'; });
            selected = items.join('\n');
            before = '<ul>\n';
            after = '\n</ul>';
        } else {
            before = '<' + tag + '>';
            after = '</' + tag + '>';
        }
        area.setRangeText(before + selected + after, start, end, 'end');
        area.focus();
    });
});
