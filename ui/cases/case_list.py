"""The list of all cases: search, filters, sorting, and a model that pages through the core.

The model never holds more rows than the user has scrolled to: it asks the core for one page
(list_cases(limit, offset)) at a time through canFetchMore/fetchMore, so a 100,000-case record
opens as fast as a small one. Searching uses the core's full-text index inside the encrypted
record; nothing is indexed, cached or logged outside it.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel, QEvent, QLocale, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QHeaderView, QLabel, QLayout, QLineEdit, QPushButton, QSizePolicy,
    QStackedWidget, QStyle, QTableView, QVBoxLayout, QWidget,
)

from barnahus_app import vocab
from barnahus_app.api import BarnahusError, CaseFilter

from ui.common.feedback import setup_list_table

from ui.common.dates import age_on, local_datetime_text
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo, label_language, term_label

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 100

# Columns the core can sort by, and the sort names it knows (cases.SORTS).
SORT_NAMES = ("received_desc", "received_asc", "reference", "status")


class CaseListModel(QAbstractTableModel):
    """Rows of the case list, fetched page by page from session.list_cases."""

    errorOccurred = Signal(str)
    totalChanged = Signal(int)

    def __init__(self, session, page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self._rows: list[dict] = []
        self._total = 0
        self._filter = CaseFilter()
        self._sort = "received_desc"
        self._columns = self._make_columns()

    def _make_columns(self) -> list[str]:
        cols = ["reference"]
        if self.session is not None and self.session.can("person", "read"):
            # the core leaves names out for roles without person.read
            cols += ["child_name", "date_of_birth", "age"]
        cols += ["status", "received", "case_lead", "emergency"]
        if self.session is not None and self.session.can("person", "read"):
            cols.append("matched")  # why a search found the case, when the child does not say it
        return cols

    def set_session(self, session) -> None:
        self.beginResetModel()
        self.session = session
        self._rows, self._total = [], 0
        self._columns = self._make_columns()
        self.endResetModel()
        self.totalChanged.emit(0)

    # --- querying ---------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    @property
    def total(self) -> int:
        return self._total

    @property
    def sort_name(self) -> str:
        return self._sort

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def set_query(self, flt: CaseFilter, sort: str | None = None) -> None:
        """Start again from the first page (with the total count) for this filter and sort."""
        self._filter = flt
        if sort is not None:
            self._sort = sort
        self.beginResetModel()
        self._rows, self._total = [], 0
        try:
            if self.session is not None:
                page = self.session.list_cases(self._filter, self._sort, limit=self.page_size,
                                               offset=0, count=True)
                self._rows, self._total = list(page.rows), page.total
        except BarnahusError as e:
            self.errorOccurred.emit(str(e))
        finally:
            self.endResetModel()
        self.totalChanged.emit(self._total)

    def clear(self) -> None:
        """Drop every row (used when the application locks)."""
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()
        self.totalChanged.emit(0)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt name)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self.session is None:
            return
        offset = len(self._rows)
        try:
            page = self.session.list_cases(self._filter, self._sort, limit=self.page_size,
                                           offset=offset, count=False)
        except BarnahusError as e:
            self._total = len(self._rows)  # stop asking; the message says why
            self.errorOccurred.emit(str(e))
            return
        rows = page.rows
        if not rows:
            self._total = offset  # the record shrank underneath us
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # --- the table ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def column_of(self, key: str) -> int:
        return self._columns.index(key) if key in self._columns else -1

    def case_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_data(self, row: int) -> dict:
        return dict(self._rows[row])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        key = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "reference": self.tr("Reference"),
                "child_name": self.tr("Child"),
                "date_of_birth": self.tr("Born"),
                "age": self.tr("Age"),
                "matched": self.tr("Matched"),
                "status": self.tr("Status"),
                "received": self.tr("Received"),
                "case_lead": self.tr("Case lead"),
                "emergency": self.tr("Emergency"),
            }[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("reference", "status", "received"):
                return self.tr("Click to sort by this column")
            return self.tr("This column cannot be sorted")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "reference":
                return row["reference"]
            if key == "child_name":
                return row.get("child_name") or ""
            if key == "status":
                return term_label("case_statuses", row["status"])
            if key == "received":
                return local_datetime_text(row["referral_received_at"])
            if key == "case_lead":
                return row.get("case_lead_name") or ""
            if key == "emergency":
                return self.tr("Emergency") if row.get("emergency") else ""
            if key == "date_of_birth":
                return row.get("child_date_of_birth") or ""
            if key == "age":
                return self._age(row.get("child_date_of_birth"))
            if key == "matched":
                return "; ".join(self._matched_text(m) for m in row.get("matched") or ())
        if role == Qt.ItemDataRole.ToolTipRole and key == "matched" and row.get("matched"):
            return "\n".join(self._matched_text(m) for m in row["matched"])
        if role == Qt.ItemDataRole.DecorationRole and key == "emergency" and row.get("emergency"):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and key == "status" and row.get("triage_level"):
            return self.tr("Triage: %1").replace("%1", term_label("triage_levels", row["triage_level"]))
        if role == Qt.ItemDataRole.FontRole and key == "emergency" and row.get("emergency"):
            f = QFont()
            f.setBold(True)
            return f
        if role == CASE_ID_ROLE:
            return row["id"]
        return None

    @staticmethod
    def _age(dob: str | None) -> str:
        try:
            return str(age_on(date.fromisoformat(dob), date.today())) if dob else ""
        except ValueError:
            return ""

    def _matched_text(self, m: dict) -> str:
        """'Parent: Anna Berg', 'Carer: Anna Berg, born 1985-06-01', 'Police reference: 5000-K123'."""
        if m["role"] == "police_reference":
            who = self.tr("Police reference")
        elif m["role"] == "prosecution_reference":
            who = self.tr("Prosecution reference")
        elif m["role"] == "child":
            who = self.tr("Child")
        elif m["role"] == "carer" and m.get("relationship"):
            who = term_label("relationships_to_child", m["relationship"])   # "Parent"
        elif m.get("relationship"):   # "Alleged offender (family friend)": the role is never hidden
            who = self.tr("{role} ({relationship})").format(
                role=term_label("party_roles", m["role"]),
                relationship=term_label("relationships_to_child", m["relationship"]).lower())
        else:
            who = term_label("party_roles", m["role"])
        if m.get("date_of_birth"):
            return self.tr("{who}: {name}, born {date}").format(who=who, name=m["name"], date=m["date_of_birth"])
        return self.tr("{who}: {name}").format(who=who, name=m["name"])

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the panel is narrow (large
    fonts, 200% scaling) instead of overlapping or forcing a wide window."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self):  # noqa: N802
        return self.minimumSize()

    def minimumSize(self):  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect, apply: bool) -> int:
        x, y, line_h = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_h > 0:
                x, y, line_h = rect.x(), y + line_h + gap, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()


class CaseTable(QTableView):
    """Home and End go to the first and the last row; a plain QTableView sends them to the first
    and the last column of the row. End loads the pages still missing first, up to END_ROWS rows
    (a search narrows a longer list faster than paging through it)."""

    END_ROWS = 1000

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt name)
        if action == QTableView.CursorAction.MoveEnd:
            model = self.model()
            while model.canFetchMore(QModelIndex()) and model.rowCount() < self.END_ROWS:
                model.fetchMore(QModelIndex())
        if action in (QTableView.CursorAction.MoveHome, QTableView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class _SearchKeys(QObject):
    """Down arrow in the search field moves to the list; Enter opens the first result."""

    def __init__(self, panel: "CaseListPanel"):
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.panel.focus_table()
            return True
        return False


class CaseListPanel(QWidget):
    """Search, filters, sortable columns and the paged list of cases."""

    caseActivated = Signal(int)
    newCaseRequested = Signal()

    DEBOUNCE_MS = 150

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("caseListPanel")
        self._build()
        self._sync_sort_indicator()
        self.refresh()

    # --- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 8)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Search by name, date of birth or reference (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setAccessibleDescription(self.tr(
            "Finds cases by case reference, police or prosecution reference, or the name or date "
            "of birth (2015-03-07, 7.3.2015, 7 March 2015) of a person in the case. Press Down, or "
            "Tab, to move to the list."))
        self.search.setMaxLength(200)
        self.search.installEventFilter(_SearchKeys(self))
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("&New case"), self)
        self.new_button.setObjectName("newCaseButton")
        self.new_button.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_button.setToolTip(self.tr("Open the intake of a new case (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New case"))
        self.new_button.clicked.connect(self.newCaseRequested)
        can_create = self.session is not None and self.session.can("case", "create")
        self.new_button.setVisible(can_create)
        top.addWidget(self.new_button)
        outer.addLayout(top)

        filters = FlowLayout(spacing=6)
        self.status_filter = VocabCombo("case_statuses", self, empty_text=self.tr("Any status"))
        self.lead_filter = ChoiceCombo((), self, empty_text=self.tr("Any case lead"))
        self.abuse_filter = ChoiceCombo(self._abuse_choices(), self, empty_text=self.tr("Any form of abuse"))
        self.year_filter = ChoiceCombo((), self, empty_text=self.tr("Any year"))
        self.emergency_filter = ChoiceCombo(
            [(True, self.tr("Emergencies only")), (False, self.tr("No emergencies"))], self,
            empty_text=self.tr("With or without emergency"))
        self.sort_choice = ChoiceCombo([
            ("received_desc", self.tr("Newest first")),
            ("received_asc", self.tr("Oldest first")),
            ("reference", self.tr("Reference")),
            ("status", self.tr("Status")),
        ], self)
        self.sort_choice.set_value("received_desc")
        widths = {"statusFilter": 10, "leadFilter": 14, "abuseFilter": 22, "yearFilter": 7,
                  "emergencyFilter": 18, "sortChoice": 11}
        for combo, name, label in (
            (self.status_filter, "statusFilter", self.tr("Status")),
            (self.lead_filter, "leadFilter", self.tr("Case lead")),
            (self.abuse_filter, "abuseFilter", self.tr("Form of abuse")),
            (self.year_filter, "yearFilter", self.tr("Year received")),
            (self.emergency_filter, "emergencyFilter", self.tr("Emergency")),
            (self.sort_choice, "sortChoice", self.tr("Sort by")),
        ):
            combo.setObjectName(name)
            combo.setAccessibleName(label)
            combo.setToolTip(label)
            combo.setMinimumContentsLength(widths[name])
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            if combo is self.sort_choice:
                lab = QLabel(self.tr("&Sort:"), self)
                lab.setBuddy(combo)
                box = QWidget(self)
                bl = QHBoxLayout(box)
                bl.setContentsMargins(12, 0, 0, 0)
                bl.addWidget(lab)
                bl.addWidget(combo)
                filters.addWidget(box)
            else:
                filters.addWidget(combo)
            combo.valueChanged.connect(self._filters_changed)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.setFixedHeight(self.status_filter.sizeHint().height())
        filters.addWidget(self.clear_filters_button)
        outer.addLayout(filters)

        self.model = CaseListModel(self.session, PAGE_SIZE, self)
        self.model.errorOccurred.connect(self._show_error)
        self.model.totalChanged.connect(self._total_changed)
        self.view = CaseTable(self)
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Cases"))
        setup_list_table(self.view, self.fontMetrics().height() + 12)
        self.view.setSortingEnabled(False)
        hh = self.view.horizontalHeader()
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.sectionClicked.connect(self._header_clicked)
        self.view.activated.connect(self._activated)
        self._size_columns()

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        outer.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseCount")
        self.count_label.setAccessibleName(self.tr("Number of cases"))
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        bottom.addWidget(self.error_label, 3)
        outer.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_query)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        # The list is the next stop after the search field; the filters come after it.
        QWidget.setTabOrder(self.search, self.view)
        QWidget.setTabOrder(self.view, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.lead_filter)
        QWidget.setTabOrder(self.lead_filter, self.abuse_filter)
        QWidget.setTabOrder(self.abuse_filter, self.year_filter)
        QWidget.setTabOrder(self.year_filter, self.emergency_filter)
        QWidget.setTabOrder(self.emergency_filter, self.sort_choice)
        QWidget.setTabOrder(self.sort_choice, self.clear_filters_button)
        QWidget.setTabOrder(self.clear_filters_button, self.new_button)
        self.setFocusProxy(self.search)

    def _abuse_choices(self):
        # Retired forms stay in the filter: older cases carry them.
        lang = label_language()
        return [(t.code, t.label(lang)) for t in vocab.vocabulary("abuse_forms").terms]

    def _size_columns(self) -> None:
        hh = self.view.horizontalHeader()
        fm = self.fontMetrics()
        widths = {"reference": fm.horizontalAdvance("BH-0000-00000") + 32,
                  "status": fm.horizontalAdvance("Referred") + 48,
                  "received": fm.horizontalAdvance("0000-00-00 00:00") + 40,
                  "date_of_birth": fm.horizontalAdvance("0000-00-00") + 24,
                  "case_lead": fm.horizontalAdvance("M" * 14) + 24,
                  "age": fm.horizontalAdvance(self.tr("Age")) + 32,
                  "emergency": fm.horizontalAdvance(self.tr("Emergency")) + 56}
        for key, col in ((k, self.model.column_of(k)) for k in self.model.columns):
            if key in ("child_name", "matched"):
                hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                hh.resizeSection(col, widths[key])

    def _fill_choices(self) -> None:
        """Case leads and the years that hold cases. Loaded from the core; no case content."""
        if self.session is None:
            return
        try:
            leads = self.session.users_with_role("coordinator") if self.session.can("user", "read") else []
        except BarnahusError:
            leads = []
        self.lead_filter.blockSignals(True)
        self.lead_filter.set_choices([(u["id"], u["display_name"]) for u in leads])
        self.lead_filter.blockSignals(False)
        try:
            years = set(self.session.case_years())
        except BarnahusError:
            years = set()
        years.add(date.today().year)  # this year's cases are the ones a new centre looks for
        self.year_filter.blockSignals(True)
        self.year_filter.set_choices([(y, str(y)) for y in sorted(years, reverse=True)])
        self.year_filter.blockSignals(False)

    # --- public API --------------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        text = self.search.text().strip() or None
        return CaseFilter(text=text, status=self.status_filter.value(),
                          case_lead_id=self.lead_filter.value(), abuse_form=self.abuse_filter.value(),
                          year=self.year_filter.value(), emergency=self.emergency_filter.value())

    def refresh(self) -> None:
        """Load the first page again, and the filter choices (after a save, or after unlocking)."""
        self._debounce.stop()
        self._fill_choices()
        self._run_query()

    def clear(self) -> None:
        """Drop every row and the search text (the application is locking)."""
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self._debounce.stop()
        self.count_label.clear()
        self.error_label.hide()
        self.stack.setCurrentWidget(self.view)

    def set_session(self, session) -> None:
        """Use another session (after the same or another user unlocks)."""
        self.session = session
        self.model.set_session(session)
        self.new_button.setVisible(session is not None and session.can("case", "create"))
        self._size_columns()
        self._fill_choices()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.lead_filter, self.abuse_filter, self.year_filter,
                      self.emergency_filter):
            combo.blockSignals(True)
            combo.set_value(None)
            combo.blockSignals(False)
        self._run_query()

    # --- reactions -----------------------------------------------------------------------------
    def _filters_changed(self, _value=None) -> None:
        self._debounce.stop()
        self._run_query()

    def _run_query(self) -> None:
        self.error_label.hide()
        sort = self.sort_choice.value() or "received_desc"
        self.model.set_query(self.current_filter(), sort)
        matched = self.model.column_of("matched")
        if matched >= 0:   # only a search has something to say there
            self.view.setColumnHidden(matched, not self.model.case_filter.text)
        self._sync_sort_indicator()
        if self.model.rowCount():
            self.view.scrollToTop()

    def _search_enter(self) -> None:
        self._debounce.stop()
        self._run_query()
        self.focus_table()

    def _header_clicked(self, section: int) -> None:
        key = self.model.columns[section] if 0 <= section < len(self.model.columns) else None
        current = self.model.sort_name
        new = {"reference": "reference", "status": "status"}.get(key)
        if key == "received":
            new = "received_asc" if current == "received_desc" else "received_desc"
        if new is None or new == current:
            self._sync_sort_indicator()  # the core cannot sort by this column: undo Qt's arrow
            return
        self.sort_choice.blockSignals(True)
        self.sort_choice.set_value(new)
        self.sort_choice.blockSignals(False)
        self._run_query()

    def _sync_sort_indicator(self) -> None:
        sort = self.model.sort_name
        key = {"received_desc": "received", "received_asc": "received"}.get(sort, sort)
        order = Qt.SortOrder.DescendingOrder if sort == "received_desc" else Qt.SortOrder.AscendingOrder
        hh = self.view.horizontalHeader()
        hh.blockSignals(True)
        hh.setSortIndicator(self.model.column_of(key), order)
        hh.blockSignals(False)

    def _activated(self, index) -> None:
        cid = self.model.case_id(index.row())
        if cid is not None:
            self.caseActivated.emit(cid)

    def _total_changed(self, total: int) -> None:
        loc = QLocale()
        self.count_label.setText(self.tr("1 case") if total == 1
                                 else self.tr("%1 cases").replace("%1", loc.toString(total)))
        if total == 0 and self.session is not None:
            filtered = bool(self.current_filter().used())
            self.empty_label.setText(
                self.tr("No cases match the search and filters.") if filtered
                else self.tr("There are no cases yet."))
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.view)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
