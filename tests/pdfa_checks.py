"""Structural checks of the PDF/A-2b requirements MeetingDesk promises (no full validator such as
veraPDF is installable here): each function returns the problems it found, an empty list when
the requirement holds. Every object reachable from the trailer is inspected."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from io import BytesIO
from typing import Any
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf), strict=False)


def objects(pdf: bytes) -> Iterator[DictionaryObject]:
    """Every dictionary (streams included) reachable from the trailer, once."""
    r = reader(pdf)
    seen: set[int] = set()
    stack: list[Any] = [r.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P"))
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _xmp(pdf: bytes) -> tuple[ElementTree.Element | None, list[str]]:
    r = reader(pdf)
    meta = r.trailer["/Root"].get("/Metadata")
    if meta is None:
        return None, ["no XMP metadata stream in the catalog"]
    stream = meta.get_object()
    problems = []
    if "/Filter" in stream:
        problems.append("the XMP metadata stream is filtered")
    if stream.get("/Subtype") != "/XML" or stream.get("/Type") != "/Metadata":
        problems.append("the XMP stream is not /Type /Metadata /Subtype /XML")
    return ElementTree.fromstring(stream.get_data()), problems


def _pdf_date(value: str) -> datetime:
    m = re.fullmatch(r"D:(\d{14})(Z|[+-]\d\d'?\d\d'?)?", value)
    assert m, value
    zone = (m.group(2) or "Z").replace("'", "")
    return datetime.strptime(m.group(1) + ("+0000" if zone == "Z" else zone), "%Y%m%d%H%M%S%z")


def _xmp_date(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _extension_prefix_problems(xmp: str) -> list[str]:
    """Properties of an extension schema are written with the prefix the schema declares."""
    declared = dict(re.findall(r"pdfaSchema:namespaceURI(?:>|=\")([^<\"]+)[\s\S]*?"
                               r"pdfaSchema:prefix(?:>|=\")([^<\"]+)", xmp))
    return [f"namespace {uri} bound to prefix {prefix}, declared {declared[uri]}"
            for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', xmp)
            if uri in declared and prefix != declared[uri]]


def xmp_problems(pdf: bytes) -> list[str]:
    """pdfaid part 2 / conformance B; title, author, dates and producer equal to the document
    information dictionary."""
    root, problems = _xmp(pdf)
    if root is None:
        return problems

    def value(path: str) -> str | None:
        """An XMP property written as an element or, abbreviated, as an attribute."""
        found = root.find(f".//{path}", NS)
        if found is not None:
            return found.text or ""
        prefix, name = path.split(":", 1)
        attribute = f"{{{NS[prefix]}}}{name}"
        for element in root.iter(f"{{{NS['rdf']}}}Description"):
            if attribute in element.attrib:
                return element.attrib[attribute]
        return None

    problems += _extension_prefix_problems(reader(pdf).trailer["/Root"]["/Metadata"]
                                           .get_object().get_data().decode("utf-8"))
    if value("pdfaid:part") != "2":
        problems.append(f"pdfaid:part is {value('pdfaid:part')!r}")
    if value("pdfaid:conformance") != "B":
        problems.append(f"pdfaid:conformance is {value('pdfaid:conformance')!r}")
    info = reader(pdf).trailer.get("/Info")
    info = info.get_object() if info is not None else {}
    pairs = {"dc:title/rdf:Alt/rdf:li": "/Title", "dc:creator/rdf:Seq/rdf:li": "/Author",
             "pdf:Producer": "/Producer", "xmp:CreatorTool": "/Creator"}
    for path, key in pairs.items():
        if not value(path):
            problems.append(f"XMP {path.split('/')[0]} is missing or empty")
        elif key in info and str(info[key]) != value(path):
            problems.append(f"XMP {path} {value(path)!r} differs from Info {key} "
                            f"{info[key]!r}")
    for path, key in {"xmp:CreateDate": "/CreationDate", "xmp:ModifyDate": "/ModDate"}.items():
        if not value(path):
            problems.append(f"XMP {path} is missing")
        elif key in info and _pdf_date(str(info[key])) != _xmp_date(value(path) or ""):
            problems.append(f"XMP {path} {value(path)} differs from Info {key} {info[key]}")
    return problems


def output_intent_problems(pdf: bytes) -> list[str]:
    """A GTS_PDFA1 output intent whose DestOutputProfile is an embedded RGB ICC profile."""
    intents = reader(pdf).trailer["/Root"].get("/OutputIntents")
    if not intents:
        return ["no output intent"]
    problems = []
    for intent in intents.get_object():
        intent = intent.get_object()
        if intent.get("/S") != "/GTS_PDFA1":
            problems.append(f"output intent subtype {intent.get('/S')}")
            continue
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            problems.append("output intent without DestOutputProfile")
            continue
        stream = profile.get_object()
        icc = stream.get_data()
        if stream.get("/N") != 3 or icc[16:20] != b"RGB " or icc[36:40] != b"acsp":
            problems.append("DestOutputProfile is not an RGB ICC profile with N 3")
        if icc[8] > 4 or icc[12:16] not in (b"mntr", b"prtr"):
            problems.append(f"ICC version {icc[8]} / class {icc[12:16]!r} not allowed")
        if not intent.get("/OutputConditionIdentifier"):
            problems.append("output intent without OutputConditionIdentifier")
    return problems


def font_problems(pdf: bytes) -> list[str]:
    """Every font (in pages, forms and annotation appearances) embedded, with ToUnicode."""
    problems = []
    count = 0
    for obj in objects(pdf):
        if obj.get("/Type") != "/Font" or obj.get("/Subtype") == "/CIDFontType2":
            continue
        if obj.get("/Subtype") == "/CIDFontType0":
            continue
        count += 1
        name = obj.get("/BaseFont")
        descriptor = obj.get("/FontDescriptor")
        if obj.get("/Subtype") == "/Type0":
            descriptor = obj["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(f"font {name} is not embedded")
        if "/ToUnicode" not in obj:
            problems.append(f"font {name} has no ToUnicode map")
    if not count:
        problems.append("no fonts found at all")
    return problems


_TRANSPARENT_BLEND = {"/Normal", "/Compatible"}


def transparency_problems(pdf: bytes) -> list[str]:
    """No soft masks, no constant alpha below 1, no blend mode but Normal, no transparency
    groups."""
    problems = []
    for obj in objects(pdf):
        smask = obj.get("/SMask")
        if smask is not None and smask != NameObject("/None"):
            problems.append("soft mask (SMask) present")
        for key in ("/CA", "/ca"):
            if key in obj and float(obj[key]) < 1:
                problems.append(f"constant alpha {key} {obj[key]}")
        bm = obj.get("/BM")
        if bm is not None and str(bm) not in _TRANSPARENT_BLEND:
            problems.append(f"blend mode {bm}")
        group = obj.get("/Group")
        if group is not None and group.get_object().get("/S") == "/Transparency":
            problems.append("transparency group")
    return problems


_FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/GoToR", "/GoToE", "/ImportData",
                      "/SubmitForm", "/ResetForm", "/URI", "/Sound", "/Movie"}


def forbidden_problems(pdf: bytes) -> list[str]:
    """No encryption, JavaScript, other actions reaching outside, embedded or external files."""
    r = reader(pdf)
    problems = []
    if "/Encrypt" in r.trailer:
        problems.append("encrypted")
    if "/ID" not in r.trailer:
        problems.append("no file identifier (/ID) in the trailer")
    names = r.trailer["/Root"].get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        problems.append("document-level JavaScript")
    for obj in objects(pdf):
        if obj.get("/S") in _FORBIDDEN_ACTIONS:
            problems.append(f"action {obj.get('/S')}")
        if "/JS" in obj or "/AA" in obj:
            problems.append("JavaScript or additional actions")
        if obj.get("/Type") in ("/Filespec", "/EmbeddedFile") or "/EF" in obj:
            problems.append("file specification or embedded file")
        if isinstance(obj, StreamObject) and "/F" in obj:
            problems.append("stream with external data (/F)")
        if obj.get("/Subtype") == "/PS" or obj.get("/Type") == "/XRefStm":
            problems.append("PostScript XObject")
    if not pdf[:1024].split(b"\n")[1].startswith(b"%") or max(pdf.split(b"\n")[1][1:5]) < 128:
        problems.append("no binary comment after the header")
    return problems


def pdfa_problems(pdf: bytes) -> list[str]:
    """All the checks above."""
    return (xmp_problems(pdf) + output_intent_problems(pdf) + font_problems(pdf)
            + transparency_problems(pdf) + forbidden_problems(pdf))
