"""media_probe reads container, format and duration from headers only, on real files built here,
and never fails or reads a large file through, whatever the headers say."""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import struct
import subprocess
import wave

import pytest

from barnahus_app.recordings import media_probe
from barnahus_app.recordings.media_probe import MediaInfo, probe

GB2 = 2 * 1024**3


# --- builders ------------------------------------------------------------------------------------

def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def ftyp(brand=b"isom") -> bytes:
    return box(b"ftyp", brand + struct.pack(">I", 512) + brand + b"mp41")


def mvhd(timescale: int, duration: int, version: int = 0) -> bytes:
    if version == 1:
        body = struct.pack(">B3xQQIQ", 1, 0, 0, timescale, duration)
    else:
        body = struct.pack(">B3xIIII", 0, 0, 0, timescale, duration)
    return box(b"mvhd", body + bytes(80))      # rate, volume, matrix, next track id: unread


def moov(timescale=1000, duration=0, version=0, extra=b"") -> bytes:
    return box(b"moov", mvhd(timescale, duration, version) + extra)


def ebml(eid: int, payload: bytes, unknown_size=False) -> bytes:
    eid_bytes = eid.to_bytes((eid.bit_length() + 7) // 8, "big")
    if unknown_size:
        size = b"\x01\xff\xff\xff\xff\xff\xff\xff"
    else:   # the shortest form, as muxers write small elements
        n = next(n for n in range(1, 9) if len(payload) < 2 ** (7 * n) - 1)
        size = ((1 << (7 * n)) | len(payload)).to_bytes(n, "big")
    return eid_bytes + size + payload


def matroska(doctype=b"webm", duration: float | None = 12345.0, scale: int | None = None,
             float32=False, before_info=b"", unknown_segment=True) -> bytes:
    header = ebml(0x1A45DFA3, ebml(0x4286, b"\x01") + ebml(0x4282, doctype))
    info = ebml(0x4D80, b"test muxer")
    if scale is not None:
        info += ebml(0x2AD7B1, scale.to_bytes(3, "big"))
    if duration is not None:
        info += ebml(0x4489, struct.pack(">f" if float32 else ">d", duration))
    body = before_info + ebml(0x1549A966, info) + ebml(0x1654AE6B, b"") + ebml(0x1F43B675, bytes(64))
    return header + ebml(0x18538067, body, unknown_size=unknown_segment)


def riff_chunk(fourcc: bytes, payload: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(payload)) + payload + (b"\0" if len(payload) % 2 else b"")


def avi(usec_per_frame=40000, frames=250, dmlh_frames=None) -> bytes:
    avih = struct.pack("<10I", usec_per_frame, 0, 0, 0x10, frames, 0, 1, 0, 640, 480) + bytes(16)
    hdrl = b"hdrl" + riff_chunk(b"avih", avih) + riff_chunk(b"LIST", b"strl" + riff_chunk(b"strh", bytes(56)))
    if dmlh_frames is not None:
        hdrl += riff_chunk(b"LIST", b"odml" + riff_chunk(b"dmlh", struct.pack("<I", dmlh_frames) + bytes(244)))
    body = b"AVI " + riff_chunk(b"LIST", hdrl) + riff_chunk(b"LIST", b"movi" + riff_chunk(b"00dc", b"x"))
    return b"RIFF" + struct.pack("<I", len(body)) + body


def flac(rate=44100, channels=2, bps=16, samples=44100 * 3 + 22050) -> bytes:
    packed = (rate << 44) | ((channels - 1) << 41) | ((bps - 1) << 36) | samples
    streaminfo = struct.pack(">HH", 4096, 4096) + bytes(6) + packed.to_bytes(8, "big") + bytes(16)
    return b"fLaC" + bytes([0x80, 0, 0, 34]) + streaminfo


def ogg_vorbis() -> bytes:
    packet = b"\x01vorbis" + struct.pack("<IBI", 0, 2, 44100) + bytes(13)
    return b"OggS" + bytes([0, 2]) + bytes(20) + bytes([1, len(packet)]) + packet


MP3_FRAME = b"\xff\xfb\x90\x64" + bytes(413)    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417 bytes


def id3_mp3() -> bytes:
    tag = b"TIT2" + struct.pack(">I", 6) + b"\0\0\0title"
    return b"ID3\x04\x00\x00" + bytes([0, 0, 0, len(tag)]) + tag + MP3_FRAME * 3


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def write_wav(path, rate, channels, width, frames):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(frames * channels * width))
    return path


class CountingFile(io.FileIO):
    """A real file that counts the bytes the probe reads through it."""
    total = 0

    def read(self, n=-1):
        data = super().read(n)
        CountingFile.total += len(data or b"")
        return data

    def readinto(self, b):
        n = super().readinto(b)
        CountingFile.total += n or 0
        return n


@pytest.fixture
def counted(monkeypatch):
    CountingFile.total = 0

    def counting_open(path, mode="r", buffering=-1):
        assert mode == "rb"
        raw = CountingFile(path, "rb")
        return raw if buffering == 0 else io.BufferedReader(raw)
    monkeypatch.setattr(media_probe, "open", counting_open, raising=False)
    return CountingFile


# --- WAV -----------------------------------------------------------------------------------------

def test_wav_from_the_wave_module(tmp_path):
    path = write_wav(tmp_path / "a.bin", 48000, 2, 2, 72000)       # 1.5 s; the name says nothing
    assert probe(path) == MediaInfo("wav", "PCM 16-bit 48000 Hz stereo", 1500)
    path = write_wav(tmp_path / "b.wav", 8000, 1, 1, 8000 * 61 + 4)   # 61.0005 s
    assert probe(path) == MediaInfo("wav", "PCM 8-bit 8000 Hz mono", 61001)


def test_wav_odd_chunk_before_fmt_and_data(tmp_path):
    fmt = struct.pack("<HHIIHH", 1, 2, 44100, 44100 * 6, 6, 24)
    body = b"WAVE" + riff_chunk(b"LIST", b"INFOabc") + riff_chunk(b"fmt ", fmt) + riff_chunk(b"data", bytes(44100 * 6 * 2))
    path = write(tmp_path, "x", b"RIFF" + struct.pack("<I", len(body)) + body)
    assert probe(path) == MediaInfo("wav", "PCM 24-bit 44100 Hz stereo", 2000)


def test_wav_size_not_stated_and_rf64(tmp_path):
    fmt = riff_chunk(b"fmt ", struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16))
    streamed = b"RIFF\xff\xff\xff\xffWAVE" + fmt + b"data\xff\xff\xff\xff" + bytes(32000)
    assert probe(write(tmp_path, "s", streamed)) == MediaInfo("wav", "PCM 16-bit 16000 Hz mono", None)
    rf64_no_ds64 = b"RF64\xff\xff\xff\xffWAVE" + fmt + b"data\xff\xff\xff\xff" + bytes(32000)
    assert probe(write(tmp_path, "r", rf64_no_ds64)).duration_ms is None
    ds64 = riff_chunk(b"ds64", struct.pack("<QQQI", 0, 32000, 16000, 0))
    rf64 = b"RF64\xff\xff\xff\xffWAVE" + ds64 + fmt + b"data\xff\xff\xff\xff" + bytes(32000)
    assert probe(write(tmp_path, "r2", rf64)) == MediaInfo("wav", "PCM 16-bit 16000 Hz mono (RF64)", 1000)


def test_wav_cut_off_recording_counts_what_is_there(tmp_path):
    data = write_wav(tmp_path / "w.wav", 8000, 1, 2, 8000 * 4).read_bytes()
    path = write(tmp_path, "cut", data[:44 + 16000])                 # header says 4 s, 1 s present
    assert probe(path).duration_ms == 1000


# --- MP4 / QuickTime -----------------------------------------------------------------------------

@pytest.mark.parametrize("version", [0, 1])
def test_mp4_moov_at_the_end_of_a_2gb_sparse_file(tmp_path, counted, version):
    path = tmp_path / "interview.mp4"
    mdat_start = len(ftyp())
    with open(path, "wb") as f:
        f.write(ftyp())
        f.write(struct.pack(">I4sQ", 1, b"mdat", 16 + GB2))         # size 1: 64-bit largesize
        f.truncate(mdat_start + 16 + GB2)                            # sparse: no data written
        f.seek(mdat_start + 16 + GB2)
        f.write(moov(timescale=90000, duration=90000 * 3600 + 4500, version=version))
    assert os.path.getsize(path) > GB2
    assert probe(path) == MediaInfo("mp4", "ISO base media (brand isom)", 3600050)
    assert 0 < counted.total < 1024 * 1024


def test_mp4_moov_first_and_size_zero_boxes(tmp_path):
    data = ftyp(b"mp42") + moov(600, 600 * 95) + struct.pack(">I4s", 0, b"mdat") + bytes(100)
    assert probe(write(tmp_path, "a", data)) == MediaInfo("mp4", "ISO base media (brand mp42)", 95000)
    # moov with size 0 runs to the end of the file
    data = ftyp() + box(b"free") + struct.pack(">I4s", 0, b"moov") + mvhd(1000, 1234)
    assert probe(write(tmp_path, "b", data)).duration_ms == 1234


def test_quicktime(tmp_path):
    assert probe(write(tmp_path, "a", ftyp(b"qt  ") + moov(30000, 30030))) == \
        MediaInfo("mov", "QuickTime movie (brand qt)", 1001)
    assert probe(write(tmp_path, "b", box(b"wide") + box(b"mdat", bytes(50)) + moov(1000, 500))) == \
        MediaInfo("mov", "QuickTime movie", 500)


def test_mp4_unknown_or_unusable_durations(tmp_path):
    for i, m in enumerate([moov(0, 1000), moov(1000, 0xFFFFFFFF), moov(1000, 2**64 - 1, 1), moov(1000, 0),
                           moov(1, 2**64 - 2, 1)]):                  # the last overflows 64-bit ms
        assert probe(write(tmp_path, f"m{i}", ftyp() + m)) == MediaInfo("mp4", "ISO base media (brand isom)")


def test_fragmented_mp4_takes_the_duration_from_mehd(tmp_path):
    mvex = box(b"mvex", box(b"trex", bytes(24)) + box(b"mehd", struct.pack(">B3xI", 0, 7000)))
    data = ftyp(b"iso6") + moov(1000, 0, extra=mvex) + box(b"moof", bytes(16)) + box(b"mdat", bytes(16))
    assert probe(write(tmp_path, "f", data)).duration_ms == 7000


def test_hostile_box_sizes_end_quickly(tmp_path, counted):
    cases = {
        "largesize beyond the file": ftyp() + struct.pack(">I4sQ", 1, b"mdat", 2**64 - 1) + moov(1000, 1),
        "largesize below its header": ftyp() + struct.pack(">I4sQ", 1, b"mdat", 3) + moov(1000, 1),
        "largesize cut off": ftyp() + struct.pack(">I4s", 1, b"mdat") + b"\0\0",
        "size 4": ftyp() + struct.pack(">I4s", 4, b"free") + moov(1000, 1),
        "size 7 in moov": ftyp() + box(b"moov", struct.pack(">I4s", 7, b"trak") + mvhd(1000, 1)),
        "mvhd cut short": ftyp() + box(b"moov", box(b"mvhd", b"\0\0\0\0\0\0")),
        "mvhd version 9": ftyp() + box(b"moov", box(b"mvhd", b"\x09" + bytes(40))),
        "ftyp size 0 only": struct.pack(">I4s", 0, b"ftyp") + b"isom",
        "many tiny boxes": ftyp() + box(b"free") * 20000 + moov(1000, 1),
    }
    for name, data in cases.items():
        info = probe(write(tmp_path, name.replace(" ", "_"), data))
        assert info.container == "mp4" and info.duration_ms is None, name
    assert counted.total < 1024 * 1024


# --- Matroska / WebM -----------------------------------------------------------------------------

def test_webm_and_matroska(tmp_path):
    assert probe(write(tmp_path, "a", matroska())) == MediaInfo("webm", "Matroska (DocType webm)", 12345)
    void = ebml(0xEC, bytes(100_000))                               # skipped by its size, unread
    info = probe(write(tmp_path, "b", matroska(b"matroska", 500.25, 100_000, float32=True,
                                               before_info=void, unknown_segment=False)))
    assert info == MediaInfo("matroska", "Matroska (DocType matroska)", 50)
    assert probe(write(tmp_path, "c", matroska(duration=None))) == MediaInfo("webm", "Matroska (DocType webm)")
    assert probe(write(tmp_path, "d", matroska(b"other"))) == MediaInfo(None, "EBML (DocType other)", 12345)


def test_matroska_info_beyond_the_window_or_hostile(tmp_path):
    far = matroska(before_info=ebml(0xEC, bytes(300_000)))
    assert probe(write(tmp_path, "far", far)) == MediaInfo("webm", "Matroska (DocType webm)")
    for i, duration in enumerate([float("nan"), float("inf"), -5.0, 1e300]):
        assert probe(write(tmp_path, f"d{i}", matroska(duration=duration))).duration_ms is None
    bad_vint = b"\x1a\x45\xdf\xa3\x00\x00\x00"                          # a zero length byte
    assert probe(write(tmp_path, "v", bad_vint)) == MediaInfo("matroska", "Matroska")


# --- AVI, FLAC, Ogg, MP3, MPEG-TS ----------------------------------------------------------------

def test_avi(tmp_path):
    assert probe(write(tmp_path, "a", avi())) == MediaInfo("avi", "AVI 640x480", 10000)
    # OpenDML: avih counts the frames of the first RIFF only
    assert probe(write(tmp_path, "b", avi(33367, 100, dmlh_frames=1800))) == \
        MediaInfo("avi", "AVI 640x480 (OpenDML)", 60061)
    assert probe(write(tmp_path, "c", avi(frames=0))).duration_ms is None


def test_flac(tmp_path):
    assert probe(write(tmp_path, "a", flac())) == MediaInfo("flac", "FLAC 16-bit 44100 Hz stereo", 3500)
    assert probe(write(tmp_path, "b", flac(96000, 1, 24, 0))) == MediaInfo("flac", "FLAC 24-bit 96000 Hz mono")
    id3 = b"ID3\x03\x00\x00\x00\x00\x00\x05" + bytes(5)
    assert probe(write(tmp_path, "c", id3 + flac())).duration_ms == 3500


def test_ogg_mp3_ts_container_only(tmp_path):
    assert probe(write(tmp_path, "a", ogg_vorbis())) == MediaInfo("ogg", "Ogg Vorbis")
    assert probe(write(tmp_path, "b", id3_mp3())) == MediaInfo("mp3", "MPEG-1 Layer III 44100 Hz 128 kbit/s")
    assert probe(write(tmp_path, "c", MP3_FRAME * 3)).container == "mp3"
    assert probe(write(tmp_path, "d", b"ID3\x03\x00\x00\x00\x00\x00\x00")) == \
        MediaInfo("mp3", "MPEG audio with ID3v2.3 tag")
    ts = (b"\x47\x40\x00\x10" + bytes(184)) * 4
    assert probe(write(tmp_path, "e", ts)) == MediaInfo("mpeg-ts", "MPEG transport stream")
    m2ts = (bytes(4) + b"\x47\x40\x00\x10" + bytes(184)) * 4
    assert probe(write(tmp_path, "f", m2ts)).container == "mpeg-ts"
    # Outside the container list: named in the format text only.
    assert probe(write(tmp_path, "g", b"\x00\x00\x01\xba" + bytes(60))) == MediaInfo(None, "MPEG program stream")
    asf = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c") + bytes(40)
    assert probe(write(tmp_path, "h", asf)) == MediaInfo(None, "ASF (Windows Media)")


# --- nothing to say, and failures ----------------------------------------------------------------

def test_garbage_empty_and_text(tmp_path):
    rnd = random.Random(7)
    for i in range(50):
        data = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(1, 3000)))
        assert probe(write(tmp_path, f"g{i}", data)).container is None
    assert probe(write(tmp_path, "empty", b"")) == MediaInfo(None, None, None)
    assert probe(write(tmp_path, "text", b"Hello, this is not a recording.\n")) == MediaInfo()
    assert probe(write(tmp_path, "one G", b"G")) == MediaInfo()
    assert probe(write(tmp_path, "mp3 look-alike", MP3_FRAME[:4] + b"\x12" * 600)) == MediaInfo()


def test_2gb_sparse_file_of_zeros_is_not_read_through(tmp_path, counted):
    path = tmp_path / "zeros.mp4"
    with open(path, "wb") as f:
        f.truncate(GB2)
    assert probe(path) == MediaInfo()
    assert counted.total <= 1024


SAMPLES = {"mp4": ftyp() + box(b"mdat", bytes(20)) + moov(1000, 4000, 1), "webm": matroska(),
           "avi": avi(dmlh_frames=300), "flac": flac(), "ogg": ogg_vorbis(), "mp3": id3_mp3()[:80],
           "wav": b"RIFF\x30\0\0\0WAVE" + riff_chunk(b"fmt ", struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16))
                  + riff_chunk(b"data", bytes(16))}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_truncated_and_corrupted_headers_never_raise(tmp_path, kind):
    data = SAMPLES[kind]
    path = tmp_path / "f"
    for cut in range(len(data)):
        path.write_bytes(data[:cut])
        assert isinstance(probe(path), MediaInfo)
    rnd = random.Random(kind)
    for _ in range(300):
        mutated = bytearray(data)
        for _ in range(rnd.randrange(1, 4)):
            i = rnd.randrange(len(mutated))
            mutated[i] = rnd.choice([0, 1, 0x7F, 0x80, 0xFF, rnd.getrandbits(8)])
        path.write_bytes(mutated)
        info = probe(path)
        assert info.duration_ms is None or 0 <= info.duration_ms <= media_probe.MAX_MS


def test_only_oserror_escapes(tmp_path):
    with pytest.raises(FileNotFoundError):
        probe(tmp_path / "missing.mp4")
    with pytest.raises(OSError):
        probe(tmp_path)                                             # a directory


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    assert probe(tmp_path / "pipe") == MediaInfo()                  # opening it would block


# --- cross-check with ffprobe, when it is installed ----------------------------------------------

@pytest.mark.skipif(not (shutil.which("ffmpeg") and shutil.which("ffprobe")), reason="ffmpeg not installed")
def test_durations_match_ffprobe(tmp_path):
    made = {
        "clip.mp4": ["-f", "lavfi", "-i", "testsrc=duration=2.5:size=160x120:rate=25",
                     "-f", "lavfi", "-i", "sine=duration=2.5", "-pix_fmt", "yuv420p", "-shortest"],
        "clip.wav": ["-f", "lavfi", "-i", "sine=duration=3.217:sample_rate=48000"],
    }
    for name, args in made.items():
        out = tmp_path / name
        subprocess.run(["ffmpeg", "-v", "error", "-y", *args, str(out)], check=True, timeout=120)
        report = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json",
                                 str(out)], check=True, capture_output=True, text=True, timeout=60).stdout
        expected = float(json.loads(report)["format"]["duration"]) * 1000
        info = probe(out)
        assert info.container == name.rsplit(".", 1)[1]
        assert info.duration_ms is not None and abs(info.duration_ms - expected) <= 1, (name, info, expected)
