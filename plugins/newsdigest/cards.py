"""Social cards and portrait thumbnails drawn with Pillow.

A card is 1200×630: the site's name, a kicker line, a title wrapped to the
measured width of its font, and a short quote when one fits whole. Glyphs are
rasterised once per font and size and pasted from then on; a card without a
portrait is a palette PNG, a few times cheaper to encode than an RGB one, and
PNGs are written by ``png_bytes``, which deflates with ISA-L in less than half
the time Pillow's own PNG encoder takes at its fastest level. Images are cached
by a hash of everything that goes into them, so an unchanged card is copied,
not drawn again. Nothing here imports Pelican.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from isal import isal_zlib
from PIL import Image, ImageDraw, ImageFont, ImageOps

from .filecache import FileCache

LAYOUT_VERSION = "4"
CARD_SIZE = (1200, 630)
MARGIN = 72
PORTRAIT_ON_CARD = 300
THUMBNAIL_SIZE = 256
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COLOUR_TYPES = {"L": 0, "RGB": 2, "P": 3, "RGBA": 6}  # of 8 bits a sample
PNG_DEFLATE_LEVEL = 1  # ISA-L's fastest but one; a palette card compresses well even so
PNG_BAND_BYTES = 64 * 1024
TITLE_SIZES = (76, 68, 60, 52, 46)
TITLE_MAX_LINES = 4
QUOTE_SIZE = 34
QUOTE_MAX_LINES = 3
ELLIPSIS = "…"

BACKGROUND = (14, 39, 64)
BAND = (242, 177, 52)
SITE_NAME_COLOUR = BAND
KICKER_COLOUR = (201, 214, 227)
TITLE_COLOUR = (255, 255, 255)
QUOTE_COLOUR = (232, 238, 245)

# A card without a portrait is a palette image: for each text colour, SHADES steps
# from the background to it, enough for anti-aliased edges; index 0 is the background.
TEXT_COLOURS = (BAND, KICKER_COLOUR, TITLE_COLOUR, QUOTE_COLOUR)
SHADES = 256 // len(TEXT_COLOURS)
PALETTE = [round(background + (channel - background) * step / (SHADES - 1))
           for colour in TEXT_COLOURS for step in range(SHADES) for background, channel in zip(BACKGROUND, colour)]


@dataclass(frozen=True)
class CardFonts:
    """The font files a card is drawn with."""

    regular: Path
    bold: Path
    italic: Path

    @functools.cached_property
    def digests(self) -> tuple[str, ...]:
        """The SHA-256 of each font file, read once for this set of fonts."""
        return tuple(digest_of_file(Path(getattr(self, font.name))) for font in fields(self))


@dataclass(frozen=True)
class Card:
    """What a card says. ``quotes`` are candidates: the first that fits whole is drawn."""

    site_name: str
    title: str
    kicker: str = ""
    quotes: tuple[str, ...] = ()


def quoted(text: str, speaker: str) -> str:
    """A quote as a card shows it: in quotation marks, then its speaker."""
    return f"“{' '.join(text.split()).rstrip(',;: ')}” — {speaker}"


class Typeface:
    """A font at one size whose glyphs are rasterised once and placed by measured advances.

    A line is drawn by pasting each glyph's cached coverage mask where ``ImageDraw.text``
    would put it, instead of having FreeType render every glyph of every card again.
    Advances include the kerning with the next character; a character keeps its
    combining marks, and pairs the font draws as a ligature (“fi”) stay one glyph.
    """

    def __init__(self, path: Path, size: int):
        self.font = ImageFont.truetype(str(path), size)
        self.size = size
        self.ascent = self.font.getmetrics()[0]
        # Cached per instance; a typeface lives as long as typeface_at keeps it.
        self.is_ligature = functools.cache(self.measure_ligature)
        self.advance = functools.cache(self.measure_advance)
        self.glyph = functools.cache(self.rasterise)

    def measure_ligature(self, pair: str) -> bool:
        """Whether the font draws ``pair`` as one glyph."""
        return (self.font.layout_engine == ImageFont.Layout.RAQM
                and self.font.getlength(pair) != self.font.getlength(pair, features=["-liga"]))

    def measure_advance(self, cluster: str, following: str) -> float:
        """How far ``cluster`` moves the pen when ``following`` comes next, kerning included."""
        return self.font.getlength(cluster + following) - self.font.getlength(following)

    def clusters(self, text: str) -> list[str]:
        """``text`` cut into what the font draws as one glyph: characters with their combining marks, or ligatures."""
        pairs = map(operator.add, text, text[1:])
        if not any(map(unicodedata.combining, text)) and not any(map(self.is_ligature, pairs)):
            return list(text)
        clusters: list[str] = []
        for char in text:
            if clusters and (unicodedata.combining(char) or self.is_ligature(clusters[-1][-1] + char)):
                clusters[-1] += char
            else:
                clusters.append(char)
        return clusters

    def advances(self, text: str) -> tuple[list[str], list[float]]:
        """The clusters of ``text`` and how far each moves the pen."""
        clusters = self.clusters(text)
        return clusters, list(map(self.advance, clusters, clusters[1:] + [""]))

    def width(self, text: str) -> float:
        return sum(self.advances(text)[1])

    def rasterise(self, cluster: str) -> tuple[Image.Image | None, int, int]:
        """The cluster's coverage mask (None when blank) and its offset from the pen on the baseline."""
        left, top, right, bottom = self.font.getbbox(cluster, anchor="ls")
        if right <= left or bottom <= top:
            return None, left, top
        mask = Image.new("L", (right - left, bottom - top))
        ImageDraw.Draw(mask).text((-left, -top), cluster, font=self.font, fill=255, anchor="ls")
        return mask, left, top

    def glyphs(self, xy: tuple[int, int], text: str) -> list[tuple[Image.Image, tuple[int, int]]]:
        """The coverage mask of each visible glyph of ``text`` and where it goes, placed as
        ``ImageDraw.text`` places them with the top of the ascender line at ``xy``."""
        x, y = xy
        baseline = y + self.ascent
        clusters, advances = self.advances(text)
        placed = []
        for cluster, pen in zip(clusters, itertools.accumulate(advances, initial=0.0)):
            mask, left, top = self.glyph(cluster)
            if mask is not None:
                placed.append((mask, (x + math.floor(pen + 0.5) + left, baseline + top)))
        return placed


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    typeface: Typeface
    colour: tuple[int, int, int]
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


@functools.lru_cache(maxsize=64)
def typeface_at(path: Path, size: int) -> Typeface:
    return Typeface(path, size)


def split_word(word: str, typeface: Typeface, max_width: float) -> list[str]:
    """A word too wide for a line, cut into pieces that each fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and typeface.width(piece + char) > max_width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + [piece] if piece else pieces


def wrap_text(text: str, typeface: Typeface, max_width: float) -> list[str]:
    """The lines of ``text``, each no wider than ``max_width`` when drawn in ``typeface``."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if typeface.width(candidate) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        *whole, line = split_word(word, typeface, max_width)
        lines += whole
    return lines + [line] if line else lines


def ellipsized(line: str, typeface: Typeface, max_width: float) -> str:
    """``line`` shortened to end in an ellipsis within ``max_width``: the longest prefix that fits,
    found by halving, so that a long line costs a few measurements, not one per character."""
    def with_ellipsis(length: int) -> str:
        return line[:length].rstrip(" ,.;:") + ELLIPSIS

    shortest, longest = 0, min(len(line), visible_at_most(1, max_width))
    while shortest < longest:
        middle = (shortest + longest + 1) // 2
        if typeface.width(with_ellipsis(middle)) <= max_width:
            shortest = middle
        else:
            longest = middle - 1
    return with_ellipsis(shortest)


def visible_at_most(lines: int, max_width: float) -> int:
    """More characters than ``lines`` lines of ``max_width`` pixels can show (no glyph is under a pixel)."""
    return int(lines * (max_width + 1)) + 1


def title_block(title: str, font_path: Path, max_width: float) -> TextBlock:
    """The title at the largest size that fits in TITLE_MAX_LINES; cut with an ellipsis if none does."""
    title = title[:visible_at_most(TITLE_MAX_LINES, max_width)]
    for size in TITLE_SIZES:
        typeface = typeface_at(font_path, size)
        lines = wrap_text(title, typeface, max_width)
        if len(lines) <= TITLE_MAX_LINES:
            return TextBlock(tuple(lines), typeface, TITLE_COLOUR, round(size * 1.15))
    kept = lines[:TITLE_MAX_LINES]
    kept[-1] = ellipsized(" ".join(lines[TITLE_MAX_LINES - 1:]), typeface, max_width)
    return TextBlock(tuple(kept), typeface, TITLE_COLOUR, round(size * 1.15))


def quote_block(quotes: Iterable[str], font_path: Path, max_width: float, room: int) -> TextBlock | None:
    """The first quote that fits whole in ``room`` pixels of height, or None."""
    typeface = typeface_at(font_path, QUOTE_SIZE)
    line_height = round(QUOTE_SIZE * 1.3)
    for quote in quotes:
        if len(quote) > visible_at_most(QUOTE_MAX_LINES, max_width):
            continue
        lines = wrap_text(quote, typeface, max_width)
        if lines and len(lines) <= QUOTE_MAX_LINES and len(lines) * line_height <= room:
            return TextBlock(tuple(lines), typeface, QUOTE_COLOUR, line_height)
    return None


def one_line(text: str, typeface: Typeface, max_width: float, colour) -> TextBlock:
    line = " ".join(text.split())
    if typeface.width(line) > max_width:
        line = ellipsized(line, typeface, max_width)
    return TextBlock((line,), typeface, colour, round(typeface.size * 1.3))


def card_blocks(card: Card, fonts: CardFonts, text_width: float) -> list[tuple[int, TextBlock]]:
    """Each block of text with the y it is drawn at: the site's name and kicker at the top,
    the title and quote centred in the height left below them."""
    header = [one_line(card.site_name, typeface_at(fonts.bold, 34), text_width, SITE_NAME_COLOUR)]
    if card.kicker:
        header.append(one_line(card.kicker, typeface_at(fonts.regular, 28), text_width, KICKER_COLOUR))
    top = MARGIN - 8 + sum(block.height for block in header) + 28
    title = title_block(card.title, fonts.bold, text_width)
    body = [(0, title)]
    quote = quote_block(card.quotes, fonts.italic, text_width, CARD_SIZE[1] - MARGIN - top - title.height - 36)
    if quote:
        body.append((title.height + 36, quote))
    spare = CARD_SIZE[1] - MARGIN - top - (body[-1][0] + body[-1][1].height)
    return stacked(header, MARGIN - 8) + [(top + spare // 2 + offset, block) for offset, block in body]


def stacked(blocks: list[TextBlock], top: int) -> list[tuple[int, TextBlock]]:
    """Blocks one under the other from ``top``."""
    placed = []
    for block in blocks:
        placed.append((top, block))
        top += block.height
    return placed


def draw_card(card: Card, fonts: CardFonts, portrait: Image.Image | None = None) -> Image.Image:
    """The 1200×630 card: a palette image, or an RGB one with ``portrait`` at the right when given."""
    text_width = CARD_SIZE[0] - 2 * MARGIN
    portrait_left = CARD_SIZE[0] - MARGIN - PORTRAIT_ON_CARD
    if portrait is not None:
        text_width = portrait_left - 48 - MARGIN
    image = Image.new("L", CARD_SIZE)
    image.paste(shade_of(BAND, 255), (0, 0, 17, CARD_SIZE[1]))
    for y, block in card_blocks(card, fonts, text_width):
        draw_block(image, block, y)
    image.putpalette(PALETTE)
    if portrait is None:
        return image
    image = image.convert("RGB")
    image.paste(square_thumbnail(portrait, PORTRAIT_ON_CARD), (portrait_left, (CARD_SIZE[1] - PORTRAIT_ON_CARD) // 2))
    return image


def draw_block(image: Image.Image, block: TextBlock, y: int) -> None:
    """Draws the block's lines from ``y`` down into ``image``, an image of palette indices.

    The box around the block's glyphs is set to the shade of no coverage, over which each
    glyph's mask blends the full shade: what it leaves is the shade of the pixel's coverage.
    """
    glyphs = [glyph for number, line in enumerate(block.lines)
              for glyph in block.typeface.glyphs((MARGIN, y + number * block.line_height), line)]
    if not glyphs:
        return
    clear = shade_of(block.colour, 0)
    image.paste(clear, bounding_box(glyphs))
    for mask, xy in glyphs:
        image.paste(clear + SHADES - 1, xy, mask)


def bounding_box(glyphs: list[tuple[Image.Image, tuple[int, int]]]) -> tuple[int, int, int, int]:
    """The smallest box holding every placed glyph."""
    lefts, tops, rights, bottoms = zip(*((x, y, x + mask.width, y + mask.height) for mask, (x, y) in glyphs))
    return min(lefts), min(tops), max(rights), max(bottoms)


def shade_of(colour: tuple[int, int, int], coverage: int) -> int:
    """The palette index of ``colour`` drawn over the background with ``coverage`` (0 to 255)."""
    return TEXT_COLOURS.index(colour) * SHADES + round(coverage * (SHADES - 1) / 255)


def card_with_portrait_file(card: Card, fonts: CardFonts, portrait: Path | None = None) -> Image.Image:
    """``draw_card`` with the portrait read from its file."""
    if portrait is None:
        return draw_card(card, fonts)
    with Image.open(portrait) as picture:
        return draw_card(card, fonts, picture)


def thumbnail_of_file(source: Path) -> Image.Image:
    with Image.open(source) as picture:
        return square_thumbnail(picture)


def square_thumbnail(image: Image.Image, size: int = THUMBNAIL_SIZE) -> Image.Image:
    """``image`` centre-cropped to a square and resized to ``size``×``size``."""
    upright = ImageOps.exif_transpose(image).convert("RGB")
    return ImageOps.fit(upright, (size, size), Image.Resampling.LANCZOS, centering=(0.5, 0.5))


@functools.lru_cache(maxsize=64)
def file_digest(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest_of_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, computed once per version of the file."""
    stat = path.stat()
    return file_digest(path, stat.st_mtime_ns, stat.st_size)


def card_key(card: Card, fonts: CardFonts, portrait: Path | None = None) -> str:
    """A hash of everything a card is drawn from."""
    inputs = (LAYOUT_VERSION, card.site_name, card.title, card.kicker, card.quotes, fonts.digests,
              digest_of_file(portrait) if portrait else None)
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def thumbnail_key(source: Path, size: int = THUMBNAIL_SIZE) -> str:
    inputs = f"thumbnail {LAYOUT_VERSION} {size} {digest_of_file(source)}"
    return hashlib.sha256(inputs.encode()).hexdigest()


class ImageCache(FileCache):
    """PNG files kept by key: an image is drawn once per key and linked or copied afterwards."""

    def __init__(self, directory: Path):
        super().__init__(directory, ".png")

    def write(self, key: str, target: Path, draw: Callable[[], Image.Image]) -> bool:
        """Writes the image for ``key`` to ``target``; True when it had to be drawn."""
        return super().write(key, target, functools.partial(save_png, draw))


def save_png(draw: Callable[[], Image.Image], path: Path) -> None:
    path.write_bytes(png_bytes(draw()))


def png_bytes(image: Image.Image) -> bytes:
    """``image`` as a PNG file: its rows unfiltered, deflated with ISA-L a band of rows at a time
    (PNG_BAND_BYTES), as buffers that size are reused, where one the size of the image costs page
    faults every time it is made.

    >>> import io
    >>> Image.open(io.BytesIO(png_bytes(Image.new("RGB", (3, 2), "teal")))).getpixel((2, 1))
    (0, 128, 128)
    """
    if image.mode not in PNG_COLOUR_TYPES:
        raise ValueError(f"cannot write a {image.mode} image as PNG: convert it to one of {', '.join(PNG_COLOUR_TYPES)}")
    width, height = image.size
    stride = width * len(image.getbands())
    rows_per_band = max(1, PNG_BAND_BYTES // stride)
    deflate = isal_zlib.compressobj(PNG_DEFLATE_LEVEL)
    deflated = [deflate.compress(unfiltered_rows(image.crop((0, top, width, min(top + rows_per_band, height))), stride))
                for top in range(0, height, rows_per_band)]
    chunks = [(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, PNG_COLOUR_TYPES[image.mode], 0, 0, 0))]
    if image.mode == "P":
        chunks.append((b"PLTE", bytes(image.getpalette())))
    chunks += [(b"IDAT", b"".join([*deflated, deflate.flush()])), (b"IEND", b"")]
    return PNG_SIGNATURE + b"".join(png_chunk(kind, data) for kind, data in chunks)


def unfiltered_rows(band: Image.Image, stride: int) -> bytes:
    """The band's rows as PNG stores them with no filter: each after a zero byte."""
    pixels = band.tobytes()
    return b"".join(b"\0" + pixels[start:start + stride] for start in range(0, len(pixels), stride))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: its length, kind, data and the CRC of kind and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
