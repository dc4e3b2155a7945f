"""The Settings view: the business settings and an agency's discipline settings, for administrators.

Each field shows its meaning, unit and valid range; every problem of a form
appears beside its field at once, and nothing is saved while one remains.
Each change is stored and audited by its service
(``app.services.administration.settings``). The discipline settings have no
defaults: an empty field is "not set", never filled in with a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services.administration.settings import (
    FieldKind,
    SettingField,
    agency_codes,
    agency_fields,
    business_fields,
    save_agency,
    save_business,
)
from app.ui.form_drafts import ask_discard
from app.ui.form_messages import ErrorLabel, FieldMessages
from app.ui.palette import style_as_note
from app.ui.workspace import Workspace

Input = QLineEdit | QComboBox


class SettingsForm(QGroupBox):
    """One group of settings: a row per field (meaning, input, unit and range, message)."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.empty_text = empty_text
        self.fields: dict[str, SettingField] = {}
        self.inputs: dict[str, Input] = {}
        self.general = ErrorLabel()
        self.messages = FieldMessages(self.general, parent=self)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.save_button = QPushButton(self.tr("&Save"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        style_as_note(self.intro)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def set_fields(self, fields: tuple[SettingField, ...]) -> None:
        """Show ``fields`` with their values (empty and marked "not set" when not set)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.messages.labels.clear()
        self.messages.inputs.clear()
        self.fields = {f.key: f for f in fields}
        self.inputs = {}
        for row, field in enumerate(fields):
            label = QLabel(field.meaning)
            label.setWordWrap(True)
            if field.source:
                label.setToolTip(self.tr("Where it comes from: {0}").format(field.source))
            editor = self._editor(field)
            label.setBuddy(editor)
            hint = QLabel(self.hint(field))
            hint.setObjectName(f"hint_{field.key}")
            hint.setWordWrap(True)
            style_as_note(hint)
            error = ErrorLabel()
            error.setObjectName(f"error_{field.key}")
            self.grid.addWidget(label, 2 * row, 0)
            self.grid.addWidget(editor, 2 * row, 1)
            self.grid.addWidget(hint, 2 * row, 2)
            self.grid.addWidget(error, 2 * row + 1, 1, 1, 2)
            self.messages.add(field.key, editor, error)
            self.inputs[field.key] = editor
        self.grid.setColumnMinimumWidth(0, 260)
        self.grid.setColumnMinimumWidth(2, 200)

    def hint(self, field: SettingField) -> str:
        """Unit and range, and what applies while not set: "minutes, 1 to 240 (default 10)"."""
        parts = [p for p in (field.unit, field.valid) if p]
        text = ", ".join(parts)
        if field.value is None:
            text += (self.tr(" (default {0})").format(field.default) if field.default is not None
                     else self.tr(" (not set: no default)"))  # fmt: skip
        return text

    def _editor(self, field: SettingField) -> Input:
        editor: Input
        if field.kind is FieldKind.CHOICE:
            editor = QComboBox()
            editor.addItem(self.empty_text, None)
            for choice in field.choices:
                editor.addItem(choice, choice)
            index = editor.findData(field.value) if field.value is not None else 0
            editor.setCurrentIndex(max(index, 0))
        else:
            # A business setting shows the value in force (its default until set); a
            # discipline setting not set stays empty: nothing is invented for it.
            shown = field.value if field.value is not None else field.default
            editor = QLineEdit(shown or "")
            editor.setPlaceholderText(self.empty_text)
        editor.setObjectName(f"setting_{field.key}")
        editor.setAccessibleName(field.meaning)
        return editor

    def typed(self, key: str) -> str | None:
        """What the field holds now (``None`` for an empty choice)."""
        editor = self.inputs[key]
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return None if data is None else str(data)
        return editor.text().strip()

    def changes(self) -> dict[str, str | None]:
        """The fields whose text differs from the stored value."""
        changed: dict[str, str | None] = {}
        for key, field in self.fields.items():
            now = self.typed(key)
            stored = field.value if field.value is not None else (field.default or "")
            if (now or "") != (stored or ""):
                changed[key] = now or None
        return changed


class SettingsPage(QWidget):
    """Business settings, then the chosen agency's discipline settings."""

    saved = Signal(int)  #: settings were stored (how many)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.business = SettingsForm(self.tr("Business settings"), self.tr("required"))
        self.business.setObjectName("businessSettings")
        self.business.set_intro(
            self.tr("These apply to everyone who uses this database. A changed value is "
                    "recorded in the audit log.")
        )  # fmt: skip
        self.business.save_button.setObjectName("saveBusinessSettings")
        self.business.save_button.clicked.connect(self.on_business_save_clicked)

        self.discipline = SettingsForm(self.tr("Discipline settings of an agency"),
                                       self.tr("not set"))  # fmt: skip
        self.discipline.setObjectName("disciplineSettings")
        self.discipline.set_intro(
            self.tr("Facts the law leaves to the agency's own rules. None has a default: a "
                    "field left empty is not set, and a step that needs it is refused and "
                    "names it. Hover a label to see where the value comes from.")
        )  # fmt: skip
        self.discipline.save_button.setObjectName("saveDisciplineSettings")
        self.discipline.save_button.clicked.connect(self.on_discipline_save_clicked)
        self.agency = QComboBox()
        self.agency.setObjectName("settingsAgency")
        self.agency.currentIndexChanged.connect(self.on_agency_changed)
        self._shown_agency: str | None = None  # whose discipline settings the form holds
        agency_row = QHBoxLayout()
        agency_label = QLabel(self.tr("&Agency:"))
        agency_label.setBuddy(self.agency)
        agency_row.addWidget(agency_label)
        agency_row.addWidget(self.agency, 1)
        discipline_layout = self.discipline.layout()
        assert isinstance(discipline_layout, QVBoxLayout)
        discipline_layout.insertLayout(1, agency_row)
        if not workspace.can(
            Permission.DISCIPLINE_SETTINGS_MANAGE
        ):  # hidden before it has a parent: never shown as a window of its own
            self.discipline.hide()

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.business)
        column.addWidget(self.discipline)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._reload()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every value from the database (View ▸ Refresh), once unsaved ones may go."""
        if self._may_lose(self.unsaved()):
            self._reload()

    def _reload(self, *, business: bool = True, discipline: bool = True) -> None:
        if business:
            self.workspace.call(business_fields, on_success=self.business.set_fields,
                                parent=self)  # fmt: skip
        if discipline and self.workspace.can(Permission.DISCIPLINE_SETTINGS_MANAGE):
            self.workspace.call(agency_codes, on_success=self.on_agencies_loaded, parent=self)

    def unsaved(self) -> list[str]:
        """The settings changed in the forms and not saved, each group said for the user."""
        found = []
        if self.business.changes():
            found.append(self.tr("the business settings"))
        if self._shown_agency and self.discipline.changes():
            found.append(self.tr("the discipline settings of {0}").format(self._shown_agency))
        return found

    def may_close(self) -> bool:
        """Whether the window may close: asks first about settings not saved."""
        return self._may_lose(self.unsaved())

    def _may_lose(self, unsaved: list[str]) -> bool:
        """Whether the settings ``unsaved`` names may be lost: nothing, or the user says so."""
        return not unsaved or ask_discard(
            self, unsaved, self.tr("Settings changed, not saved:"), saved=True
        )

    def on_agencies_loaded(self, agencies: list[tuple[str, str]]) -> None:
        chosen = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        for code, name in agencies:
            self.agency.addItem(f"{code} — {name}", code)
        index = self.agency.findData(chosen)
        self.agency.setCurrentIndex(max(index, 0))
        self.agency.blockSignals(False)
        self.on_agency_changed()

    @Slot()
    def on_agency_changed(self, *_: object) -> None:
        code = self.agency.currentData()
        shown = self._shown_agency
        if shown and code != shown and self.discipline.changes():
            if not self._may_lose([self.tr("the discipline settings of {0}").format(shown)]):
                self.agency.blockSignals(True)
                self.agency.setCurrentIndex(self.agency.findData(shown))
                self.agency.blockSignals(False)
                return
        self._shown_agency = code
        if code:
            self.workspace.call(agency_fields, code, on_success=self.discipline.set_fields,
                                parent=self)  # fmt: skip

    # -- saving --------------------------------------------------------------------------

    def _save(
        self, form: SettingsForm, service: Callable[..., int], *args: object,
        changes: dict[str, str | None], typed: object,
    ) -> None:  # fmt: skip
        form.messages.clear()
        if not changes:
            self.workspace.status_message.emit(self.tr("Nothing changed."))
            return
        form.save_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            form.save_button.setEnabled(True)
            if isinstance(error, InvalidInput):
                form.messages.show_error(error)
            else:
                self.workspace.errors.show(error, self)

        def done(count: int) -> None:
            form.save_button.setEnabled(True)
            self.workspace.status_message.emit(self.tr("%n setting(s) saved.", "", count))
            self.saved.emit(count)
            # The form saved is read again; the other keeps what is typed in it.
            self._reload(business=form is self.business, discipline=form is self.discipline)

        self.workspace.call(service, *args, typed, on_success=done, on_failure=failed,
                            parent=self)  # fmt: skip

    @Slot()
    def on_business_save_clicked(self) -> None:
        changes = self.business.changes()
        typed = {key: value or "" for key, value in changes.items()}
        self._save(self.business, save_business, changes=changes, typed=typed)

    @Slot()
    def on_discipline_save_clicked(self) -> None:
        code = self.agency.currentData()
        if not code:
            return
        changes = self.discipline.changes()
        self._save(self.discipline, save_agency, code, changes=changes, typed=changes)
