"""The visible signature, as Nghị định 30/2020 lays it out for electronic documents.

In the signer's blank space between the title lines and the name: the image of the signer's
handwritten signature, centred; when the agency signs, the image of its seal over the left third
of the signature; under them the line of information "Ký bởi … / Cơ quan … / Thời gian ký …"
in 10 pt Liberation Serif (metrically Times New Roman), upright, black, with the signing time in
ISO 8601 and Vietnam's +07:00.

The images are composed on white into one opaque picture (no soft mask: nothing transparent
enters the PDF/A file), and the appearance is drawn by reportlab with the minutes' own embedded
fonts, then placed by pyHanko as the signature field's appearance stream.
"""

from __future__ import annotations

import binascii
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageChops, UnidentifiedImageError
from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle, TextStampStyle
from pyhanko.stamp.static import StaticContentStamp
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from meetingdesk.domain.errors import ValidationError
from meetingdesk.domain.messages import Message
from meetingdesk.minutes.fonts import REGULAR, register_fonts
from meetingdesk.services.files import refuse_plain_read

VIETNAM = timezone(timedelta(hours=7))
MAX_IMAGE_BYTES = 5 << 20
"""A scanned signature or seal is a few hundred kilobytes; 5 MB is generous."""
MAX_IMAGE_SIDE = 6000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FONT_SIZE = 10
LEADING = 11.5
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def load_png(path: Path, *, what: Message) -> Image.Image:
    """A signature or seal image: a PNG of reasonable size, as RGBA. One clear line
    otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ValidationError("appearance.image_too_large", what=what, name=path.name,
                                  size_mb=size / (1 << 20), limit_mb=MAX_IMAGE_BYTES >> 20)
        refuse_plain_read(path)
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("appearance.image_unreadable_file", what=what, path=path,
                              reason=exc.strerror or exc) from exc
    if not data.startswith(PNG_MAGIC):
        raise ValidationError("appearance.image_not_png", what=what, name=path.name)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        if max(image.size) > MAX_IMAGE_SIDE:
            raise ValidationError("appearance.image_too_many_pixels", what=what, name=path.name,
                                  width=image.width, height=image.height)
        return image.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise ValidationError("appearance.image_damaged", what=what, name=path.name) from exc


def _fit(image: Image.Image, width: int, height: int) -> Image.Image:
    scale = min(width / image.width, height / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def compose(signature: Image.Image | None, seal: Image.Image | None, width: int,
            height: int) -> Image.Image | None:
    """The signature centred in ``width`` × ``height`` pixels, the seal (as high as the
    space) over its left third, both flattened on white: one opaque RGB image."""
    if signature is None and seal is None:
        return None
    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 255))
    sig_left = width // 2
    if signature is not None:
        sig = _fit(signature, width, height)
        sig_left = (width - sig.width) // 2
        canvas.alpha_composite(sig, (sig_left, (height - sig.height) // 2))
        sig_third = sig_left + sig.width // 3
    else:
        sig_third = width // 2
    if seal is not None:
        mark = _fit(seal, width, height)
        # The seal's right edge a little past the signature's first third.
        x = min(max(0, sig_third - mark.width * 3 // 4), width - mark.width)
        canvas.alpha_composite(mark, (x, (height - mark.height) // 2))
    return canvas.convert("RGB")


@dataclass(frozen=True, slots=True)
class SignatureLook:
    """What the visible signature shows besides the time."""

    signer: str
    agency: str
    signature: Image.Image | None = None
    seal: Image.Image | None = None


def info_lines(look: SignatureLook, when: datetime) -> list[str]:
    moment = when.astimezone(VIETNAM).replace(microsecond=0).isoformat()
    lines = [f"Ký bởi: {look.signer}"]
    if look.agency:
        lines.append(f"Cơ quan: {look.agency}")
    lines.append(f"Thời gian ký: {moment}")
    return lines


def appearance_pdf(look: SignatureLook, when: datetime, width: float, height: float) -> bytes:
    """A one-page PDF of exactly ``width`` × ``height`` points: the images above, the
    information lines below, centred."""
    register_fonts()
    lines = info_lines(look, when)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), initialFontName=REGULAR,
                    initialFontSize=FONT_SIZE)
    text_height = len(lines) * LEADING + 2
    image_height = height - text_height
    scale = 4  # pixels per point
    picture = compose(look.signature, look.seal, round(width * scale),
                      round(image_height * scale))
    inked = picture and ImageChops.difference(picture, Image.new("RGB", picture.size,
                                                                 "white")).getbbox()
    if picture is not None and inked and image_height > 4:
        # Only the inked part: no white rectangle over the page's own white.
        left, top, right, bottom = inked
        canvas.drawImage(ImageReader(picture.crop(inked)), left / scale,
                         text_height + (picture.height - bottom) / scale,
                         (right - left) / scale, (bottom - top) / scale)
    canvas.setFont(REGULAR, FONT_SIZE)
    y = text_height - LEADING + 1
    for line in lines:
        canvas.drawCentredString(width / 2, y, line)
        y -= LEADING
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _PdfPageContent(content.PdfContent):
    """The first page of a PDF held in memory, imported as a form XObject (pyHanko's
    ``ImportedPdfPage`` reads a file by name)."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__()
        self.pdf = pdf

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.pdf)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


@dataclass(frozen=True)
class MinutesStampStyle(TextStampStyle):
    """pyHanko stamp style drawing :func:`appearance_pdf` at the signing time pyHanko puts
    in the signature (it passes that time to text stamp styles only)."""

    draw: Callable[[datetime, float, float], bytes] | None = None

    def create_stamp(self, writer, box, text_params):  # type: ignore[no-untyped-def]
        assert self.draw is not None
        when = datetime.strptime(text_params["ts"], self.timestamp_format)
        page = self.draw(when, box.width, box.height)
        style = StaticStampStyle(
            background=_PdfPageContent(page), background_opacity=1.0, border_width=0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(0)))
        return StaticContentStamp(writer=writer, style=style, box=box)


def stamp_style(look: SignatureLook) -> MinutesStampStyle:
    return MinutesStampStyle(timestamp_format=TIME_FORMAT,
                             draw=lambda when, w, h: appearance_pdf(look, when, w, h))
