"""The message table of the Qt-free layers is complete and is the only route: every entry has
both languages with the same placeholders and formats, every key the code names exists and
every entry is used, and no error is made from inline text (found by reading the sources'
syntax trees, as ``tests/gui/test_translations.py`` does for ``tr()``)."""

from __future__ import annotations

import ast
import itertools
import pickle
import re
import string
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from meetingdesk.domain.errors import MeetingDeskError, NotFoundError, StorageError
from meetingdesk.domain.message_table import MESSAGES
from meetingdesk.domain.messages import (
    Message,
    current_language,
    message,
    placeholders,
    set_language,
)

PACKAGE = Path(__file__).resolve().parents[2] / "meetingdesk"
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
                        re.IGNORECASE)


def _error_classes() -> frozenset[str]:
    """The names of MeetingDeskError and every subclass defined anywhere in the package."""
    import meetingdesk.exchange.errors
    import meetingdesk.store.lock  # noqa: F401 - their classes register as subclasses

    found: set[str] = set()
    todo: list[type] = [MeetingDeskError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return frozenset(found)


def _sources(*, gui: bool) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if gui or "gui" not in path.relative_to(PACKAGE).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else None)


def _keys_of(node: ast.expr) -> list[str] | None:
    """The keys a message argument can be: a literal, or either side of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _keys_of(node.body), _keys_of(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _message_calls() -> Iterator[tuple[str, ast.Call]]:
    """Every call that names a message, with where it is: ``message(...)``, the errors'
    constructors, and ``super().__init__(...)`` in an error class."""
    errors = _error_classes()
    for path, tree in _sources(gui=True):
        inits = {id(node) for cls in ast.walk(tree)
                 if isinstance(cls, ast.ClassDef) and cls.name in errors
                 for node in ast.walk(cls)
                 if isinstance(node, ast.Call) and _name(node) == "__init__"}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and (
                    _name(node) == "message" or _name(node) in errors or id(node) in inits):
                yield f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", node


def _key_literals() -> set[str]:
    """Every string literal of the package (the table aside) that is a key of the table:
    named in a call, or kept in a table of keys for one."""
    found = set()
    for path, tree in _sources(gui=True):
        if path.name != "message_table.py":
            found |= {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                      and isinstance(node.value, str) and node.value in MESSAGES}
    return found


def _dummy(template: str) -> dict[str, object]:
    """A value for each placeholder that its format accepts: a date for ``%d/%m/%Y``, a
    number for ``,`` or ``.0f``, else text."""
    values: dict[str, object] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            values[name] = (datetime(2025, 9, 15, 14, 0) if spec and "%" in spec
                            else 1234.5 if spec else 1234)
    return values


def test_messages_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    assert MESSAGES
    for key, (vi, en) in MESSAGES.items():
        assert KEY.fullmatch(key), key
        assert vi.strip() and en.strip(), key
        assert placeholders(vi) == placeholders(en), key
        assert vi != en or not VIETNAMESE.search(vi), f"{key}: English is the Vietnamese"
        assert not VIETNAMESE.search(en.format(**_dummy(en))), key


@pytest.mark.parametrize("language", ["vi", "en"])
def test_messages_every_entry_formats_with_values(language: str) -> None:
    for key, pair in MESSAGES.items():
        values = _dummy(pair[0]) | _dummy(pair[1])
        text = message(key, **values).render(language)
        assert text and "{" not in text.replace("{{", ""), key


def test_messages_every_key_used_exists_with_its_values() -> None:
    unknown, mismatched = [], []
    for where, call in _message_calls():
        keys = _keys_of(call.args[0])
        if keys is None:
            continue  # a Message passed on, or the key chosen by a table of keys
        for key in keys:
            if key not in MESSAGES:
                unknown.append(f"{where}: {key}")
                continue
            if any(k.arg is None for k in call.keywords):
                continue  # **values: checked when formatted
            given = {k.arg for k in call.keywords} - {"cause"}
            others = set().union(*(placeholders(MESSAGES.get(k, ("", ""))[0]) for k in keys))
            if not placeholders(MESSAGES[key][0]) <= given <= others:
                mismatched.append(f"{where}: {key} {sorted(given)} vs "
                                  f"{sorted(placeholders(MESSAGES[key][0]))}")
    assert not unknown, f"keys not in the message table: {unknown}"
    assert not mismatched, f"values that are not the message's placeholders: {mismatched}"


def test_messages_every_entry_is_used() -> None:
    unused = sorted(set(MESSAGES) - _key_literals())
    assert not unused, f"message table entries no code uses: {unused}"


def test_messages_no_error_is_made_from_inline_text() -> None:
    """An error's first argument is a key of the table (or a Message passed on), never words:
    a new inline Vietnamese/English pair anywhere in the package, the GUI included, fails."""
    inline = []
    for where, call in _message_calls():
        first, keys = call.args[0], _keys_of(call.args[0])
        words = (isinstance(first, ast.JoinedStr | ast.BinOp)
                 or (keys is not None and not all(k in MESSAGES for k in keys))
                 or any(isinstance(a, ast.JoinedStr | ast.Constant) for a in call.args[1:]))
        if words:
            inline.append(f"{where}: {ast.unparse(call)[:80]}")
    assert not inline, f"messages written inline instead of in the table: {inline}"


def _vietnamese_english_pairs() -> list[str]:
    """Adjacent Vietnamese and English literals in a call or a tuple: the old inline pairs."""

    def text(node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if isinstance(node, ast.BinOp):  # "cập nhật " + fields
            return (text(node.left) or "") + (text(node.right) or "")
        return None

    found = []
    for path, tree in _sources(gui=False):
        if path.name == "message_table.py":
            continue
        for node in ast.walk(tree):
            items = (node.args if isinstance(node, ast.Call)
                     else node.elts if isinstance(node, ast.Tuple | ast.List) else [])
            keywords = [k.value for k in getattr(node, "keywords", [])]
            for seq in (items, keywords):
                for a, b in itertools.pairwise(seq):
                    vi, en = text(a), text(b)
                    if (vi and en and VIETNAMESE.search(vi) and not VIETNAMESE.search(en)
                            and re.search("[a-z]{3}", en) and (" " in en or en.islower())
                            and not re.search(r"[a-z]_[a-z]", en)):  # "quick_check: ok"
                        found.append(f"{path.relative_to(PACKAGE.parent)}:{a.lineno}")
    return found


def test_messages_no_inline_vietnamese_english_pair_is_left() -> None:
    pairs = _vietnamese_english_pairs()
    assert not pairs, f"inline Vietnamese/English pairs outside the message table: {pairs}"
    branches = [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                for path, tree in _sources(gui=False) if path.name != "messages.py"
                for node in ast.walk(tree)
                if isinstance(node, ast.Call) and _name(node) == "current_language"]
    assert not branches, f"words chosen by language outside the message table: {branches}"


def test_messages_no_words_travel_as_a_vietnamese_english_pair() -> None:
    """No function takes, and no record holds, words as a ``…_vi``/``…_en`` pair: they travel
    as one :class:`Message`."""
    pairs = []
    for path, tree in _sources(gui=False):
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = {a.arg for a in (*node.args.args, *node.args.kwonlyargs)}
            elif isinstance(node, ast.ClassDef):
                names = {s.target.id for s in node.body
                         if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
            else:
                continue
            pairs += [f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {name}"
                      for name in names if name.endswith("_vi")
                      and name.removesuffix("_vi") + "_en" in names]
    assert not pairs, f"words passed as a Vietnamese/English pair: {pairs}"


def test_messages_render_in_the_current_language_when_shown() -> None:
    error = NotFoundError("repository.not_found", what=message("tables.site"), record_id=7)
    assert current_language() == "vi"
    assert str(error) == "Không tìm thấy điểm cầu (mã 7); có thể đã bị xóa."
    set_language("en")
    try:
        assert str(error) == "The site (id 7) was not found; it may have been deleted."
        assert error.vi.startswith("Không tìm thấy điểm cầu")  # either language on demand
    finally:
        set_language("vi")


def test_messages_unknown_key_is_refused_where_it_is_made() -> None:
    with pytest.raises(KeyError, match="no message"):
        message("meetings.no_such_message")


def test_messages_error_survives_pickling_with_its_values() -> None:
    error = StorageError("failures.storage", path="/tmp/desk.db",
                         words=message("failures.disk_full"), cause="SQLITE_FULL")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is StorageError and copy.cause == "SQLITE_FULL"
    assert str(copy) == str(error) and isinstance(copy.message, Message)
