"""A small YAML reader for the subset the samverkan data files use (standard library only).

Supported: block mappings and sequences (indentation), "- key: value" items, flow
sequences [a, b] and flow mappings { k: v } (nesting allowed, on one line), plain,
'single' and "double" quoted scalars, folded (>, >-) and literal (|, |-) block
scalars, and # comments. Plain scalars resolve as in the YAML 1.2 core schema
(true/false, null/~, integers, floats; everything else is a string), except that the
YAML 1.1 words yes/no/on/off/y/n are rejected when unquoted, since other YAML readers
(e.g. Yams) may take them for booleans. Anything else raises YamlError with the line.
Not supported: anchors, aliases, tags, multi-line flow collections, multiple documents.
"""

import json
import re


class YamlError(Exception):
    pass


AMBIGUOUS = {"yes", "no", "on", "off", "y", "n"}
INT = re.compile(r"[-+]?[0-9]+")
FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")


def load(text, name="<yaml>"):
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError("%s:%d: tab in indentation" % (name, number))
        lines.append([number, raw])
    return Parser(lines, name).document()


class Parser:
    def __init__(self, lines, name):
        self.raw = lines
        self.name = name
        # Content lines: (line number, indent, text without comment).
        self.lines = []
        for number, raw in lines:
            text = strip_comment(raw).rstrip()
            if text.strip() == "" or text.strip() == "---":
                continue
            self.lines.append([number, len(text) - len(text.lstrip(" ")), text.strip()])
        self.i = 0

    def error(self, message, number=None):
        if number is None:
            number = self.lines[min(self.i, len(self.lines) - 1)][0] if self.lines else 0
        return YamlError("%s:%d: %s" % (self.name, number, message))

    def document(self):
        if not self.lines:
            return None
        value = self.block(self.lines[0][1])
        if self.i < len(self.lines):
            raise self.error("unexpected content")
        return value

    def block(self, indent):
        number, own, text = self.lines[self.i]
        if own != indent:
            raise self.error("bad indentation")
        if text == "-" or text.startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent)

    def sequence(self, indent):
        items = []
        while self.i < len(self.lines):
            number, own, text = self.lines[self.i]
            if own < indent:
                break
            if own > indent or not (text == "-" or text.startswith("- ")):
                raise self.error("expected '- ' at indentation %d" % indent)
            rest = text[1:].lstrip(" ")
            if rest == "":
                self.i += 1
                items.append(self.nested(indent))
            else:
                # Treat the item's content as a line of its own, indented past the dash.
                self.lines[self.i] = [number, own + (len(text) - len(rest)), rest]
                items.append(self.item_value(own + (len(text) - len(rest))))
        return items

    def item_value(self, indent):
        number, own, text = self.lines[self.i]
        if text == "-" or text.startswith("- ") or split_key(text) is not None:
            return self.block(indent)
        self.i += 1
        return self.inline_value(text, number, indent)

    def mapping(self, indent):
        result = {}
        while self.i < len(self.lines):
            number, own, text = self.lines[self.i]
            if own < indent:
                break
            if own > indent:
                raise self.error("bad indentation")
            pair = split_key(text)
            if pair is None:
                raise self.error("expected 'key: value'")
            key, rest = pair
            if key in result:
                raise self.error("duplicate key '%s'" % key)
            self.i += 1
            if rest == "":
                if self.i < len(self.lines) and self.lines[self.i][1] == indent and (
                        self.lines[self.i][2] == "-" or self.lines[self.i][2].startswith("- ")):
                    result[key] = self.sequence(indent)
                else:
                    result[key] = self.nested(indent)
            else:
                result[key] = self.inline_value(rest, number, indent)
        return result

    def nested(self, indent):
        if self.i < len(self.lines) and self.lines[self.i][1] > indent:
            return self.block(self.lines[self.i][1])
        return None

    def inline_value(self, text, number, indent):
        if text[0] in ">|":
            return self.block_scalar(text, number, indent)
        try:
            value, end = parse_flow(text, 0)
        except YamlError as error:
            raise self.error(str(error), number)
        if text[end:].strip():
            raise self.error("unexpected text after value: %r" % text[end:], number)
        return value

    def block_scalar(self, header, number, indent):
        if header not in (">", ">-", "|", "|-"):
            raise self.error("unsupported block scalar header %r" % header, number)
        # Take the raw lines (blank ones too) that are indented past the key.
        start = next(k for k, (n, _) in enumerate(self.raw) if n == number) + 1
        body = []
        for n, raw in self.raw[start:]:
            if raw.strip() and len(raw) - len(raw.lstrip(" ")) <= indent:
                break
            body.append(raw)
        while body and not body[-1].strip():
            body.pop()
        while self.i < len(self.lines) and self.lines[self.i][0] <= number + len(body):
            self.i += 1
        texts = [b.strip() for b in body]
        if header[0] == "|":
            value = "\n".join(texts)
        else:
            paragraphs, current = [], []
            for t in texts:
                if t:
                    current.append(t)
                else:
                    paragraphs.append(" ".join(current))
                    current = []
            paragraphs.append(" ".join(current))
            value = "\n".join(paragraphs)
        return value if header.endswith("-") else value + "\n"


def strip_comment(line):
    quote, k = None, 0
    while k < len(line):
        c = line[k]
        if quote:
            if quote == '"' and c == "\\":
                k += 1
            elif c == quote:
                quote = None
        elif c in "\"'" and (k == 0 or line[k - 1] in " [{,:-"):
            quote = c
        elif c == "#" and (k == 0 or line[k - 1] in " \t"):
            return line[:k]
        k += 1
    return line


def split_key(text):
    """'key: value' -> (key, value); None when the line is not a mapping entry."""
    if text[0] in "\"'[{":
        if text[0] in "\"'":
            key, end = parse_quoted(text, 0)
            rest = text[end:]
            if rest.startswith(":") and (len(rest) == 1 or rest[1] == " "):
                return key, rest[1:].strip()
        return None
    match = re.match(r"([^:#]+?):( |$)", text)
    if not match:
        return None
    return match.group(1), text[match.end():].strip()


def parse_quoted(text, i):
    quote = text[i]
    if quote == "'":
        out, j = [], i + 1
        while j < len(text):
            if text[j] == "'":
                if text[j + 1:j + 2] == "'":
                    out.append("'")
                    j += 2
                    continue
                return "".join(out), j + 1
            out.append(text[j])
            j += 1
        raise YamlError("unterminated quoted string")
    j = i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == '"':
            body = text[i + 1:j]
            for escape in re.findall(r"\\(.)", body):
                if escape not in '"\\/bfnrtu':
                    raise YamlError("unsupported escape \\%s" % escape)
            return json.loads('"' + body + '"'), j + 1
        j += 1
    raise YamlError("unterminated quoted string")


def parse_flow(text, i, inside=False):
    """A value starting at text[i]; returns (value, index after it)."""
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        return None, i
    c = text[i]
    if c in "\"'":
        return parse_quoted(text, i)
    if c == "[":
        items, i = [], i + 1
        while True:
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == "]":
                return items, i + 1
            value, i = parse_flow(text, i, True)
            items.append(value)
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == ",":
                i += 1
            elif i < len(text) and text[i] == "]":
                return items, i + 1
            else:
                raise YamlError("expected ',' or ']' in flow sequence")
    if c == "{":
        result, i = {}, i + 1
        while True:
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == "}":
                return result, i + 1
            match = re.compile(r"([^:,{}\[\]]+?):( |$)").match(text, i)
            if not match:
                raise YamlError("expected 'key: value' in flow mapping")
            key = match.group(1).strip()
            if key in result:
                raise YamlError("duplicate key '%s'" % key)
            value, i = parse_flow(text, match.end(), True)
            result[key] = value
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == ",":
                i += 1
            elif i < len(text) and text[i] == "}":
                return result, i + 1
            else:
                raise YamlError("expected ',' or '}' in flow mapping")
    stop = ",]}" if inside else ""
    j = i
    while j < len(text) and text[j] not in stop:
        if text[j] == ":" and (j + 1 == len(text) or text[j + 1] == " "):
            raise YamlError("unexpected ': ' in a plain value (quote it)")
        j += 1
    return resolve(text[i:j].strip()), j


def resolve(plain):
    lower = plain.lower()
    if lower in ("true", "false"):
        return lower == "true"
    if lower in ("null", "~", ""):
        return None
    if lower in AMBIGUOUS:
        raise YamlError("ambiguous unquoted %r (quote it)" % plain)
    if plain[0] in "&*!|>%@`":
        raise YamlError("unsupported YAML syntax: %r" % plain)
    if INT.fullmatch(plain):
        return int(plain)
    if FLOAT.fullmatch(plain):
        return float(plain)
    return plain
