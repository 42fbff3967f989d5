"""Compile gettext catalogues (.po → .mo) without GNU gettext.

`make run` must work on a machine with only Python, Node and make; Django's compilemessages needs the
msgfmt program. This writes the same GNU .mo format (entries sorted by msgid, no hash table), skipping
fuzzy and untranslated entries just as msgfmt does.
"""

import ast
import struct
from pathlib import Path


def parse_po(text: str) -> dict[str, str]:
    """{msgid: msgstr} with msgctxt joined by \\x04 and plural forms joined by \\x00, as .mo files store them."""
    catalogue: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    current: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\x00" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\x00".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if "msgctxt" in entry:
                msgid = "".join(entry["msgctxt"]) + "\x04" + msgid
            if msgstr.replace("\x00", "") or msgid == "":
                catalogue[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            if "msgid" in entry:
                flush()
            fuzzy = True
        elif line.startswith("#") or not line:
            continue
        elif line.startswith('"'):
            if current is not None:
                entry[current].append(ast.literal_eval(line))
        else:
            keyword, _sep, rest = line.partition(" ")
            # A msgctxt or msgid after a msgstr starts the next entry.
            if keyword in ("msgid", "msgctxt") and any(k.startswith("msgstr") for k in entry):
                flush()
            current = keyword
            entry[current] = [ast.literal_eval(rest)]
    flush()
    return catalogue


def write_mo(catalogue: dict[str, str], path: Path) -> None:
    keys = sorted(catalogue)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalogue[k].encode("utf-8") for k in keys]
    header_size = 7 * 4
    table_size = len(keys) * 8
    ids_start = header_size + 2 * table_size
    offsets_ids, offsets_strs, blob = [], [], b""
    for data in ids:
        offsets_ids.append((len(data), ids_start + len(blob)))
        blob += data + b"\0"
    for data in strs:
        offsets_strs.append((len(data), ids_start + len(blob)))
        blob += data + b"\0"
    output = struct.pack("<7I", 0x950412DE, 0, len(keys), header_size, header_size + table_size, 0, 0)
    output += b"".join(struct.pack("<2I", *o) for o in offsets_ids)
    output += b"".join(struct.pack("<2I", *o) for o in offsets_strs)
    path.write_bytes(output + blob)


def compile_tree(root: Path) -> list[Path]:
    written = []
    for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        write_mo(parse_po(po.read_text(encoding="utf-8")), mo)
        written.append(mo)
    return written
