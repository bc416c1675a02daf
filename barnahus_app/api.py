"""What front ends import: open or create a record, and the errors they may show."""
from .errors import (  # noqa: F401
    BarnahusError, DiskFull, NotFound, PermissionDenied, PossibleDuplicate, RecordFileError,
    RecordLocked, RecordReadOnly, SchemaTooNew, ValidationError, WrongCredentials,
)
from .keyslots import KdfParams  # noqa: F401
from .record import create_record, open_record  # noqa: F401
from .cases import CaseFilter, CasePage  # noqa: F401
from .session import Session  # noqa: F401
from .record import PASSWORD_MIN, check_password, check_username  # noqa: F401,E402
from .settings import SETTINGS  # noqa: F401,E402
