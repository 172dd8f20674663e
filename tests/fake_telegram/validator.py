"""Checks one Bot API call against the 10.1 spec plus the limits Telegram enforces but the spec only describes.

Everything here is pure (no I/O, no server state) so it can be unit-tested directly:

* :func:`decode_params` turns raw form fields (everything is a string there) into typed values using the spec.
* :func:`check_call` / :func:`validate_call` validate a decoded call; :func:`validate_object` validates any
  object (the fake uses it in its own tests to prove that the results it returns are valid Telegram objects).
* :func:`parse_html`, :func:`parse_markdown_v2`, :func:`parse_markdown` mimic Telegram's entity parsers
  (error texts follow tdlib, offsets are UTF-8 byte offsets as in Telegram's "at byte offset N").
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from .spec import PRIMITIVE_TYPES, FieldSpec, Spec, TypeSpec, load_spec

# --------------------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: what Telegram counts for limits and entity offsets (an emoji counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(text: str, index: int) -> int:
    # Telegram reports parse errors as UTF-8 byte offsets, not character indexes.
    return len(text[:index].encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request (what Telegram calls an InputFile)."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Violation:
    """One problem with a call: ``problem`` is for the test author, ``description`` is what Telegram would say."""

    problem: str
    description: str

    def __str__(self) -> str:
        return self.problem


@dataclass
class ParsedText:
    """Result of entity parsing: the plain text, the entities (UTF-16 offsets) and the parse error, if any."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


# --------------------------------------------------------------------------------------------------------------
# HTML parse mode
# --------------------------------------------------------------------------------------------------------------

# Tag -> entity type. Only these are documented; anything else is "Unsupported start tag" in Telegram.
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass
class _OpenTag:
    tag: str
    start16: int
    attrs: dict[str, str]
    language: str | None = None


def _decode_html_entity(text: str, i: int) -> tuple[str, int, str | None]:
    """Decode the entity at ``text[i] == '&'``: (decoded text, index after it, problem or None)."""
    match = _ENTITY_RE.match(text, i)
    if match is None:
        return "", i, 'Unescaped "&" (write &amp;)'
    name = match.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "", i, f'Invalid numeric HTML entity "&{name};"'
        return chr(code), match.end(), None
    if name in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[name], match.end(), None
    return "", i, f'Unsupported HTML entity "&{name};" (only &lt; &gt; &amp; &quot; and numeric entities work)'


def _decode_attribute_value(raw: str) -> tuple[str, str | None]:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            decoded, end, problem = _decode_html_entity(raw, i)
            if problem:
                return "", problem
            out.append(decoded)
            i = end
        else:
            out.append(raw[i])
            i += 1
    return "".join(out), None


def _parse_attributes(text: str, j: int, tag: str) -> tuple[dict[str, str], int, str | None]:
    """Parse attributes from ``j`` up to and including ``>``; returns (attrs, index after '>', problem)."""
    n = len(text)
    attrs: dict[str, str] = {}
    while True:
        while j < n and text[j].isspace():
            j += 1
        if j >= n:
            return attrs, j, "Unclosed start tag"
        if text[j] == ">":
            return attrs, j + 1, None
        start = j
        while j < n and not text[j].isspace() and text[j] not in "=>":
            j += 1
        name = text[start:j].lower()
        if not name or not re.fullmatch(r"[a-z0-9_-]+", name):
            return attrs, j, f'Empty attribute name in the tag "{tag}"'
        while j < n and text[j].isspace():
            j += 1
        if j >= n:
            return attrs, j, "Unclosed start tag"
        if text[j] != "=":
            attrs[name] = ""  # e.g. <blockquote expandable>
            continue
        j += 1
        while j < n and text[j].isspace():
            j += 1
        if j >= n:
            return attrs, j, "Unclosed start tag"
        if text[j] in "'\"":
            end = text.find(text[j], j + 1)
            if end < 0:
                return attrs, j, "Unclosed start tag"
            raw, j = text[j + 1 : end], end + 1
        else:
            start = j
            while j < n and (text[j].isalnum() or text[j] in ".-_"):
                j += 1
            raw = text[start:j]
            # tdlib allows only [A-Za-z0-9.-] unquoted, so href=https://... must be quoted.
            if not raw or (j < n and not text[j].isspace() and text[j] != ">"):
                return attrs, j, "Unexpected end of name token"
        value, problem = _decode_attribute_value(raw)
        if problem:
            return attrs, j, problem
        attrs[name] = value


def _close_entity(opened: _OpenTag, end16: int, stack: list[_OpenTag], entities: list[dict[str, Any]]) -> None:
    entity_type = _HTML_TAGS[opened.tag]
    if opened.tag == "code" and stack and stack[-1].tag == "pre":
        # <pre><code class="language-x"> is one pre entity with a language, not two entities.
        language = opened.attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1].language = language.removeprefix("language-")
        return
    length = end16 - opened.start16
    if length <= 0:
        return  # Telegram drops empty entities
    entity: dict[str, Any] = {"type": entity_type, "offset": opened.start16, "length": length}
    if opened.tag == "a":
        href = opened.attrs.get("href", "")
        if not href:
            return
        entity["url"] = href
    elif opened.tag == "tg-emoji":
        entity["custom_emoji_id"] = opened.attrs.get("emoji-id", "")
    elif opened.tag == "pre" and opened.language:
        entity["language"] = opened.language
    elif opened.tag == "blockquote" and "expandable" in opened.attrs:
        entity["type"] = "expandable_blockquote"
    entities.append(entity)


def parse_html(text: str) -> ParsedText:
    """Parse Telegram HTML like tdlib does; stricter in one point: a bare ``>`` is an error (the docs demand
    escaping it, Telegram itself tolerates it)."""
    out: list[str] = []
    out16 = 0
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    i, n = 0, len(text)

    def fail(problem: str, at: int | None) -> ParsedText:
        where = f" at byte offset {_byte_offset(text, at)}" if at is not None else ""
        return ParsedText("".join(out), [], problem + where)

    while i < n:
        c = text[i]
        if c == "&":
            decoded, end, problem = _decode_html_entity(text, i)
            if problem:
                return fail(problem, i)
            out.append(decoded)
            out16 += utf16_len(decoded)
            i = end
            continue
        if c == ">":
            return fail('Unescaped ">" (write &gt;)', i)
        if c != "<":
            out.append(c)
            out16 += 2 if ord(c) > 0xFFFF else 1
            i += 1
            continue
        begin = i
        if text.startswith("</", i):
            end = text.find(">", i)
            if end < 0:
                return fail("Unclosed end tag", begin)
            name = text[i + 2 : end].strip().lower()
            if not stack:
                return fail("Unexpected end tag", begin)
            if name != stack[-1].tag:
                return fail(
                    f'Unmatched end tag at byte offset {_byte_offset(text, begin)}, expected "</{stack[-1].tag}>",'
                    f' found "</{name}>"',
                    None,
                )
            opened = stack.pop()
            _close_entity(opened, out16, stack, entities)
            i = end + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            return fail("Unclosed start tag", begin)
        tag = text[i + 1 : j].lower()
        if tag not in _HTML_TAGS:
            return fail(f'Unsupported start tag "{tag}"', begin)
        attrs, i, problem = _parse_attributes(text, j, tag)
        if problem:
            return fail(problem, begin)
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            return fail('Tag "span" must have class "tg-spoiler"', begin)
        if tag == "tg-emoji" and not attrs.get("emoji-id"):
            return fail('Tag "tg-emoji" must have attribute "emoji-id"', begin)
        stack.append(_OpenTag(tag, out16, attrs))
    if stack:
        return ParsedText("".join(out), [], f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), entities)


# --------------------------------------------------------------------------------------------------------------
# MarkdownV2 and legacy Markdown parse modes
# --------------------------------------------------------------------------------------------------------------

_MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


@dataclass
class _OpenMd:
    kind: str
    start16: int
    at: int
    language: str | None = None


def parse_markdown_v2(text: str) -> ParsedText:
    """Parse MarkdownV2: entities, escapes and the reserved-character rule
    (``Character '.' is reserved and must be escaped with the preceding '\\'``)."""
    out: list[str] = []
    out16 = 0
    stack: list[_OpenMd] = []
    entities: list[dict[str, Any]] = []
    quote: _OpenMd | None = None
    i, n = 0, len(text)

    def emit(s: str) -> None:
        nonlocal out16
        out.append(s)
        out16 += utf16_len(s)

    def fail(problem: str) -> ParsedText:
        return ParsedText("".join(out), [], problem)

    def close(opened: _OpenMd, extra: dict[str, Any] | None = None) -> None:
        length = out16 - opened.start16
        if length > 0:
            entity: dict[str, Any] = {"type": opened.kind, "offset": opened.start16, "length": length}
            if opened.language:
                entity["language"] = opened.language
            entity.update(extra or {})
            entities.append(entity)

    def toggle(kind: str, at: int) -> str | None:
        if any(o.kind == kind for o in stack):
            if stack[-1].kind != kind:
                top = stack[-1]
                return f"Can't find end of {_MDV2_NAMES[top.kind]} entity at byte offset {_byte_offset(text, top.at)}"
            close(stack.pop())
        else:
            stack.append(_OpenMd(kind, out16, at))
        return None

    while i < n:
        c = text[i]
        top = stack[-1].kind if stack else None
        if top in ("code", "pre"):
            if c == "\\" and i + 1 < n and text[i + 1] in "`\\":
                emit(text[i + 1])
                i += 2
            elif top == "pre" and text.startswith("```", i):
                close(stack.pop())
                i += 3
            elif top == "code" and c == "`":
                close(stack.pop())
                i += 1
            else:
                emit(c)
                i += 1
            continue
        at_line_start = i == 0 or text[i - 1] == "\n"
        if at_line_start and (c == ">" or text.startswith("**>", i)):
            if quote is None:
                expandable = c == "*"
                quote = _OpenMd("expandable_blockquote" if expandable else "blockquote", out16, i)
            i += 3 if c == "*" else 1
            continue
        if c == "\n" and quote is not None and not (text.startswith(">", i + 1)):
            close(quote)
            quote = None
        if c == "\\":
            if i + 1 < n and 0 < ord(text[i + 1]) <= 126:
                emit(text[i + 1])
                i += 2
                continue
            return fail("Character '\\' is reserved and must be escaped with the preceding '\\'")
        if c == "|" and text.startswith("||", i):
            # "||" right before a line end inside an expandable quote only terminates the quote.
            if quote is not None and quote.kind == "expandable_blockquote" and text[i + 2 : i + 3] in ("", "\n"):
                i += 2
                continue
            problem = toggle("spoiler", i)
            i += 2
        elif c == "_" and text.startswith("__", i):
            problem = toggle("underline", i)
            i += 2
        elif c in "*_~":
            problem = toggle({"*": "bold", "_": "italic", "~": "strikethrough"}[c], i)
            i += 1
        elif c == "`":
            if text.startswith("```", i):
                # ```lang\n...```: the first line names the language and is not part of the text.
                newline = text.find("\n", i + 3)
                first_line = text[i + 3 : newline] if newline >= 0 else " "
                if " " in first_line or "`" in first_line:
                    stack.append(_OpenMd("pre", out16, i))
                    i += 3
                else:
                    stack.append(_OpenMd("pre", out16, i, first_line or None))
                    i = newline + 1
            else:
                stack.append(_OpenMd("code", out16, i))
                i += 1
            problem = None
        elif c == "[" or (c == "!" and text.startswith("![", i)):
            stack.append(_OpenMd("text_link" if c == "[" else "custom_emoji", out16, i))
            i += 1 if c == "[" else 2
            problem = None
        elif c == "]" and stack and stack[-1].kind in ("text_link", "custom_emoji"):
            if not text.startswith("(", i + 1):
                return fail("Character ']' is reserved and must be escaped with the preceding '\\'")
            j = i + 2
            url: list[str] = []
            while j < n and text[j] != ")":
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                url.append(text[j])
                j += 1
            if j >= n:
                return fail(f"Can't find end of a url at byte offset {_byte_offset(text, i + 1)}")
            opened = stack.pop()
            target = "".join(url)
            if opened.kind == "custom_emoji":
                emoji_id = target.removeprefix("tg://emoji?id=")
                close(opened, {"custom_emoji_id": emoji_id})
            else:
                close(opened, {"url": target})
            i = j + 1
            problem = None
        elif c in _MDV2_RESERVED:
            return fail(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")
        else:
            emit(c)
            i += 1
            problem = None
        if problem:
            return fail(problem)
    if quote is not None:
        close(quote)
    if stack:
        top_open = stack[-1]
        name = _MDV2_NAMES[top_open.kind]
        return fail(f"Can't find end of {name} entity at byte offset {_byte_offset(text, top_open.at)}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText("".join(out), entities)


def parse_markdown(text: str) -> ParsedText:
    """Parse legacy Markdown (``*bold* _italic_ `code` ```pre``` [text](url)``)."""
    out: list[str] = []
    out16 = 0
    entities: list[dict[str, Any]] = []
    i, n = 0, len(text)
    markers = {"*": "bold", "_": "italic", "`": "code"}
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            out.append(text[i + 1])
            out16 += 1
            i += 2
            continue
        if c in markers or c == "[":
            closer = "]" if c == "[" else ("```" if text.startswith("```", i) else c)
            start = i + len(closer) if closer == "```" else i + 1
            end = text.find(closer, start)
            if end < 0:
                return ParsedText(
                    "".join(out),
                    [],
                    f"Can't find end of the entity starting at byte offset {_byte_offset(text, i)}",
                )
            inner = text[start:end]
            kind = "pre" if closer == "```" else ("text_link" if c == "[" else markers[c])
            after = end + len(closer)
            extra: dict[str, Any] = {}
            if c == "[":
                if not text.startswith("(", after) or text.find(")", after) < 0:
                    return ParsedText(
                        "".join(out),
                        [],
                        f"Can't find end of the entity starting at byte offset {_byte_offset(text, i)}",
                    )
                close_paren = text.find(")", after)
                extra["url"] = text[after + 1 : close_paren]
                after = close_paren + 1
            length = utf16_len(inner)
            if length:
                entities.append({"type": kind, "offset": out16, "length": length, **extra})
            out.append(inner)
            out16 += length
            i = after
            continue
        out.append(c)
        out16 += 2 if ord(c) > 0xFFFF else 1
        i += 1
    return ParsedText("".join(out), entities)


def parse_entities(text: str, parse_mode: str | None) -> ParsedText:
    """Parse ``text`` in ``parse_mode`` (case-insensitive like Telegram; empty/None means plain text)."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    return ParsedText(text)


# --------------------------------------------------------------------------------------------------------------
# Decoding raw request parameters
# --------------------------------------------------------------------------------------------------------------

_INT_RE = re.compile(r"-?\d+")


def _decode_value(value: Any, types: tuple[str, ...] | None) -> Any:
    if not isinstance(value, str):
        return value
    if types is None:
        # Unknown field: keep it readable in the recorded call, decode only what is obviously JSON.
        if value[:1] in "[{":
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value
    if value.startswith("attach://") and "InputFile" in types:
        return value
    if "Integer" in types and _INT_RE.fullmatch(value):
        return int(value)
    if "String" in types:
        return value
    if "Float" in types:
        try:
            return float(value)
        except ValueError:
            return value
    if "Boolean" in types:
        lowered = value.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        return value
    if any(t not in PRIMITIVE_TYPES and t != "InputFile" for t in types):
        try:
            return json.loads(value)
        except ValueError:
            return value  # left as a string: the type check then reports "invalid JSON"
    return value


def decode_params(method: str, raw: Mapping[str, Any], spec: Spec | None = None) -> dict[str, Any]:
    """Turn raw request fields into typed values: in form bodies numbers and booleans arrive as strings and
    objects as JSON strings; which one a field is comes from the spec."""
    spec = spec or load_spec()
    method_spec = spec.method(method)
    fields = method_spec.fields if method_spec else {}
    return {key: _decode_value(value, fields[key].types if key in fields else None) for key, value in raw.items()}


# --------------------------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------------------------

_LIMIT_RE = re.compile(r"(\d+)-(\d+) (characters|bytes)", re.IGNORECASE)
_ARRAY_LIMIT_RE = re.compile(r"(\d+)-(\d+) [A-Za-z]")
_AT_MOST_RE = re.compile(r"At most (\d+) \w+ can be specified")
_PARSE_MODES = {"html", "markdownv2", "markdown"}
_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_BUTTON_ACTION_EXEMPT = {"text", "icon_custom_emoji_id", "style"}
# (per row, total). Inline limits are the ones in the brief/README; reply keyboards allow more in Telegram.
_KEYBOARD_LIMITS = {
    "InlineKeyboardMarkup": ("inline_keyboard", 8, 100),
    "ReplyKeyboardMarkup": ("keyboard", 12, 300),
}
_TEXT_FIELDS = {"text", "caption", "message_text"}
# Fields newer than the 10.1 spec that aiogram 3.31 (Bot API 10.3) *requires* in responses: a response object
# may carry them (requests never may), otherwise aiogram could not parse what the fake answers.
_NEWER_RESPONSE_FIELDS = {
    "ChatAdministratorRights": frozenset({"can_send_welcome_messages"}),
    "ChatMemberAdministrator": frozenset({"can_send_welcome_messages"}),
}


def _kind(value: Any) -> str:
    if isinstance(value, UploadedFile):
        return f"an uploaded file {value.filename!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"string {shown!r}"
    if isinstance(value, bool):
        return f"boolean {value}"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Checker:
    """Walks a value against spec types; ``strict_input`` adds the semantic limits that apply to requests."""

    def __init__(self, spec: Spec, container: str, attachments: Collection[str], strict_input: bool) -> None:
        self.spec = spec
        self.container = container
        self.attachments = attachments
        self.strict_input = strict_input
        self.violations: list[Violation] = []

    def add(self, path: str, problem: str, description: str | None = None) -> None:
        where = f"{path}: " if path else ""
        self.violations.append(Violation(where + problem, description or f"Bad Request: {where}{problem}"))

    # -- structural checks ---------------------------------------------------------------------------------

    def check_fields(self, obj: Mapping[str, Any], fields: dict[str, FieldSpec], owner: str, path: str) -> None:
        prefix = f"{path}." if path else ""
        for f in fields.values():
            if f.required and obj.get(f.name) is None:
                description = f"Bad Request: {f.name} is empty"
                if f.name == "text" and owner in ("sendMessage", "editMessageText"):
                    description = "Bad Request: message text is empty"
                self.add(prefix + f.name, "required field is missing", description)
        tolerated = frozenset() if self.strict_input else _NEWER_RESPONSE_FIELDS.get(owner, frozenset())
        for key, value in obj.items():
            if key not in fields and key not in tolerated:
                self.add(
                    prefix + key,
                    f"unknown field (not a parameter of {owner} in {self.spec.version})",
                    f'Bad Request: unknown parameter "{key}"',
                )
                continue
            if value is None or key not in fields:
                continue
            self.check_value(value, fields[key].types, prefix + key)
        if self.strict_input:
            self.check_semantics(obj, fields, owner, path)

    def check_value(self, value: Any, types: tuple[str, ...], path: str) -> None:
        if len(types) == 1:
            self.check_single(value, types[0], path)
            return
        attempts: list[tuple[str, list[Violation]]] = []
        for type_expr in types:
            sub = _Checker(self.spec, self.container, self.attachments, self.strict_input)
            sub.check_single(value, type_expr, path)
            if not sub.violations:
                return
            attempts.append((type_expr, sub.violations))
        # Report the alternative the value was most probably meant to be: same JSON shape, most known keys.
        shaped = [(t, v) for t, v in attempts if self._shape_matches(value, t)]
        if shaped:
            best = max(shaped, key=lambda tv: (self._key_overlap(value, tv[0]), -len(tv[1])))
            self.violations.extend(best[1])
            return
        self.add(path, f"expected {' or '.join(types)}, got {_kind(value)}")

    def _shape_matches(self, value: Any, type_expr: str) -> bool:
        if type_expr.startswith("Array of "):
            return isinstance(value, list)
        if type_expr in PRIMITIVE_TYPES or type_expr == "InputFile":
            return not isinstance(value, (dict, list))
        return isinstance(value, dict)

    def _key_overlap(self, value: Any, type_expr: str) -> int:
        type_spec = self.spec.types.get(type_expr)
        if not isinstance(value, dict) or type_spec is None:
            return 0
        return len(set(value) & set(type_spec.fields))

    def check_single(self, value: Any, type_expr: str, path: str) -> None:
        if type_expr.startswith("Array of "):
            if not isinstance(value, list):
                hint = " (invalid JSON)" if isinstance(value, str) else ""
                self.add(path, f"expected {type_expr}, got {_kind(value)}{hint}")
                return
            inner = type_expr.removeprefix("Array of ")
            for index, item in enumerate(value):
                self.check_single(item, inner, f"{path}[{index}]")
            return
        if type_expr == "Integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif type_expr == "Float":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif type_expr == "Boolean":
            ok = isinstance(value, bool)
        elif type_expr == "String":
            ok = isinstance(value, str)
        elif type_expr == "InputFile":
            ok = isinstance(value, UploadedFile) or (
                isinstance(value, str)
                and value.startswith("attach://")
                and value.removeprefix("attach://") in self.attachments
            )
        else:
            type_spec = self.spec.types.get(type_expr)
            if type_spec is None:
                self.add(path, f"type {type_expr} is not in the spec")
                return
            if type_spec.name == "KeyboardButton" and isinstance(value, str):
                return  # documented shortcut: a plain string is a text button
            if type_spec.subtypes:
                # Some unions (RichText) include "String" or arrays, so the shape check happens per subtype.
                self.check_union_type(value, type_spec, path)
                return
            if not isinstance(value, dict):
                hint = " (invalid JSON)" if isinstance(value, str) else ""
                self.add(path, f"expected {type_expr} object, got {_kind(value)}{hint}")
                return
            self.check_fields(value, type_spec.fields, type_spec.name, path)
            return
        if not ok:
            self.add(path, f"expected {type_expr}, got {_kind(value)}")

    def check_union_type(self, value: Any, type_spec: TypeSpec, path: str) -> None:
        subs = [self.spec.types[s] for s in type_spec.subtypes if s in self.spec.types]
        discriminated: dict[tuple[str, str], list[str]] = {}
        for sub in subs:
            if sub.discriminator is not None:
                discriminated.setdefault(sub.discriminator, []).append(sub.name)
        if isinstance(value, dict) and discriminated:
            # Dispatch on the discriminator ("type", "status", "source") instead of trying every subtype:
            # recursive unions such as RichText would otherwise take exponential time. Several subtypes can
            # share a value (InlineQueryResultAudio and ...CachedAudio are both "audio"): try those few.
            key = next(iter(discriminated))[0]
            tag = value.get(key)
            chosen = discriminated.get((key, tag)) if isinstance(tag, str) else None
            if chosen is None:
                allowed = sorted(d[1] for d in discriminated)
                prefix = f"{path}." if path else ""
                self.add(
                    prefix + key,
                    f"{value.get(key)!r} is not a valid {type_spec.name} {key} (one of {', '.join(allowed)})",
                )
                return
            self.check_value(value, tuple(chosen), path)
            return
        self.check_value(value, type_spec.subtypes, path)

    # -- semantic checks (requests only) -------------------------------------------------------------------

    def check_semantics(self, obj: Mapping[str, Any], fields: dict[str, FieldSpec], owner: str, path: str) -> None:
        prefix = f"{path}." if path else ""
        for name, value in obj.items():
            f = fields.get(name)
            if f is None or value is None:
                continue
            # An empty parse_mode (PTB sends empty strings) means plain text, like omitting it.
            if name.endswith("parse_mode") and isinstance(value, str) and value.lower() not in _PARSE_MODES | {""}:
                self.add(prefix + name, f"unsupported parse mode {value!r}", "Bad Request: unsupported parse_mode")
            if isinstance(value, str) and f.types[0] == "String":
                self.check_string(obj, fields, owner, name, value, prefix)
            if isinstance(value, list) and f.types[0].startswith("Array of"):
                self.check_array_length(f, value, prefix + name)
        if owner in _KEYBOARD_LIMITS:
            self.check_keyboard(obj, owner, path)
        if owner in ("InlineKeyboardButton", "KeyboardButton"):
            self.check_button(obj, owner, path)
        if owner == "BotCommand":
            command = obj.get("command")
            if isinstance(command, str) and not re.fullmatch(r"[a-z0-9_]*", command):
                self.add(
                    prefix + "command",
                    f"{command!r}: only lowercase English letters, digits and underscores are allowed",
                    "Bad Request: BOT_COMMAND_INVALID",
                )
        if owner == "sendChatAction" and isinstance(obj.get("action"), str) and obj["action"] not in _CHAT_ACTIONS:
            self.add(
                "action",
                f"unknown chat action {obj['action']!r}",
                "Bad Request: wrong parameter action in request",
            )
        secret = obj.get("secret_token")
        if owner == "setWebhook" and isinstance(secret, str) and not re.fullmatch(r"[A-Za-z0-9_-]*", secret):
            self.add(
                "secret_token",
                "only A-Z, a-z, 0-9, _ and - are allowed",
                "Bad Request: secret token contains unallowed characters",
            )
        chat_id = obj.get("chat_id")
        if isinstance(chat_id, str) and not chat_id.startswith("@"):
            self.add(
                prefix + "chat_id",
                f"{chat_id!r} is neither an integer nor an @username",
                "Bad Request: chat not found",
            )

    def _parse_mode_for(self, obj: Mapping[str, Any], fields: dict[str, FieldSpec], name: str) -> str | None:
        if f"{name}_parse_mode" in fields:
            return obj.get(f"{name}_parse_mode")
        if "parse_mode" in fields and (name in _TEXT_FIELDS or "entities parsing" in fields[name].description):
            return obj.get("parse_mode")
        return None

    def check_string(
        self,
        obj: Mapping[str, Any],
        fields: dict[str, FieldSpec],
        owner: str,
        name: str,
        value: str,
        prefix: str,
    ) -> None:
        path = prefix + name
        parse_mode = self._parse_mode_for(obj, fields, name)
        measured = value
        if parse_mode:
            parsed = parse_entities(value, parse_mode)
            if parsed.error:
                self.add(
                    path,
                    f"can't parse entities ({parse_mode}): {parsed.error}",
                    f"Bad Request: can't parse entities: {parsed.error}",
                )
                return
            measured = parsed.text
        elif name in _TEXT_FIELDS:
            self.check_entity_bounds(obj, name, value, prefix)
        limit = _LIMIT_RE.search(fields[name].description)
        if limit is None:
            return
        low, high, unit = int(limit.group(1)), int(limit.group(2)), limit.group(3).lower()
        if unit == "bytes":
            size = len(measured.encode("utf-8"))
        else:
            # Telegram trims surrounding whitespace, so a blank message is "empty", not 1 character long.
            size = utf16_len(measured) if measured.strip() or low == 0 else 0
        if low <= size <= high:
            return
        what = "bytes (UTF-8)" if unit == "bytes" else "characters (UTF-16 code units)"
        problem = f"{size} {what}, allowed {low}-{high}"
        if parse_mode:
            problem += f" after {parse_mode} parsing"
        self.add(path, problem, self._limit_description(owner, name, size > high))

    @staticmethod
    def _limit_description(owner: str, name: str, too_long: bool) -> str:
        if name in ("text", "message_text") and owner in (
            "sendMessage",
            "editMessageText",
            "InputTextMessageContent",
        ):
            return "Bad Request: message is too long" if too_long else "Bad Request: message text is empty"
        if name == "caption":
            return "Bad Request: message caption is too long"
        if owner == "InlineKeyboardButton" and name == "callback_data":
            return "Bad Request: BUTTON_DATA_INVALID"
        if owner == "BotCommand":
            return f"Bad Request: BOT_COMMAND{'_DESCRIPTION' if name == 'description' else ''}_INVALID"
        if owner == "answerCallbackQuery" and name == "text":
            return "Bad Request: MESSAGE_TOO_LONG"
        return f"Bad Request: {name} is {'too long' if too_long else 'too short'}"

    def check_entity_bounds(self, obj: Mapping[str, Any], name: str, value: str, prefix: str) -> None:
        entities_field = "caption_entities" if name == "caption" else "entities"
        entities = obj.get(entities_field)
        if not isinstance(entities, list):
            return
        total = utf16_len(value)
        for index, entity in enumerate(entities):
            if not isinstance(entity, dict):
                continue
            offset, length = entity.get("offset"), entity.get("length")
            if isinstance(offset, int) and isinstance(length, int) and (offset < 0 or offset + length > total):
                self.add(
                    f"{prefix}{entities_field}[{index}]",
                    f"entity {offset}+{length} lies outside the text ({total} UTF-16 code units)",
                    "Bad Request: can't parse entities: entity beyond the end of text",
                )

    def check_array_length(self, f: FieldSpec, value: list[Any], path: str) -> None:
        match = _ARRAY_LIMIT_RE.search(f.description)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
        else:
            at_most = _AT_MOST_RE.search(f.description)
            if at_most is None:
                return
            low, high = 0, int(at_most.group(1))
        if not low <= len(value) <= high:
            self.add(path, f"{len(value)} items, allowed {low}-{high}")

    def check_keyboard(self, obj: Mapping[str, Any], owner: str, path: str) -> None:
        key, per_row, total_max = _KEYBOARD_LIMITS[owner]
        rows = obj.get(key)
        if not isinstance(rows, list):
            return
        prefix = f"{path}." if path else ""
        total = 0
        for index, row in enumerate(rows):
            if not isinstance(row, list):
                continue
            total += len(row)
            if len(row) > per_row:
                self.add(
                    f"{prefix}{key}[{index}]",
                    f"{len(row)} buttons in one row, at most {per_row} allowed",
                    f"Bad Request: too many buttons in a row (at most {per_row})",
                )
        if total > total_max:
            self.add(
                prefix + key,
                f"{total} buttons, at most {total_max} allowed",
                f"Bad Request: too many buttons (at most {total_max})",
            )

    def check_button(self, obj: Mapping[str, Any], owner: str, path: str) -> None:
        actions = sorted(k for k, v in obj.items() if k not in _BUTTON_ACTION_EXEMPT and v is not None)
        if owner == "InlineKeyboardButton" and not actions:
            self.add(
                path,
                "inline button needs exactly one action (callback_data, url, ...), it has none",
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            )
        elif len(actions) > 1:
            self.add(
                path,
                f"{owner} may use only one action field, got {', '.join(actions)}",
                "Bad Request: can't parse inline keyboard button: only one button action is allowed",
            )
        if isinstance(obj.get("text"), str) and not obj["text"].strip():
            self.add(f"{path}.text", "button text is empty", "Bad Request: BUTTON_TEXT_INVALID")


def check_call(
    method: str,
    params: Mapping[str, Any],
    attachments: Collection[str] = (),
    spec: Spec | None = None,
) -> list[Violation]:
    """Validate one decoded call; ``attachments`` are the multipart part names an ``attach://`` may refer to."""
    spec = spec or load_spec()
    method_spec = spec.method(method)
    if method_spec is None:
        return [Violation(f"unknown method {method!r} (not in {spec.version})", "Not Found")]
    checker = _Checker(spec, method_spec.name, attachments, strict_input=True)
    checker.check_fields(params, method_spec.fields, method_spec.name, "")
    return checker.violations


def validate_call(
    method: str,
    params: Mapping[str, Any],
    attachments: Collection[str] = (),
    spec: Spec | None = None,
) -> list[str]:
    """Like :func:`check_call` but returns just the problem strings (``"field.path: problem"``)."""
    return [v.problem for v in check_call(method, params, attachments, spec)]


def validate_object(type_expr: str, value: Any, spec: Spec | None = None, strict_input: bool = False) -> list[str]:
    """Validate any value against a spec type expression (``"Message"``, ``"Array of Update"``, ``"Boolean"``).

    Responses are checked without the request-only limits unless ``strict_input`` is set.
    """
    spec = spec or load_spec()
    checker = _Checker(spec, type_expr, (), strict_input=strict_input)
    checker.check_value(value, tuple(t.strip() for t in type_expr.split(" or ")), "")
    return [v.problem for v in checker.violations]
