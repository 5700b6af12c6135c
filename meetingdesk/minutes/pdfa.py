"""PDF/A-2b output for reportlab: XMP metadata, the sRGB output intent, and where the signers'
blocks lie so that a digital signature can later be drawn in them.

reportlab writes the rest of what PDF/A-2b asks on its own terms here: every font is one of the
bundled TrueType faces, embedded as a subset with a ToUnicode map (:mod:`.fonts`); nothing
is transparent, encrypted, scripted or linked. :func:`pdfa_canvas` gives
:class:`~reportlab.platypus.BaseDocTemplate` a canvas that adds, when the file is saved, the
XMP packet (``pdfaid:part`` 2, ``pdfaid:conformance`` B, the same title, author, subject,
producer and dates as the document information) and an output intent carrying an sRGB ICC
profile made by LittleCMS (Pillow's ImageCms).

The signer boxes are kept in the XMP under a MeetingDesk namespace, declared with the PDF/A
extension schema as PDF/A requires, so any copy of the minutes says where each signature goes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from PIL import ImageCms
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import (
    format as pdf_format,
)
from reportlab.pdfgen.canvas import Canvas

from meetingdesk.minutes.signer_boxes import SignerBox, SignerBoxes, boxes_from_json

PART = 2
CONFORMANCE = "B"
SRGB = "sRGB IEC61966-2.1"
NAMESPACE = "urn:meetingdesk:minutes:1.0:"
"""The XMP namespace of MeetingDesk's own properties (the signer boxes)."""
PREFIX = "mdm"
BOXES_PROPERTY = "signerBoxes"


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (display class, ICC version 4) made by LittleCMS."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _xmp_date(ymdhms: tuple[int, ...], dhh: int, dmm: int) -> str:
    y, mo, d, h, mi, s = ymdhms
    sign = "-" if dhh < 0 or (dhh == 0 and dmm < 0) else "+"
    return (f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"
            f"{sign}{abs(dhh):02d}:{abs(dmm):02d}")


def xmp_packet(*, title: str, author: str, subject: str, creator: str, producer: str,
               keywords: str, date: str, boxes: str) -> bytes:
    """The XMP packet: PDF/A identification, Dublin Core, the PDF and XMP basic schemas (each
    value equal to its document information entry), and the signer boxes."""
    e = escape
    description = (f"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{e(subject)}"
                   "</rdf:li></rdf:Alt></dc:description>")
    xml = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>{PART}</pdfaid:part><pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{e(author)}</rdf:li></rdf:Seq></dc:creator>
{description}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate><xmp:CreatorTool>{e(creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>{e(producer)}</pdf:Producer><pdf:Keywords>{e(keywords)}</pdf:Keywords>
<pdf:Trapped>False</pdf:Trapped>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>MeetingDesk minutes</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>{PREFIX}</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>{BOXES_PROPERTY}</pdfaProperty:name>
<pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Where the signers sign (JSON: role, page, x, y, width, height in \
points)</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:{PREFIX}="{NAMESPACE}">
<{PREFIX}:{BOXES_PROPERTY}>{e(boxes)}</{PREFIX}:{BOXES_PROPERTY}>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")


def signer_boxes_of(xmp: bytes) -> list[SignerBox]:
    """The signer boxes recorded in a minutes PDF's XMP packet, written as an element (as
    rendered) or as an attribute (as pyHanko rewrites the packet when it signs); none for
    other PDFs."""
    try:
        root = ElementTree.fromstring(xmp)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return []
    name = f"{{{NAMESPACE}}}{BOXES_PROPERTY}"
    for element in root.iter():
        if element.tag == name:
            return boxes_from_json(element.text or "")
        if name in element.attrib:
            return boxes_from_json(element.attrib[name])
    return []


class _UnfilteredStream(PDFStream):
    """A stream written as it is, without a /Filter key (PDF/A wants the XMP readable)."""

    def format(self, document: Any) -> bytes:
        dictionary = PDFDictionary(dict(self.dictionary.dict, Length=len(self.content)))
        return pdf_format(dictionary, document) + b"\nstream\n" + self.content + b"endstream\n"


def _add_pdfa_parts(canvas: Canvas, boxes: SignerBoxes) -> None:
    doc = canvas._doc
    stamp = doc._timeStamp
    info = doc.info
    date = _xmp_date(tuple(stamp.YMDhms), stamp.dhh, stamp.dmm)
    xmp = _UnfilteredStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                    xmp_packet(title=info.title, author=info.author, subject=info.subject,
                               creator=info.creator, producer=info.producer,
                               keywords=info.keywords or "", date=date, boxes=boxes.to_json())
        + b"\n")
    icc = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(SRGB), "Info": PDFString(SRGB),
        "RegistryName": PDFString("http://www.color.org"),
        "DestOutputProfile": doc.Reference(icc)})
    catalog = doc.Catalog
    catalog.Metadata = doc.Reference(xmp)
    catalog.OutputIntents = PDFArray([intent])
    # reportlab's catalog writes only the keys it lists; the output intents are not among them.
    if "OutputIntents" not in catalog.__NoDefault__:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]


def pdfa_canvas(boxes: SignerBoxes) -> Callable[..., Canvas]:
    """A canvas maker for ``BaseDocTemplate.build``: the canvas writes a PDF/A-2b file."""

    class PdfACanvas(Canvas):
        def save(self) -> None:
            _add_pdfa_parts(self, boxes)
            super().save()

    def make(*args: Any, **kwargs: Any) -> Canvas:
        return PdfACanvas(*args, **kwargs)

    return make
