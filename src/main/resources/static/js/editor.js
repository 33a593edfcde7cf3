// The rich-text editor of publications and packages: an editable surface that shows bold as bold, with a
// toolbar of a few formats; the form still posts the HTML in the textarea it replaces. The server cleans
// whatever arrives (SafeHtml), so the cleaning here only keeps the surface from showing what will be dropped.
(function () {
    var ALLOWED = {P: 1, BR: 1, B: 1, STRONG: 1, I: 1, EM: 1, U: 1, S: 1, H2: 1, H3: 1, H4: 1,
        UL: 1, OL: 1, LI: 1, BLOCKQUOTE: 1, A: 1};

    // Copies only allowed elements, without attributes but a link's address; the rest keeps its text.
    function clean(source, target) {
        source.childNodes.forEach(function (node) {
            if (node.nodeType === Node.TEXT_NODE) {
                target.appendChild(document.createTextNode(node.textContent));
            } else if (node.nodeType === Node.ELEMENT_NODE) {
                if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE') {
                    return;
                }
                if (ALLOWED[node.tagName]) {
                    var copy = document.createElement(node.tagName);
                    var href = node.tagName === 'A' ? node.getAttribute('href') : null;
                    if (href && /^(https?:|mailto:)/i.test(href)) {
                        copy.setAttribute('href', href);
                    }
                    clean(node, copy);
                    target.appendChild(copy);
                } else {
                    clean(node, target);
                }
            }
        });
    }

    function load(surface, html) {
        var template = document.createElement('template');
        if (html && !/<[a-z][\s\S]*>/i.test(html)) {
            // Plain text (from before the editor, or typed without it): its blank lines become paragraphs.
            html = html.split(/\n\s*\n/).map(function (paragraph) {
                var p = document.createElement('p');
                p.textContent = paragraph.trim();
                return p.outerHTML;
            }).join('');
        }
        template.innerHTML = html || '';
        surface.replaceChildren();
        clean(template.content, surface);
    }

    document.querySelectorAll('.editor-toolbar').forEach(function (toolbar) {
        var area = document.getElementById(toolbar.getAttribute('data-editor-for'));
        if (!area) {
            return;
        }
        var surface = document.createElement('div');
        surface.id = area.id + '-editor';
        surface.className = 'form-control editor-surface';
        surface.contentEditable = 'true';
        surface.setAttribute('role', 'textbox');
        surface.setAttribute('aria-multiline', 'true');
        if (area.getAttribute('aria-label')) {
            surface.setAttribute('aria-label', area.getAttribute('aria-label'));
        }
        var label = document.querySelector('label[for="' + area.id + '"]');
        if (label) {
            label.setAttribute('for', surface.id);
            surface.setAttribute('aria-labelledby', label.id || (label.id = area.id + '-label'));
        }
        if (area.classList.contains('is-invalid')) {
            surface.classList.add('is-invalid');
        }
        surface.style.minHeight = (area.rows || 8) * 1.5 + 'em';
        surface.style.overflowY = 'auto';
        load(surface, area.value);
        area.hidden = true;
        area.parentNode.insertBefore(surface, area.nextSibling);

        function sync() {
            area.value = surface.innerHTML;
        }

        surface.addEventListener('focus', function () {
            document.execCommand('defaultParagraphSeparator', false, 'p');
        });
        surface.addEventListener('input', sync);
        surface.addEventListener('paste', function (event) {
            // Pasted pages bring their own styles and markup; the text is what the editor keeps.
            event.preventDefault();
            var text = (event.clipboardData || window.clipboardData).getData('text/plain');
            document.execCommand('insertText', false, text);
        });
        if (area.form) {
            area.form.addEventListener('submit', sync);
        }

        toolbar.addEventListener('mousedown', function (event) {
            // Keeps the selection in the surface when a button is pressed.
            if (event.target.closest('button[data-wrap]')) {
                event.preventDefault();
            }
        });
        toolbar.addEventListener('click', function (event) {
            var button = event.target.closest('button[data-wrap]');
            if (!button) {
                return;
            }
            surface.focus();
            var tag = button.getAttribute('data-wrap');
            if (tag === 'b') {
                document.execCommand('bold');
            } else if (tag === 'i') {
                document.execCommand('italic');
            } else if (tag === 'ul') {
                document.execCommand('insertUnorderedList');
            } else if (tag === 'a') {
                var href = window.prompt(button.getAttribute('data-prompt') || 'https://', 'https://');
                if (!href || !/^(https?:|mailto:)/i.test(href)) {
                    return;
                }
                document.execCommand('createLink', false, href);
            } else {
                document.execCommand('formatBlock', false, '<' + tag + '>');
            }
            sync();
        });
    });
})();
