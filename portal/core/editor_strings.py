"""The rich-text editor's words in the admin's language.

django-prose-editor ships German, French and Polish only: its dialogs ask `window.gettext`,
and its toolbar buttons carry fixed English titles. These are the strings of the version we
pin (0.28), translated through the portal's own catalogue; `js/admin-editors-desk.js`
answers the editor's gettext with them and rewrites the toolbar's titles. A string a newer
version adds stays English until it is listed here.
"""

from django.utils.translation import pgettext_lazy

EDITOR_STRINGS = {
    # The toolbar's button titles (also read aloud as their labels).
    "paragraph": pgettext_lazy("rich text editor", "paragraph"),
    "heading 2": pgettext_lazy("rich text editor", "heading 2"),
    "heading 3": pgettext_lazy("rich text editor", "heading 3"),
    "heading 4": pgettext_lazy("rich text editor", "heading 4"),
    "bold": pgettext_lazy("rich text editor", "bold"),
    "italic": pgettext_lazy("rich text editor", "italic"),
    "underline": pgettext_lazy("rich text editor", "underline"),
    "strike": pgettext_lazy("rich text editor", "strike"),
    "subscript": pgettext_lazy("rich text editor", "subscript"),
    "superscript": pgettext_lazy("rich text editor", "superscript"),
    "unordered list": pgettext_lazy("rich text editor", "unordered list"),
    "ordered list": pgettext_lazy("rich text editor", "ordered list"),
    "blockquote": pgettext_lazy("rich text editor", "blockquote"),
    "horizontal rule": pgettext_lazy("rich text editor", "horizontal rule"),
    "insert link": pgettext_lazy("rich text editor", "insert link"),
    "remove link": pgettext_lazy("rich text editor", "remove link"),
    "Insert table": pgettext_lazy("rich text editor", "Insert table"),
    "Add column": pgettext_lazy("rich text editor", "Add column"),
    "Delete column": pgettext_lazy("rich text editor", "Delete column"),
    "Add row": pgettext_lazy("rich text editor", "Add row"),
    "Delete row": pgettext_lazy("rich text editor", "Delete row"),
    "Toggle header cell": pgettext_lazy("rich text editor", "Toggle header cell"),
    "Delete table": pgettext_lazy("rich text editor", "Delete table"),
    "Merge cells": pgettext_lazy("rich text editor", "Merge cells"),
    "Split cell": pgettext_lazy("rich text editor", "Split cell"),
    "figure": pgettext_lazy("rich text editor", "figure"),
    "edit HTML": pgettext_lazy("rich text editor", "edit HTML"),
    "undo": pgettext_lazy("rich text editor", "undo"),
    "redo": pgettext_lazy("rich text editor", "redo"),
    "Block style": pgettext_lazy("rich text editor", "Block style"),
    "Styles": pgettext_lazy("rich text editor", "Styles"),
    # The portal's own buttons and their dialogs (static/js/admin-prose-pickers.js).
    "Image from the media library": pgettext_lazy(
        "rich text editor", "Image from the media library"
    ),
    "Link to a project, park or article": pgettext_lazy(
        "rich text editor", "Link to a project, park or article"
    ),
    "Search the library": pgettext_lazy("rich text editor", "Search the library"),
    "No image in the library matches. Upload it to the media library first.": pgettext_lazy(
        "rich text editor",
        "No image in the library matches. Upload it to the media library first.",
    ),
    "Search by name": pgettext_lazy("rich text editor", "Search by name"),
    "Nothing matches.": pgettext_lazy("rich text editor", "Nothing matches."),
    "not public yet": pgettext_lazy("rich text editor", "not public yet"),
    "Close": pgettext_lazy("rich text editor", "Close"),
    # The dialogs, through gettext.
    "Add caption": pgettext_lazy("rich text editor", "Add caption"),
    "Alternative Text": pgettext_lazy("rich text editor", "Alternative Text"),
    "Browse...": pgettext_lazy("rich text editor", "Browse..."),
    "Bullets": pgettext_lazy("rich text editor", "Bullets"),
    "Cancel": pgettext_lazy("rich text editor", "Cancel"),
    "Caption": pgettext_lazy("rich text editor", "Caption"),
    "Columns": pgettext_lazy("rich text editor", "Columns"),
    "Decimal numbers": pgettext_lazy("rich text editor", "Decimal numbers"),
    "Edit Figure": pgettext_lazy("rich text editor", "Edit Figure"),
    "Edit HTML": pgettext_lazy("rich text editor", "Edit HTML"),
    "Edit Image": pgettext_lazy("rich text editor", "Edit Image"),
    "Edit Link": pgettext_lazy("rich text editor", "Edit Link"),
    "Image URL": pgettext_lazy("rich text editor", "Image URL"),
    "Include header row": pgettext_lazy("rich text editor", "Include header row"),
    "Insert Figure": pgettext_lazy("rich text editor", "Insert Figure"),
    "Insert Table": pgettext_lazy("rich text editor", "Insert Table"),
    "Insert": pgettext_lazy("rich text editor", "Insert"),
    "List properties": pgettext_lazy("rich text editor", "List properties"),
    "List type": pgettext_lazy("rich text editor", "List type"),
    "Lowercase Roman numerals": pgettext_lazy("rich text editor", "Lowercase Roman numerals"),
    "Lowercase letters": pgettext_lazy("rich text editor", "Lowercase letters"),
    "Open in new window": pgettext_lazy("rich text editor", "Open in new window"),
    "Prettify": pgettext_lazy("rich text editor", "Prettify"),
    "Remove caption": pgettext_lazy("rich text editor", "Remove caption"),
    "Rows": pgettext_lazy("rich text editor", "Rows"),
    "Start at": pgettext_lazy("rich text editor", "Start at"),
    "Table Properties": pgettext_lazy("rich text editor", "Table Properties"),
    "Title": pgettext_lazy("rich text editor", "Title"),
    "Toggle fullscreen": pgettext_lazy("rich text editor", "Toggle fullscreen"),
    "URL": pgettext_lazy("rich text editor", "URL"),
    "Update": pgettext_lazy("rich text editor", "Update"),
    "Uppercase Roman numerals": pgettext_lazy("rich text editor", "Uppercase Roman numerals"),
    "Uppercase letters": pgettext_lazy("rich text editor", "Uppercase letters"),
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.": pgettext_lazy(
        "rich text editor",
        "The HTML contents of the editor. Note that the allowed HTML is restricted by the "
        "editor schema.",
    ),
}


def editor_strings():
    """The strings that differ from the English in the active language."""
    translated = {english: str(text) for english, text in EDITOR_STRINGS.items()}
    return {english: text for english, text in translated.items() if text != english}
