"""Icons: the application icon (resources/icons) and simple line icons drawn in the palette's
text colour, so that they read well in light and dark mode alike.

An icon is rendered from its SVG at the size asked for, when it is first painted (a window builds
many icons that are not on screen yet: menus, navigation of the unlocked window), and kept."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOption
from PySide6.QtSvg import QSvgRenderer

from barnahus_app.paths import resources_dir

_LINES = {
    "cases": '<path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/>',
    "open": '<rect x="4" y="3" width="12" height="16" rx="2"/><path d="M7.5 8h5M7.5 11.5h5M7.5 15h3"/>'
            '<path d="M19.5 7v12a2.5 2.5 0 0 1-2.5 2.5H8"/>',
    "admin": '<circle cx="9" cy="8" r="3.5"/><path d="M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6"/>'
             '<circle cx="17" cy="9" r="2.5"/><path d="M16.5 14c2.8 0 4.5 2 4.5 5"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "key": '<circle cx="8" cy="12" r="4"/><path d="M12 12h9M18 12v3M21 12v2.5"/>',
    "new": '<path d="M12 5v14M5 12h14"/>',
    "settings": '<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12"/><circle cx="16" cy="6" r="2"/>'
                '<circle cx="10" cy="12" r="2"/><circle cx="18" cy="18" r="2"/>',
    "print": '<path d="M7 9V3h10v6"/><rect x="3" y="9" width="18" height="8" rx="2"/>'
             '<rect x="7" y="14" width="10" height="7"/>',
    "save": '<path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z"/><path d="M14 3v6h6"/>'
            '<path d="M12 11v7M9 15l3 3 3-3"/>',
    "folder": '<path d="M3 18V6a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v2"/><path d="M3 18l2.5-8H22l-2.5 8z"/>',
    "quit": '<path d="M10 4H5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h5"/><path d="M15 8l4 4-4 4M19 12H9"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
    "meetings": '<circle cx="6" cy="7" r="2.2"/><circle cx="12" cy="5.5" r="2.2"/><circle cx="18" cy="7" r="2.2"/>'
                '<path d="M3 13h18M5 13v7M19 13v7"/><path d="M3.5 11c.5-1.3 1.5-2 2.5-2s2 .7 2.5 2"/>'
                '<path d="M15.5 11c.5-1.3 1.5-2 2.5-2s2 .7 2.5 2"/>',
    "today": '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>'
             '<path d="M8.5 15l2.5 2.5 4.5-4.5"/>',
}
_SIZES = (16, 20, 24, 32, 48, 64)


def begin_icon(size: int, ratio: float = 1.0) -> tuple[QPixmap, QPainter]:
    """A transparent size × size pixmap for a screen of this pixel ratio, and an antialiased
    painter on it with no pen: the caller draws, then ends the painter."""
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    return pm, p


def _render(svg: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pm, p = begin_icon(size)
    renderer.render(p, QRectF(0, 0, size, size))
    p.end()
    return pm


class _SvgIconEngine(QIconEngine):
    """Renders the SVG on first use, at the size asked for (each size once); other modes than
    Normal (disabled, selected) are derived by the style, as for an icon made of pixmaps."""

    def __init__(self, svg: str, sizes=_SIZES):
        super().__init__()
        self._svg = svg
        self._sizes = tuple(sizes)
        self._cache: dict[tuple[int, int], QPixmap] = {}

    def _pixmap(self, side: int, mode) -> QPixmap:
        side = max(1, side)
        key = (side, int(mode.value) if hasattr(mode, "value") else int(mode))
        pm = self._cache.get(key)
        if pm is None:
            pm = self._cache.get((side, 0))
            if pm is None:
                pm = self._cache[(side, 0)] = _render(self._svg, side)
            if mode != QIcon.Mode.Normal:
                style = QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
                if style is not None:
                    pm = style.generatedIconPixmap(mode, pm, QStyleOption())
            self._cache[key] = pm
        return pm

    def pixmap(self, size, mode, state):  # noqa: D102 (Qt)
        return QPixmap(self._pixmap(min(size.width(), size.height()), mode))

    def scaledPixmap(self, size, mode, state, scale):  # noqa: N802 (Qt name)
        pm = QPixmap(self._pixmap(round(min(size.width(), size.height()) * max(scale, 1.0)), mode))
        pm.setDevicePixelRatio(max(scale, 1.0))
        return pm

    def paint(self, painter, rect, mode, state):  # noqa: D102 (Qt)
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = min(rect.width(), rect.height())
        pm = self._pixmap(round(side * max(dpr, 1.0)), mode)
        painter.drawPixmap(rect.x() + (rect.width() - side) // 2, rect.y() + (rect.height() - side) // 2,
                           side, side, pm)

    def actualSize(self, size, mode, state):  # noqa: N802 (Qt name)
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode=QIcon.Mode.Normal, state=QIcon.State.Off):  # noqa: N802 (Qt name)
        return [QSize(s, s) for s in self._sizes]

    def isNull(self) -> bool:  # noqa: N802 (Qt name)
        return False

    def clone(self):
        return _SvgIconEngine(self._svg, self._sizes)

    def key(self) -> str:
        return "barnahus-svg"


@lru_cache(maxsize=None)
def _line_icon(name: str, colour: str) -> QIcon:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="' + colour
           + '" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">' + _LINES[name] + "</svg>")
    return QIcon(_SvgIconEngine(svg))


def icon(name: str) -> QIcon:
    """A line icon in the current palette's text colour."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _line_icon(name, colour)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    path = resources_dir() / "icons" / "barnahus.svg"
    if not path.exists():
        return QIcon()
    return QIcon(_SvgIconEngine(path.read_text(encoding="utf-8"), (*_SIZES, 128, 256)))
