"""Documents the centre issues: a content-only model (model.py) and its renderers, PDF/A-1b
(pdf.py, signed by pdf_sign.py) and DOCX (docx.py); the court summary (summary.py); issuing and
the registers (issuing.py); prosecutor bundles (bundle.py); the centre's certificates (pki.py).
The renderers are imported on demand: they pull in reportlab, pikepdf, pyHanko and python-docx,
which the rest of the core does not need."""
