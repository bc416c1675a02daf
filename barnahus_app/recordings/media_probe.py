"""Container, format and duration of a recording, read from its headers only.

Recordings are registered straight from evidence storage and can be many gigabytes, so the probe
reads a bounded number of bytes (MAX_BYTES, in at most MAX_READS reads) wherever the file is: it
seeks over MP4 boxes, RIFF chunks and EBML elements by their declared sizes instead of reading
them. It identifies a file by its magic bytes, never by its name, and is read-only and stdlib only.

Every header is treated as hostile: sizes that point past the end, below their own header or
nowhere stop the walk, and whatever was read safely so far is returned. probe() raises only
OSError (the file cannot be opened or read); any other input gives a MediaInfo, possibly empty.
"""
from __future__ import annotations

import math
import os
import stat
import struct
from dataclasses import dataclass

from barnahus_app.fields import SQLITE_INTEGER_MAX

MAX_BYTES = 512 * 1024      # total bytes read from one file
MAX_READS = 1024            # reads (seeks) per file: evidence may sit on a slow network share
EBML_WINDOW = 256 * 1024    # Matroska Info is looked for only this far into the file
MAX_MS = SQLITE_INTEGER_MAX  # a duration in ms must fit an SQLite INTEGER


@dataclass(frozen=True)
class MediaInfo:
    container: str | None = None     # mp4 mov matroska webm avi wav flac ogg mp3 mpeg-ts, or None
    media_format: str | None = None  # short human text, e.g. "PCM 16-bit 48000 Hz stereo"
    duration_ms: int | None = None   # only when the headers state it


NOTHING = MediaInfo()


def probe(path) -> MediaInfo:
    """What the headers of the file at path say. Raises only OSError."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        return NOTHING      # a FIFO or device would block or never end; a directory fails in open()
    with open(path, "rb", buffering=0) as f:    # unbuffered: no hidden read-ahead past the budget
        reader = _Reader(f, os.fstat(f.fileno()).st_size)
        head = reader.read_at(0, 1024)
        container = None
        try:
            container, parse = _identify(head)
            return parse(reader, head) if parse else NOTHING
        except OSError:
            raise
        except Exception:   # a header shape no check foresaw: still never fail a registration
            return MediaInfo(container)


class _Reader:
    """Positional reads within the file and the budget; out-of-range reads return b""."""

    def __init__(self, f, size: int):
        self.f, self.size = f, size
        self.left, self.reads = MAX_BYTES, MAX_READS

    def read_at(self, offset: int, n: int) -> bytes:
        if offset < 0 or offset >= self.size or n <= 0 or self.reads <= 0:
            return b""      # checked before seek(): huge offsets would overflow it
        n = min(n, self.size - offset, self.left)
        if n <= 0:
            return b""
        self.reads -= 1
        self.f.seek(offset)
        data = self.f.read(n) or b""
        self.left -= len(data)
        return data


# --- identification ------------------------------------------------------------------------------

_QT_TOP = {b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"}   # QuickTime files before ftyp


def _identify(head: bytes):
    """(container, parser) from the magic bytes; parser is None when there is nothing more to read."""
    if len(head) >= 8 and head[4:8] == b"ftyp":
        return ("mov" if head[8:12] == b"qt  " else "mp4"), _isobmff
    if len(head) >= 8 and head[4:8] in _QT_TOP and not 2 <= struct.unpack(">I", head[:4])[0] < 8:
        return "mov", _isobmff              # size 0 (to end), 1 (64-bit) or a real box size
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "matroska", _matroska
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi", _avi
    if head[:4] in (b"RIFF", b"RF64", b"BW64") and head[8:12] == b"WAVE":
        return "wav", _wav
    if head[:4] == b"fLaC":
        return "flac", _flac
    if head[:4] == b"OggS":
        return "ogg", _ogg
    if head[:3] == b"ID3":
        return "mp3", _id3
    if _mpeg_audio(head, 0, check_next=True):
        return "mp3", _mp3
    if _ts_sync(head, 0, 188):
        return "mpeg-ts", lambda r, h: MediaInfo("mpeg-ts", "MPEG transport stream")
    if _ts_sync(head, 4, 192):
        return "mpeg-ts", lambda r, h: MediaInfo("mpeg-ts", "MPEG transport stream (192-byte packets)")
    # Known but outside the container list: the format text still tells a person what it is.
    if head[:4] == b"\x00\x00\x01\xba":
        return None, lambda r, h: MediaInfo(None, "MPEG program stream")
    if head[:16] == bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c"):
        return None, lambda r, h: MediaInfo(None, "ASF (Windows Media)")
    return None, None


def _ts_sync(head: bytes, first: int, step: int) -> bool:
    # One 0x47 byte is an ASCII "G"; several at packet spacing is a transport stream.
    spots = [p for p in range(first, first + 5 * step, step) if p < len(head)]
    return len(spots) >= 2 and all(head[p] == 0x47 for p in spots)


# --- shared helpers ------------------------------------------------------------------------------

def _ms(num: int, den: int) -> int | None:
    """num/den seconds in whole milliseconds (rounded), or None when the header is unusable."""
    if den <= 0 or num < 0:
        return None
    ms = (num * 2000 + den) // (2 * den)
    return ms if ms <= MAX_MS else None


def _ms_float(seconds: float) -> int | None:
    if not math.isfinite(seconds) or seconds < 0 or seconds * 1000 > MAX_MS:
        return None
    return int(round(seconds * 1000))


def _text(raw: bytes, limit: int = 32) -> str:
    """Header text made safe to store and show: printable ASCII, short."""
    s = raw.split(b"\0", 1)[0].decode("ascii", "replace")
    return "".join(c if c.isprintable() and c != "\ufffd" else "?" for c in s).strip()[:limit]


def _channels(n: int) -> str:
    return {1: "mono", 2: "stereo"}.get(n, f"{n} channels")


def _audio_text(name: str, bits: int, rate: int, channels: int) -> str:
    parts = [name] + ([f"{bits}-bit"] if bits else []) + [f"{rate} Hz", _channels(channels)]
    return " ".join(parts)


# --- MP4 / QuickTime (ISO base media) ------------------------------------------------------------

def _boxes(r: _Reader, start: int, end: int, limit: int = 4096):
    """(type, body offset, body end) of the boxes in [start, end), seeking over their bodies."""
    pos = start
    for _ in range(limit):
        if pos + 8 > end:
            return
        h = r.read_at(pos, 16)
        if len(h) < 8:
            return
        size, kind = struct.unpack(">I4s", h[:8])
        hlen = 8
        if size == 1:                       # 64-bit largesize follows the type
            if len(h) < 16:
                return
            size, hlen = struct.unpack(">Q", h[8:16])[0], 16
        elif size == 0:                     # runs to the end of its parent (or of the file)
            size = end - pos
        if size < hlen:                     # would not move forward: stop rather than loop
            return
        yield kind, pos + hlen, min(pos + size, end)
        pos += size


def _isobmff(r: _Reader, head: bytes) -> MediaInfo:
    if head[4:8] == b"ftyp":
        brand = _text(head[8:12], 4)
        container = "mov" if head[8:12] == b"qt  " else "mp4"
        fmt = f"QuickTime movie (brand {brand})" if container == "mov" else f"ISO base media (brand {brand})"
    else:
        container, fmt = "mov", "QuickTime movie"
    for kind, body, end in _boxes(r, 0, r.size):
        if kind == b"moov":                 # often last, after gigabytes of mdat
            return MediaInfo(container, fmt, _moov_duration(r, body, end))
    return MediaInfo(container, fmt)


def _moov_duration(r: _Reader, start: int, end: int) -> int | None:
    timescale = duration = None
    for kind, body, box_end in _boxes(r, start, end, limit=256):
        if kind == b"mvhd":
            d = r.read_at(body, 32)
            if d[:1] == b"\x01" and len(d) >= 32:
                timescale, duration = struct.unpack(">IQ", d[20:32])
                unknown = 2**64 - 1
            elif d[:1] == b"\x00" and len(d) >= 20:
                timescale, duration = struct.unpack(">II", d[12:20])
                unknown = 2**32 - 1
            else:
                return None
            if duration == unknown:
                duration = None
            if duration:
                break
        elif kind == b"mvex" and timescale:  # fragmented: mvhd says 0, mehd may say the total
            for sub, sbody, _ in _boxes(r, body, box_end, limit=64):
                if sub == b"mehd":
                    d = r.read_at(sbody, 12)
                    if d[:1] == b"\x01" and len(d) >= 12:
                        duration = struct.unpack(">Q", d[4:12])[0]
                    elif d[:1] == b"\x00" and len(d) >= 8:
                        duration = struct.unpack(">I", d[4:8])[0]
                    break
            break
    if not timescale or not duration:       # 0 is "not known" in fragmented files
        return None
    return _ms(duration, timescale)


# --- Matroska / WebM (EBML) ----------------------------------------------------------------------

EBML_HEADER, DOCTYPE = 0x1A45DFA3, 0x4282
SEGMENT, INFO, CLUSTER = 0x18538067, 0x1549A966, 0x1F43B675
TIMECODE_SCALE, DURATION = 0x2AD7B1, 0x4489


def _vint(buf: bytes, pos: int, max_len: int):
    """(raw with marker, value, length, all value bits set = "unknown") of the EBML variable-length
    integer at pos, or None."""
    if pos >= len(buf) or buf[pos] == 0:
        return None
    length = 9 - buf[pos].bit_length()
    if length > max_len or pos + length > len(buf):
        return None
    raw = int.from_bytes(buf[pos:pos + length], "big")
    data = raw & ((1 << (7 * length)) - 1)
    return raw, data, length, data == (1 << (7 * length)) - 1


def _element(buf: bytes, pos: int):
    """(id, body offset, size or None if unknown) of the element at pos in buf, or None."""
    eid = _vint(buf, pos, 4)
    if eid is None:
        return None
    size = _vint(buf, pos + eid[2], 8)
    if size is None:
        return None
    return eid[0], pos + eid[2] + size[2], (None if size[3] else size[1])


def _elements(buf: bytes, start: int, end: int, limit: int = 256):
    pos = start
    for _ in range(limit):
        el = _element(buf, pos) if pos < end else None
        if el is None:
            return
        yield el
        if el[2] is None:                   # unknown size: nothing after it can be found
            return
        pos = el[1] + el[2]


def _file_elements(r: _Reader, start: int, end: int, limit: int = 64):
    """Like _elements, but reads each header from the file so large bodies are skipped unread."""
    pos = start
    for _ in range(limit):
        el = _element(r.read_at(pos, 12), 0) if pos < end else None
        if el is None:
            return
        eid, body, size = el[0], pos + el[1], el[2]
        yield eid, body, size
        if size is None:
            return
        pos = body + size


def _uint(b: bytes) -> int:
    return int.from_bytes(b, "big") if len(b) <= 8 else 0


def _matroska(r: _Reader, head: bytes) -> MediaInfo:
    first = _element(head, 0)
    if first is None or first[2] is None:
        return MediaInfo("matroska", "Matroska")
    _, body, size = first
    header = r.read_at(0, min(body + size, 4096))
    doctype = "matroska"                    # the EBML default when DocType is absent
    for eid, ebody, esize in _elements(header, body, len(header)):
        if eid == DOCTYPE and esize is not None:
            doctype = _text(header[ebody:ebody + esize]) or doctype
    if doctype in ("matroska", "webm"):
        container, fmt = doctype, f"Matroska (DocType {doctype})"
    else:
        container, fmt = None, f"EBML (DocType {doctype})"
    end = min(r.size, EBML_WINDOW)
    for eid, sbody, ssize in _file_elements(r, body + size, end, limit=8):
        if eid == SEGMENT:
            return MediaInfo(container, fmt, _segment_duration(r, sbody, end))
    return MediaInfo(container, fmt)


def _segment_duration(r: _Reader, start: int, end: int) -> int | None:
    for eid, body, size in _file_elements(r, start, end):
        if eid == CLUSTER or size is None:  # media data: Info, if any, is not cheap to find
            return None
        if eid != INFO:
            continue
        info = r.read_at(body, min(size, 64 * 1024))
        scale, duration = 1_000_000, None   # TimecodeScale default: 1 ms per tick
        for cid, cbody, csize in _elements(info, 0, len(info)):
            value = info[cbody:cbody + csize] if csize is not None else b""
            if csize is None or len(value) != csize:
                break                       # truncated inside Info
            if cid == TIMECODE_SCALE and 0 < csize <= 8:
                scale = _uint(value) or scale
            elif cid == DURATION and csize in (4, 8):
                duration = struct.unpack(">f" if csize == 4 else ">d", value)[0]
        if duration is None:
            return None
        return _ms_float(duration * scale / 1e9)
    return None


# --- RIFF: AVI and WAV ---------------------------------------------------------------------------

def _chunks(r: _Reader, start: int, end: int, limit: int = 256):
    """(fourcc, body offset, declared size) of the RIFF chunks in [start, end)."""
    pos = start
    for _ in range(limit):
        if pos + 8 > end:
            return
        h = r.read_at(pos, 8)
        if len(h) < 8:
            return
        size = struct.unpack("<I", h[4:8])[0]
        yield h[:4], pos + 8, size
        pos += 8 + size + (size & 1)        # bodies are padded to an even length


def _avi(r: _Reader, head: bytes) -> MediaInfo:
    avih = dmlh = None
    for fourcc, body, size in _chunks(r, 12, r.size):
        if fourcc == b"LIST" and r.read_at(body, 4) == b"hdrl":
            hdrl_end = min(body + size, r.size)
            for sub, sbody, ssize in _chunks(r, body + 4, hdrl_end):
                if sub == b"avih":
                    avih = r.read_at(sbody, min(ssize, 40))
                elif sub == b"LIST" and r.read_at(sbody, 4) == b"odml":
                    for sub2, s2body, _ in _chunks(r, sbody + 4, min(sbody + ssize, hdrl_end), limit=16):
                        if sub2 == b"dmlh":
                            dmlh = r.read_at(s2body, 4)
                            break
            break
    if avih is None or len(avih) < 40:
        return MediaInfo("avi", "AVI")
    usec, _, _, _, frames, _, _, _, width, height = struct.unpack("<10I", avih)
    if dmlh is not None and len(dmlh) == 4:
        frames = struct.unpack("<I", dmlh)[0] or frames   # avih counts the first RIFF only
    fmt = f"AVI {width}x{height}" if width and height else "AVI"
    if dmlh is not None:
        fmt += " (OpenDML)"
    return MediaInfo("avi", fmt, _ms(usec * frames, 1_000_000) if usec and frames else None)


_WAVE_TAGS = {0x0001: "PCM", 0x0002: "MS ADPCM", 0x0003: "IEEE float", 0x0006: "A-law",
              0x0007: "mu-law", 0x0011: "IMA ADPCM", 0x0050: "MPEG audio", 0x0055: "MP3"}
_PCM_LIKE = (0x0001, 0x0003, 0x0006, 0x0007)


def _wav(r: _Reader, head: bytes) -> MediaInfo:
    kind = head[:4]
    ds64_data = None
    fmt_chunk = None
    data = None                             # (body offset, declared size)
    for fourcc, body, size in _chunks(r, 12, r.size):
        if fourcc == b"ds64" and size >= 24:
            d = r.read_at(body, 24)
            if len(d) == 24:
                ds64_data = struct.unpack("<Q", d[8:16])[0]
        elif fourcc == b"fmt ":
            fmt_chunk = r.read_at(body, min(size, 40))
        elif fourcc == b"data":
            data = (body, size)
            if size == 0xFFFFFFFF:          # its real size is elsewhere (ds64) or unknown
                break
        if fmt_chunk is not None and data is not None:
            break
    if fmt_chunk is None or len(fmt_chunk) < 16:
        return MediaInfo("wav", "WAV")
    tag, channels, rate, byte_rate, block_align, bits = struct.unpack("<HHIIHH", fmt_chunk[:16])
    if tag == 0xFFFE and len(fmt_chunk) >= 26:      # WAVE_FORMAT_EXTENSIBLE: the SubFormat GUID
        tag = struct.unpack("<H", fmt_chunk[24:26])[0]
    name = _WAVE_TAGS.get(tag, f"WAV format 0x{tag:04X}")
    text = _audio_text(name, bits if tag in _PCM_LIKE else 0, rate, channels)
    if kind != b"RIFF":
        text += f" ({_text(kind)})"
    return MediaInfo("wav", text, _wav_duration(r, kind, data, ds64_data, tag, rate, byte_rate, block_align))


def _wav_duration(r, kind, data, ds64_data, tag, rate, byte_rate, block_align) -> int | None:
    if data is None:
        return None
    body, size = data
    if size == 0xFFFFFFFF:
        if kind == b"RIFF" or ds64_data is None:
            return None                     # a streamed or over-4-GB file: not stated anywhere
        size = ds64_data
    present = max(r.size - body, 0)
    if size == 0 and present:
        return None                         # a writer that never came back to fill it in
    size = min(size, present)               # a cut-off recording plays only what is there
    if tag in _PCM_LIKE and block_align and rate:
        return _ms(size // block_align, rate)
    return _ms(size, byte_rate) if byte_rate else None


# --- FLAC, Ogg, MP3 ------------------------------------------------------------------------------

def _flac(r: _Reader, head: bytes, offset: int = 0) -> MediaInfo:
    block = r.read_at(offset + 4, 4 + 34)
    if len(block) < 38 or block[0] & 0x7F != 0:     # STREAMINFO must come first
        return MediaInfo("flac", "FLAC")
    bits = int.from_bytes(block[14:22], "big")
    rate, channels = bits >> 44, ((bits >> 41) & 0x7) + 1
    depth, samples = ((bits >> 36) & 0x1F) + 1, bits & ((1 << 36) - 1)
    if not rate:
        return MediaInfo("flac", "FLAC")
    fmt = _audio_text("FLAC", depth, rate, channels)
    return MediaInfo("flac", fmt, _ms(samples, rate) if samples else None)   # 0: length unknown


_OGG_CODECS = ((b"\x01vorbis", "Ogg Vorbis"), (b"OpusHead", "Ogg Opus"), (b"\x7fFLAC", "Ogg FLAC"),
               (b"\x80theora", "Ogg Theora"), (b"Speex   ", "Ogg Speex"))


def _ogg(r: _Reader, head: bytes) -> MediaInfo:
    if len(head) >= 27:
        start = 27 + head[26]               # after the segment table: the first packet
        for magic, name in _OGG_CODECS:
            if head[start:start + len(magic)] == magic:
                return MediaInfo("ogg", name)
    return MediaInfo("ogg", "Ogg")


_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_MP3_KBPS_V1 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_MP3_KBPS_V2 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_MP3_VERSIONS = {3: "MPEG-1", 2: "MPEG-2", 0: "MPEG-2.5"}


def _mpeg_audio(buf: bytes, pos: int, check_next: bool):
    """(version, rate, kbit/s, frame length) of an MPEG Layer III frame header at pos, or None."""
    h = buf[pos:pos + 4]
    if len(h) < 4 or h[0] != 0xFF or h[1] & 0xE0 != 0xE0:
        return None
    version, layer = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    kbps_i, rate_i, pad = h[2] >> 4, (h[2] >> 2) & 3, (h[2] >> 1) & 1
    if version == 1 or layer != 1 or kbps_i in (0, 15) or rate_i == 3:
        return None
    rate = _MP3_RATES[version][rate_i]
    kbps = (_MP3_KBPS_V1 if version == 3 else _MP3_KBPS_V2)[kbps_i]
    length = (144 if version == 3 else 72) * kbps * 1000 // rate + pad
    # Random bytes may look like one header, rarely like two in a row (when both were read).
    if check_next and pos + length + 4 <= len(buf) and _mpeg_audio(buf, pos + length, False) is None:
        return None
    return version, rate, kbps, length


def _mp3_text(buf: bytes, pos: int) -> str | None:
    frame = _mpeg_audio(buf, pos, check_next=False)
    if frame is None:
        return None
    version, rate, kbps, _ = frame
    return f"{_MP3_VERSIONS[version]} Layer III {rate} Hz {kbps} kbit/s"


def _mp3(r: _Reader, head: bytes) -> MediaInfo:
    return MediaInfo("mp3", _mp3_text(head, 0) or "MPEG audio")


def _id3(r: _Reader, head: bytes) -> MediaInfo:
    # An ID3v2 tag can precede FLAC as well as MP3; what follows the tag decides.
    if len(head) < 10 or any(b & 0x80 for b in head[6:10]):
        return MediaInfo("mp3", "MPEG audio with ID3 tag")
    size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
    end = 10 + size + (10 if head[5] & 0x10 else 0)     # footer flag
    after = r.read_at(end, 4)
    if after == b"fLaC":
        return _flac(r, head, end)
    text = _mp3_text(after, 0)
    return MediaInfo("mp3", text or f"MPEG audio with ID3v2.{head[3]} tag")
