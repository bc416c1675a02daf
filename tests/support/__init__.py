"""Helpers shared by the tests (tests/conftest.py holds only fixtures):

records         the fixed users and passwords, make_record (a copy of one record per session),
                login, sample_case, raw/table_counts, fill_the_disk, cheap_argon2
cli             the command line in-process (run_cli) and as a real process (run_cli_process)
document_tools  the independent checkers: PDFBox Preflight, pdftotext, LibreOffice
gui_shell       the desktop shell: make_window, unlock, typing, answering modal dialogs
"""
